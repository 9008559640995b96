// `casechain serve --config FILE`, through the real binary: the file's
// settings apply, options given on the command line win, unknown keys and bad
// values are errors naming the file and line, and the shipped sample
// (deploy/casechain.conf.sample) sets every setting serve has.
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace casechain;

namespace {

test::process_result casechain_cli(std::vector<std::string> arguments) {
  return test::run_process(CASECHAIN_BINARY, arguments);
}

std::string write_file(const test::temp_dir& tmp, const std::string& text) {
  auto path = (tmp / "casechain.conf").string();
  std::ofstream(path) << text;
  return path;
}

// The line of --print-config's output for `key`.
std::string setting_line(const std::string& out, const std::string& key) {
  auto at = out.find("\n" + key + " = ");
  if (out.rfind(key + " = ", 0) == 0) at = 0;
  else if (at == std::string::npos) return "";
  else ++at;
  return out.substr(at, out.find('\n', at) - at);
}

}  // namespace

TEST_SUITE("cli serve --config") {
  TEST_CASE("the file's settings apply; options given on the command line win; the rest keep their defaults") {
    test::temp_dir tmp;
    auto data = (tmp / "var").string();
    auto config = write_file(tmp, "# a comment\n\n  listen = 127.0.0.1:9443  \nqueue-limit=10\nidle-timeout = 5\ndata = " +
                                      data + "\n");
    auto r = casechain_cli({"serve", "--config", config, "--queue-limit", "20", "--print-config"});
    REQUIRE(r.status == 0);
    CHECK(setting_line(r.out, "listen") == "listen = 127.0.0.1:9443  # " + config + ":3: listen");
    CHECK(setting_line(r.out, "queue-limit") == "queue-limit = 20  # command line");
    CHECK(setting_line(r.out, "idle-timeout") == "idle-timeout = 5  # " + config + ":5: idle-timeout");
    CHECK(setting_line(r.out, "data") == "data = " + data + "  # " + config + ":6: data");
    CHECK(setting_line(r.out, "header-timeout") == "header-timeout = 10  # default");
    // A command-line option equal to its default still wins over the file.
    r = casechain_cli({"serve", "--config", config, "--listen", "127.0.0.1:8443", "--print-config"});
    REQUIRE(r.status == 0);
    CHECK(setting_line(r.out, "listen") == "listen = 127.0.0.1:8443  # command line");
    CHECK(!std::filesystem::exists(data));  // printing the settings starts nothing
  }

  TEST_CASE("an unknown key, a line without '=', a key set twice: errors naming the file and line") {
    test::temp_dir tmp;
    auto r = casechain_cli({"serve", "--config", write_file(tmp, "listen = 127.0.0.1:0\n\nlisten_port = 80\n"), "--print-config"});
    CHECK(r.status == 2);
    CHECK(r.err.find("casechain.conf:3: unknown setting `listen_port`") != std::string::npos);
    r = casechain_cli({"serve", "--config", write_file(tmp, "threads 4\n"), "--print-config"});
    CHECK(r.status == 2);
    CHECK(r.err.find("casechain.conf:1: expected `key = value`") != std::string::npos);
    r = casechain_cli({"serve", "--config", write_file(tmp, "threads = 2\nthreads = 4\n"), "--print-config"});
    CHECK(r.status == 2);
    CHECK(r.err.find("casechain.conf:2: threads is set twice (first on line 1)") != std::string::npos);
    r = casechain_cli({"serve", "--config", write_file(tmp, "demo = yes\n"), "--print-config"});
    CHECK(r.status == 2);  // --demo and --config are for the command line only
    CHECK(r.err.find("unknown setting `demo`") != std::string::npos);
    r = casechain_cli({"serve", "--config", (tmp / "missing.conf").string(), "--print-config"});
    CHECK(r.status != 0);
    CHECK(r.err.find("missing.conf") != std::string::npos);
  }

  TEST_CASE("bad values name where they came from") {
    test::temp_dir tmp;
    auto config = write_file(tmp, "idle-timeout = soon\n");
    auto r = casechain_cli({"serve", "--config", config, "--print-config"});
    CHECK(r.status == 2);
    CHECK(r.err.find("casechain.conf:1: idle-timeout: expected a whole number from 1 to 86400, got 'soon'") != std::string::npos);
    r = casechain_cli({"serve", "--config", write_file(tmp, "queue-limit = 0\n"), "--print-config"});
    CHECK(r.status == 2);
    CHECK(r.err.find("casechain.conf:1: queue-limit: expected a whole number from 1") != std::string::npos);
    r = casechain_cli({"serve", "--config", write_file(tmp, "listen = localhost\n"), "--print-config"});
    CHECK(r.status == 2);
    CHECK(r.err.find("casechain.conf:1: listen: expected HOST:PORT") != std::string::npos);
    r = casechain_cli({"serve", "--config", write_file(tmp, "cert = /etc/casechain/cert.pem\n"), "--print-config"});
    CHECK(r.status == 2);
    CHECK(r.err.find("cert and key go together") != std::string::npos);
    // The command line is checked the same way, and wins over a good file value.
    r = casechain_cli({"serve", "--config", write_file(tmp, "threads = 2\n"), "--threads", "many", "--print-config"});
    CHECK(r.status == 2);
    CHECK(r.err.find("--threads: expected a whole number") != std::string::npos);
  }

  TEST_CASE("the sample configuration documents every setting, and what it sets is valid") {
    auto sample_path = std::string(CASECHAIN_SOURCE_DIR) + "/deploy/casechain.conf.sample";
    std::ifstream in(sample_path);
    std::string sample((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(!sample.empty());
    auto defaults = casechain_cli({"serve", "--print-config"});
    REQUIRE(defaults.status == 0);
    std::istringstream lines(defaults.out);
    int settings = 0;
    for (std::string line; std::getline(lines, line); ++settings) {
      auto key = line.substr(0, line.find(" = "));
      CAPTURE(key);
      // Set, or shown commented out (cert and key: the self-signed certificate is the default).
      CHECK((sample.find("\n" + key + " = ") != std::string::npos || sample.find("\n# " + key + " = ") != std::string::npos));
    }
    CHECK(settings >= 18);
    auto r = casechain_cli({"serve", "--config", sample_path, "--print-config"});
    CHECK(r.status == 0);
    CHECK(r.err == "");
  }
}
