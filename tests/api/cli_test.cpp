// The command line, through the real binary: its help, its errors and the
// data it writes.
#include "core/data_dir.hpp"
#include "core/store/database.hpp"
#include "core/store/organisation_store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

using namespace casechain;

namespace {

test::process_result casechain_cli(std::vector<std::string> arguments, const std::string& input = "") {
  return test::run_process(CASECHAIN_BINARY, arguments, input);
}

// A data folder with one organisation, made through the CLI.
struct cli_fixture {
  test::temp_dir tmp;
  std::string data = (tmp / "var").string();
  cli_fixture() {
    REQUIRE(casechain_cli({"init", "--data", data}).status == 0);
    REQUIRE(casechain_cli({"org", "add", "--data", data, "--name", "FJC Limburg", "--sector", "administration"}).status == 0);
  }
};

}  // namespace

TEST_SUITE("api/cli") {
  TEST_CASE("--help lists every command, and each command has its own help") {
    auto help = casechain_cli({"--help"});
    CHECK(help.status == 0);
    for (const char* command : {"init", "org add", "user add", "demo generate"}) {
      CAPTURE(command);
      CHECK(help.out.find(command) != std::string::npos);
    }
    auto user_help = casechain_cli({"user", "add", "--help"});
    CHECK(user_help.status == 0);
    CHECK(user_help.out.find("--username NAME") != std::string::npos);
    CHECK(user_help.out.find("standard input") != std::string::npos);
    auto group_help = casechain_cli({"org", "--help"});
    CHECK(group_help.status == 0);
    CHECK(group_help.out.find("org add") != std::string::npos);
    CHECK(group_help.out.find("user add") == std::string::npos);
    CHECK(casechain_cli({}).status == 0);
  }

  TEST_CASE("usage errors exit 2 and name what is wrong") {
    struct usage_case {
      std::vector<std::string> arguments;
      std::string expected;
    };
    for (const auto& c : std::vector<usage_case>{
             {{"frobnicate"}, "unknown command `frobnicate`"},
             {{"org"}, "needs a subcommand"},
             {{"org", "add", "--name", "X"}, "missing --sector"},
             {{"org", "add", "--name", "X", "--sector", "bakery"}, "--sector: expected police, justice, care or administration"},
             {{"org", "add", "--name"}, "--name needs a value"},
             {{"init", "--bogus"}, "unknown option --bogus"},
             {{"init", "extra"}, "unexpected argument `extra`"},
             {{"init", "--data", "a", "--data", "b"}, "--data is given twice"},
             {{"demo", "generate", "--reports", "ten"}, "--reports: expected a whole number"},
             {{"demo", "generate", "--reports", "0"}, "--reports: expected a whole number from 1"},
             {{"demo", "generate", "--start", "2025-02-30"}, "--start: expected a date"},
             {{"user", "add", "--username", "a b", "--org", "X", "--role", "admin"}, "username:"},
             {{"user", "add", "--username", "ab", "--org", "X", "--role", "admin,chef"}, "unknown role 'chef'"},
         }) {
      CAPTURE(c.arguments);
      auto run = casechain_cli(c.arguments);
      CHECK(run.status == 2);
      CHECK(run.err.find(c.expected) != std::string::npos);
      CHECK(run.out.empty());
    }
  }

  TEST_CASE("init creates a data folder once") {
    test::temp_dir tmp;
    auto data = (tmp / "var").string();
    auto first = casechain_cli({"init", "--data", data});
    CHECK(first.status == 0);
    CHECK(std::filesystem::exists(tmp / "var" / "casechain.db"));
    auto second = casechain_cli({"init", "--data", data});
    CHECK(second.status == 1);
    CHECK(second.err.find("already initialised") != std::string::npos);
  }

  TEST_CASE("commands on a folder without data say how to create it") {
    test::temp_dir tmp;
    auto run = casechain_cli({"org", "list", "--data", (tmp / "none").string()});
    CHECK(run.status == 1);
    CHECK(run.err.find("casechain init") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "none"));
  }

  TEST_CASE("org add stores an organisation and refuses a duplicate") {
    cli_fixture f;
    auto listed = casechain_cli({"org", "list", "--data", f.data});
    CHECK(listed.status == 0);
    CHECK(listed.out.find("administration\tFJC Limburg") != std::string::npos);
    auto twice = casechain_cli({"org", "add", "--data", f.data, "--name", "fjc limburg", "--sector", "care"});
    CHECK(twice.status == 1);
    CHECK(twice.err.find("already exists") != std::string::npos);
  }

  TEST_CASE("user add reads the password from standard input and stores only its hash") {
    cli_fixture f;
    const std::string password = "a long passphrase 42";
    auto added = casechain_cli(
        {"user", "add", "--data", f.data, "--username", "triage.1", "--org", "FJC Limburg", "--role", "triage,coordinator"},
        password + "\n");
    CHECK(added.status == 0);
    CHECK(added.out.find("triage.1") != std::string::npos);
    CHECK(added.out.find(password) == std::string::npos);
    CHECK(added.err.find(password) == std::string::npos);

    auto db = core::store::database::open(core::data_dir::open(f.data).value().database_file()).value();
    auto u = core::store::find_user(db.sql(), "triage.1");
    REQUIRE(u);
    CHECK(u->roles == std::vector<core::role>{core::role::triage, core::role::coordinator});
    CHECK(u->password_hash.starts_with("$argon2id$"));
    CHECK(u->password_hash.find(password) == std::string::npos);
  }

  TEST_CASE("user add refuses weak passwords, unknown organisations and taken names") {
    cli_fixture f;
    auto weak = casechain_cli({"user", "add", "--data", f.data, "--username", "u1", "--org", "FJC Limburg", "--role", "admin"},
                              "short\n");
    CHECK(weak.status == 2);
    CHECK(weak.err.find("too short") != std::string::npos);
    auto no_input = casechain_cli({"user", "add", "--data", f.data, "--username", "u1", "--org", "FJC Limburg", "--role", "admin"});
    CHECK(no_input.status == 2);
    CHECK(no_input.err.find("standard input") != std::string::npos);
    auto no_org = casechain_cli({"user", "add", "--data", f.data, "--username", "u1", "--org", "Nowhere", "--role", "admin"},
                                "a long passphrase 42\n");
    CHECK(no_org.status == 1);
    CHECK(no_org.err.find("no organisation") != std::string::npos);
    REQUIRE(casechain_cli({"user", "add", "--data", f.data, "--username", "u1", "--org", "FJC Limburg", "--role", "admin"},
                          "a long passphrase 42\n")
                .status == 0);
    auto taken = casechain_cli({"user", "add", "--data", f.data, "--username", "U1", "--org", "FJC Limburg", "--role", "auditor"},
                               "another passphrase 43\n");
    CHECK(taken.status == 1);
    CHECK(taken.err.find("taken") != std::string::npos);
  }

  TEST_CASE("demo generate writes NDJSON to a file or standard output, the same for the same seed") {
    test::temp_dir tmp;
    auto file = (tmp / "reports.ndjson").string();
    auto to_file = casechain_cli({"demo", "generate", "--reports", "200", "--seed", "7", "--out", file});
    CHECK(to_file.status == 0);
    CHECK(to_file.err.find("Generated 200 reports") != std::string::npos);
    auto to_stdout = casechain_cli({"demo", "generate", "--reports", "200", "--seed", "7"});
    CHECK(to_stdout.status == 0);
    std::ifstream in(file);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(content == to_stdout.out);
    CHECK(std::count(content.begin(), content.end(), '\n') == 200);
    auto other_seed = casechain_cli({"demo", "generate", "--reports", "200", "--seed", "8"});
    CHECK(other_seed.out != to_stdout.out);
  }

  TEST_CASE("demo generate into a missing folder fails cleanly") {
    test::temp_dir tmp;
    auto run = casechain_cli({"demo", "generate", "--reports", "10", "--out", (tmp / "no" / "x.ndjson").string()});
    CHECK(run.status == 1);
    CHECK(run.err.find("cannot write") != std::string::npos);
  }
}
