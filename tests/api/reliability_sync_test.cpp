// A kill cannot show what a power cut loses: pages written but not synced.
// So the real server runs under strace, one client makes acknowledged
// writes one after another, and the trace must show the write-ahead log
// synced (fsync/fdatasync) after it was last written and before any answer
// bytes go to a socket. With synchronous=NORMAL this fails: the log is
// written at commit but synced only at checkpoints.
#include "tests/support/reliability_load.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iostream>
#include <regex>

using namespace casechain;

namespace {

struct trace_summary {
  int answers_after_a_commit = 0;  // socket writes with the log written and synced since the last answer
  int answers_before_a_sync = 0;   // socket writes while the log had unsynced writes: the failure
  int log_syncs = 0;
  int log_writes = 0;
};

// Reads strace's lines (-f -y) in order. A call split by another thread's
// ("<unfinished ...>", later "<... resumed>") counts as begun at its first
// line for writes, and as done at its resumed line for syncs.
trace_summary read_trace(const std::filesystem::path& file) {
  static const std::regex resumed(R"(^\d+\s+<\.\.\. (\w+) resumed>)");
  static const std::regex started(R"(^\d+\s+(\w+)\((\d+)<([^>]*)>.*)");
  trace_summary s;
  bool log_dirty = false, log_synced_since_answer = false;
  std::map<std::string, std::string> pending_sync;  // pid -> path of an unfinished sync
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    auto pid = line.substr(0, line.find(' '));
    if (std::regex_search(line, m, resumed)) {
      auto name = m[1].str();
      if ((name == "fsync" || name == "fdatasync") && pending_sync.count(pid)) {
        if (pending_sync[pid].ends_with("-wal") && line.find("= 0") != std::string::npos) {
          ++s.log_syncs;
          log_dirty = false;
          log_synced_since_answer = true;
        }
        pending_sync.erase(pid);
      }
      continue;
    }
    if (!std::regex_search(line, m, started)) continue;
    auto name = m[1].str();
    auto path = m[3].str();
    bool unfinished = line.find("<unfinished ...>") != std::string::npos;
    if (name == "fsync" || name == "fdatasync") {
      if (unfinished) pending_sync[pid] = path;
      else if (path.ends_with("-wal") && line.find("= 0") != std::string::npos) {
        ++s.log_syncs;
        log_dirty = false;
        log_synced_since_answer = true;
      }
    } else if (path.ends_with("-wal")) {
      ++s.log_writes;
      log_dirty = true;
    } else if (path.starts_with("socket:") || path.starts_with("TCP")) {
      if (log_dirty) ++s.answers_before_a_sync;
      else if (log_synced_since_answer) ++s.answers_after_a_commit;
      log_synced_since_answer = false;
    }
  }
  return s;
}

}  // namespace

TEST_CASE("each acknowledged write's log is synced before its answer leaves (strace)") {
  test::temp_dir tmp;
  const auto data = tmp / "data";
  REQUIRE(test::run_process(CASECHAIN_BINARY, {"init", "--data", data.string()}).status == 0);
  test::add_load_users(CASECHAIN_BINARY, data);
  const auto trace = tmp / "trace.txt";
  test::server_process server(CASECHAIN_BINARY, {data, tmp / "server.log",
                                                 {"/usr/bin/strace", "-f", "-y", "-qq", "-o", trace.string(),
                                                  "-e", "trace=fsync,fdatasync,write,pwrite64,writev,sendto,sendmsg",
                                                  "-e", "signal=none"},
                                                 {}});
  server.start();
  REQUIRE_MESSAGE(server.wait_listening(std::chrono::seconds(120)), server.log_since_start());
  test::chain_load load(data / "tls" / "cert.pem");
  load.set_port(server.port());
  load.log_in();
  int acknowledged = 0;
  for (int i = 0; i < 8; ++i) acknowledged += load.one_family(std::string{"S-"} + std::to_string(i));
  server.stop();
  // Log-ins (5) and every step of every family, each one commit.
  REQUIRE(acknowledged == 8 * 6);

  auto s = read_trace(trace);
  std::cout << "sync test: " << acknowledged + 5 << " acknowledged commits; the trace has " << s.log_writes
            << " writes and " << s.log_syncs << " syncs of the log, " << s.answers_after_a_commit
            << " answers after a synced commit, " << s.answers_before_a_sync << " before the log was synced\n";
  CHECK(s.answers_before_a_sync == 0);
  CHECK(s.answers_after_a_commit >= acknowledged + 5);
}
