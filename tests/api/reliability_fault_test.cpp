// A full or failing disk under the real server: a fault shim preloaded into
// `casechain serve` (tests/support/io_fault_shim.cpp) fails the database
// files' writes and syncs while a control file says so. Writes are refused
// with 503 problem+json (Retry-After), nothing refused is stored, the
// liveness probe and the front end keep answering, authenticated reads are
// refused too (their audit entry cannot be written), and once the disk is
// back every write works and the file and audit chain are sound.
#include "tests/support/process.hpp"
#include "tests/support/reliability_load.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iostream>

using namespace casechain;

namespace {

// Written whole (a new file renamed over the old), so the shim never reads half a word.
void set_fault(const std::filesystem::path& control, const std::string& mode) {
  auto next = control.string() + ".next";
  std::ofstream(next) << mode << "\n";
  std::filesystem::rename(next, control);
}

std::int64_t reports_with_ref(const std::filesystem::path& db_file, const std::string& prefix) {
  SQLite::Database db(db_file.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT count(*) FROM reports WHERE external_ref LIKE ? || '%'");
  q.bind(1, prefix);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void check_refusal(const test::test_response& r, const std::string& what) {
  INFO(what << ": " << r.result_int() << " " << r.body());
  CHECK(r.result_int() == 503);
  CHECK(r[test::http::field::content_type] == "application/problem+json");
  CHECK(!r[test::http::field::retry_after].empty());
  CHECK(r.body().find("\"detail\":\"") != std::string::npos);
}

// A data folder with the load's users, and `casechain serve` on it under the
// fault shim (faults off until a test writes the control file).
struct faulty_server {
  test::temp_dir tmp;
  const std::filesystem::path data = std::filesystem::canonical(tmp.path()) / "data";
  const std::filesystem::path control = tmp / "fault";
  test::server_process server{CASECHAIN_BINARY,
                              {data, tmp / "server.log", {},
                               {"LD_PRELOAD=" CASECHAIN_IO_FAULT_SHIM, "CASECHAIN_FAULT_CONTROL=" + control.string(),
                                "CASECHAIN_FAULT_MATCH=" + (data / "casechain.db").string()}}};
  test::chain_load load{data / "tls" / "cert.pem"};

  faulty_server() {
    REQUIRE(test::run_process(CASECHAIN_BINARY, {"init", "--data", data.string()}).status == 0);
    test::add_load_users(CASECHAIN_BINARY, data);
    set_fault(control, "off");
    server.start();
    REQUIRE_MESSAGE(server.wait_listening(), server.log_since_start());
  }
};

}  // namespace

TEST_CASE_FIXTURE(faulty_server, "a full or failing disk: writes get 503 and store nothing, probes still answer, and all works once it is back") {
  load.set_port(server.port());
  load.log_in();
  REQUIRE(load.one_family("F-before") == 6);

  int refused = 0;
  for (std::string mode : {"enospc", "eio", "fsync"}) {
    CAPTURE(mode);
    set_fault(control, mode);
    auto client = load.client();
    const auto police = test::bearer(load.token("police"));
    for (int i = 0; i < 3; ++i) {
      auto ref = std::string{"F-"} + mode + std::string{"-"} + std::to_string(i);
      check_refusal(client.post("/api/v1/reports", test::chain_load::report_json(ref), police), "a report");
      ++refused;
    }
    auto batch = test::chain_load::report_json(std::string{"F-"} + mode + "-batch-1") + "\n" +
                 test::chain_load::report_json(std::string{"F-"} + mode + "-batch-2") + "\n";
    check_refusal(client.send(test::http::verb::post, "/api/v1/reports/import", batch, police, "application/x-ndjson"),
                  "a batch");
    check_refusal(client.post("/api/v1/session", std::string{R"({"username":"triage","password":")"} + test::load_password + R"("})"),
                  "a log-in");
    // An authenticated read cannot write its audit entry: refused the same way.
    check_refusal(client.get("/api/v1/me", test::bearer(load.token("manager"))), "a read");
    refused += 3;
    // What needs no disk keeps answering.
    CHECK(client.get("/healthz").result_int() == 200);
    auto page = client.get("/");
    CHECK(page.result_int() == 200);
    CHECK(page.body().find("<html") != std::string::npos);

    set_fault(control, "off");
    CHECK(load.one_family(std::string{"F-after-"} + mode) == 6);
    CHECK(reports_with_ref(data / "casechain.db", std::string{"F-"} + mode) == 0);
    auto problems = test::check_database(data / "casechain.db", load.snapshot());
    for (const auto& p : problems) MESSAGE(mode << ": " << p);
    CHECK(problems.empty());
  }
  // A passing fault (one failed write): the failed request's own entry is
  // then recorded, and the answer is still 503, not an unexpected fault.
  set_fault(control, "eio 1");
  check_refusal(load.client().post("/api/v1/reports", test::chain_load::report_json("F-once"),
                                   test::bearer(load.token("police"))),
                "a report during a passing fault");
  CHECK(load.one_family("F-after-once") == 6);
  set_fault(control, "off");
  CHECK(reports_with_ref(data / "casechain.db", "F-once") == 0);

  CHECK(server.stop() == 0);
  CHECK(test::check_database(data / "casechain.db", load.snapshot()).empty());
  auto verified = test::run_process(CASECHAIN_BINARY, {"audit", "verify", "--data", data.string()});
  CHECK_MESSAGE(verified.status == 0, verified.out << verified.err);
  for (auto status : load.odd_statuses()) CHECK_MESSAGE(status < 500, "an answer with status " << status);

  std::ifstream counts(control.string() + ".count");
  std::string injected((std::istreambuf_iterator<char>(counts)), std::istreambuf_iterator<char>());
  CHECK(!injected.empty());
  for (auto& ch : injected) if (ch == '\n') ch = ' ';
  ++refused;
  std::cout << "fault test: " << refused << " requests refused with 503 under ENOSPC, EIO and failing syncs; faults injected: "
            << injected << "\n";
}

// Each write commits with its audit entry, not before it: with only the next
// sync let through, a log-in and a batch import are stored with their entry
// or not at all. (Committed apart, the second commit's sync fails: a session
// or reports the trail does not know of.)
TEST_CASE_FIXTURE(faulty_server, "a log-in and a batch import commit with their audit entries: one sync, not two") {
  load.set_port(server.port());
  load.log_in();

  set_fault(control, "fsync 1");
  CHECK(load.log_in_again("triage"));
  set_fault(control, "fsync 1");
  CHECK(load.one_batch("B-one-sync#"));
  set_fault(control, "off");
  auto problems = test::check_database(data / "casechain.db", load.snapshot());
  for (const auto& p : problems) MESSAGE(p);
  CHECK(problems.empty());
  CHECK(server.stop() == 0);
}
