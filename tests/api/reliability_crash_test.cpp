// Crash safety through the real binary: `casechain serve` under a steady
// write load from a few clients, killed with SIGKILL at random moments, then
// started again; after every restart each acknowledged write is there,
// nothing unacknowledged is half there, the file is sound and the audit
// chain verifies. Also killed at random moments of its very first start
// (folder, keys, schema, certificate). CASECHAIN_CRASH_KILLS sets the kills
// under load (default 50); a long run: CASECHAIN_CRASH_KILLS=300.
#include "tests/support/process.hpp"
#include "tests/support/reliability_load.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <random>
#include <thread>

using namespace casechain;

namespace {

int setting(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::atoi(value) : fallback;
}

bool audit_verifies(const std::filesystem::path& data) {
  auto run = test::run_process(CASECHAIN_BINARY, {"audit", "verify", "--data", data.string()});
  if (run.status != 0) MESSAGE("audit verify: " << run.out << run.err);
  return run.status == 0;
}

}  // namespace

TEST_CASE("killed at random moments under a write load, casechain serve loses no acknowledged write and leaves none half done") {
  const int kills = setting("CASECHAIN_CRASH_KILLS", 50);
  const int startup_kills = setting("CASECHAIN_CRASH_STARTUP_KILLS", 10);
  std::random_device seed_source;
  const auto seed = seed_source();
  std::mt19937 random(seed);
  MESSAGE("seed " << seed);

  test::temp_dir tmp;
  // The first start makes the folder, its keys, the schema and the
  // certificate (about 0.3 s in Release): killed anywhere in it, the next
  // start on that folder still comes up, and its audit trail verifies.
  int killed_before_listening = 0;
  std::uniform_int_distribution<int> startup_delay(0, 400);
  for (int i = 0; i < startup_kills; ++i) {
    const auto folder = tmp / (std::string{"first-"} + std::to_string(i));
    test::server_process first(CASECHAIN_BINARY, {folder, tmp / "first.log", {}, {}});
    first.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(startup_delay(random)));
    bool was_listening = first.log_since_start().find("listens on") != std::string::npos;
    first.kill_now();
    if (!was_listening) ++killed_before_listening;
    first.start();
    REQUIRE_MESSAGE(first.wait_listening(), "start after a kill at first start: " << first.log_since_start());
    CHECK(first.stop() == 0);
    CHECK(audit_verifies(folder));
  }

  const auto data = tmp / "data";
  REQUIRE(test::run_process(CASECHAIN_BINARY, {"init", "--data", data.string()}).status == 0);
  test::add_load_users(CASECHAIN_BINARY, data);
  test::server_process server(CASECHAIN_BINARY, {data, tmp / "server.log", {}, {}});
  server.start();
  REQUIRE(server.wait_listening());
  test::chain_load load(data / "tls" / "cert.pem");
  load.set_port(server.port());
  load.log_in();

  std::atomic<bool> done{false};
  std::atomic<int> families{0};
  std::vector<std::thread> clients;
  // A failed REQUIRE below leaves this scope by an exception: stop and join the clients
  // then, or the test ends in std::terminate and hangs until ctest's timeout.
  struct stop_clients {
    std::atomic<bool>& done;
    std::vector<std::thread>& threads;
    ~stop_clients() {
      done = true;
      for (auto& c : threads)
        if (c.joinable()) c.join();
    }
  } stop_on_exit{done, clients};
  for (int t = 0; t < 3; ++t)
    clients.emplace_back([&, t] {
      for (int n = 0; !done; ++n) {
        auto name = std::to_string(t) + "-" + std::to_string(n);
        // Besides the families: now and then a log-in (thread 0) or a batch import (thread 1).
        bool extra = n % 3 != 0 || (t == 0   ? load.log_in_again("triage")
                                    : t == 1 ? load.one_batch(std::string{"B"} + name + "#")
                                             : true);
        if (!extra || load.one_family(std::string{"K"} + name) < 6)
          std::this_thread::sleep_for(std::chrono::milliseconds(5));  // the server is down: wait for its restart
        ++families;
      }
    });

  std::uniform_int_distribution<int> uptime(50, 400);
  int survived = 0;
  std::size_t failed_checks = 0;
  for (int k = 0; k < kills; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(uptime(random)));
    server.kill_now();
    server.start();
    REQUIRE_MESSAGE(server.wait_listening(), "restart after kill " << k + 1 << ": " << server.log_since_start());
    load.set_port(server.port());
    // What was acknowledged before this look is committed before it.
    auto problems = test::check_database(data / "casechain.db", load.snapshot());
    for (const auto& p : problems) MESSAGE("after kill " << k + 1 << ": " << p);
    failed_checks += problems.size();
    CHECK(problems.empty());
    // The whole trail every tenth restart (and after the last): it grows with the run.
    if (k % 10 == 9 || k + 1 == kills) CHECK(audit_verifies(data));
    ++survived;
  }
  done = true;
  for (auto& c : clients) c.join();  // stop_on_exit then finds them joined
  CHECK(server.stop() == 0);

  auto acked = load.snapshot();
  CHECK(test::check_database(data / "casechain.db", acked).empty());
  CHECK(audit_verifies(data));
  // The load made progress between kills, and nothing answered a failure of its own.
  CHECK(acked.reports.size() > static_cast<std::size_t>(kills));
  CHECK(acked.interventions.size() > 0);
  CHECK(acked.batches.size() > 0);
  CHECK(acked.log_ins > 0);
  for (auto status : load.odd_statuses()) CHECK_MESSAGE(status < 500, "an answer with status " << status);
  std::cout << "crash test: " << survived << " kills under load survived, " << startup_kills << " during the first start ("
            << killed_before_listening << " before it listened); " << acked.total() << " writes acknowledged ("
            << acked.reports.size() << " reports, " << acked.decided_reports.size() << " decisions, "
            << acked.goals.size() << " goals, " << acked.interventions.size() << " interventions, " << acked.batches.size()
            << " batches, " << acked.log_ins << " log-ins), " << families
            << " families attempted, " << load.odd_statuses().size() << " other answers, " << failed_checks
            << " problems found\n";
}
