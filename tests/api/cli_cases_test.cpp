// Demo seeding and the overdue list, through the real binary.
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

using namespace casechain;

namespace {
test::process_result cli(std::vector<std::string> arguments) { return test::run_process(CASECHAIN_BINARY, arguments); }
}  // namespace

TEST_SUITE("api/cli/cases") {
  TEST_CASE("demo seed fills an empty folder once, printing every account once") {
    test::temp_dir tmp;
    auto data = (tmp / "var").string();
    REQUIRE(cli({"init", "--data", data}).status == 0);
    auto seeded = cli({"demo", "seed", "--data", data, "--reports", "400"});
    CHECK(seeded.status == 0);
    CHECK(seeded.out.find("Demo data: 400 reports, 375 decided") != std::string::npos);
    for (const char* role : {"triage", "case_manager", "police", "prosecutor", "social_worker", "coordinator", "auditor",
                             "admin"}) {
      CAPTURE(role);
      CHECK(seeded.out.find(std::string(" ") + role + " ") != std::string::npos);
    }
    auto again = cli({"demo", "seed", "--data", data});
    CHECK(again.status == 1);
    CHECK(again.err.find("already has organisations") != std::string::npos);

    auto queue = cli({"triage", "queue", "--data", data});
    CHECK(queue.status == 0);
    CHECK(std::count(queue.out.begin(), queue.out.end(), '\n') == 25);

    auto overdue = cli({"cases", "overdue", "--data", data, "--today", "2030-01-01", "--raise-alerts"});
    CHECK(overdue.status == 0);
    CHECK(overdue.out.find("Late or due soon on 2030-01-01") != std::string::npos);
    CHECK(overdue.out.find("report_to_triage") != std::string::npos);
    CHECK(overdue.out.find("the family has not been reached yet") != std::string::npos);
    CHECK(overdue.err.find("new alert(s)") != std::string::npos);
  }

  TEST_CASE("cases overdue refuses bad dates and broken settings files") {
    test::temp_dir tmp;
    auto data = (tmp / "var").string();
    REQUIRE(cli({"init", "--data", data}).status == 0);
    auto bad_day = cli({"cases", "overdue", "--data", data, "--today", "2026-02-30"});
    CHECK(bad_day.status == 2);
    CHECK(bad_day.err.find("--today") != std::string::npos);
    std::ofstream(tmp / "holidays.json") << R"({"holidays": ["2026-13-01"]})";
    auto bad_holidays = cli({"cases", "overdue", "--data", data, "--holidays", (tmp / "holidays.json").string()});
    CHECK(bad_holidays.status == 2);
    CHECK(bad_holidays.err.find("$.holidays[0]") != std::string::npos);
    auto missing = cli({"cases", "overdue", "--data", data, "--clocks", (tmp / "none.json").string()});
    CHECK(missing.status == 1);
    auto empty = cli({"cases", "overdue", "--data", data});
    CHECK(empty.status == 0);
    CHECK(empty.out.find(": 0\n") != std::string::npos);
  }
}
