// `casechain retention run` and `retention hold add|remove|list` through the
// real binary, on a data folder with a due family, a held one and one not
// due: counts printed, never a value; the erased family's canaries are gone
// from the raw files; the audit trail verifies.
#include "core/data_dir.hpp"
#include "core/data_protection.hpp"
#include "core/store/database.hpp"
#include "tests/support/process.hpp"
#include "tests/support/stats_fixture.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace casechain;

namespace {

test::process_result cli(std::vector<std::string> arguments) { return test::run_process(CASECHAIN_BINARY, arguments); }

std::string bytes_of(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct retention_folder {
  test::temp_dir tmp;
  std::string data = (tmp / "var").string();
  std::filesystem::path database;
  std::int64_t held_case = 0;

  retention_folder() {
    REQUIRE(cli({"init", "--data", data}).status == 0);
    auto dir = core::data_dir::open(data).value();
    database = dir.database_file();
    auto db = core::store::database::open(database).value();
    test::stats_builder b(db.sql(), core::load_field_protection(dir, db.sql()).value());
    auto org = b.org("Care org");
    auto worker = b.user("worker", org);
    auto add = [&](const std::string& canary, int track, const std::string& closed_at) {
      auto family = b.family();
      auto report = b.report("Z1", "2020-01-10T09:00:00Z", family, track, canary + "narrative");
      b.person(report, 0, family, "victim", canary, "1990-01-01", "female", canary + "nid", "2000", "+32470000000");
      auto c = b.open_case(family, track, "plan", "2020-01-10T09:00:00Z", worker);
      b.close(c, closed_at, "plan");
      return c;
    };
    add("qqclidue", 1, "2021-01-01T10:00:00Z");
    held_case = add("qqcliheld", 1, "2021-01-01T10:00:00Z");
    add("qqclinotdue", 2, "2024-01-01T10:00:00Z");
  }
  std::string raw() const {
    return bytes_of(database) + bytes_of(database.string() + "-wal") + bytes_of(database.string() + "-shm");
  }
};

void check_no_values(const test::process_result& r) {
  for (const auto& text : {r.out, r.err}) CHECK(text.find("qqcli") == std::string::npos);
}

}  // namespace

TEST_SUITE("api/cli/retention") {
  TEST_CASE("hold, dry run, run, remove the hold, run again: counts only, the due canaries gone, the trail whole") {
    retention_folder f;
    const auto held = std::to_string(f.held_case);
    auto placed = cli({"retention", "hold", "add", "--data", f.data, "--case", held, "--reason", "court case pending"});
    CHECK(placed.status == 0);
    CHECK(placed.out.find("placed on case " + held) != std::string::npos);
    auto listed = cli({"retention", "hold", "list", "--data", f.data});
    CHECK(listed.out.find("(case " + held + ")") != std::string::npos);
    CHECK(listed.out.find("court case pending") != std::string::npos);

    auto dry = cli({"retention", "run", "--data", f.data, "--as-of", "2026-01-01", "--dry-run"});
    CHECK(dry.status == 0);
    CHECK(dry.out.find("Families due for erasure: 1") != std::string::npos);
    CHECK(dry.out.find("under a legal hold (kept): 1") != std::string::npos);
    CHECK(dry.out.find("Dry run: nothing erased.") != std::string::npos);
    CHECK(f.raw().find("qqclidue") != std::string::npos);
    check_no_values(dry);

    auto run = cli({"retention", "run", "--data", f.data, "--as-of", "2026-01-01"});
    CHECK(run.status == 0);
    CHECK(run.out.find("Families erased: 1 (cases: 1)") != std::string::npos);
    CHECK(run.out.find("  persons: 1") != std::string::npos);
    CHECK(run.out.find("truncated") != std::string::npos);
    CHECK(run.err.find("erased 1 of 1 families") != std::string::npos);
    check_no_values(run);
    auto raw = f.raw();
    CHECK(raw.find("qqclidue") == std::string::npos);
    CHECK(raw.find("qqcliheld") != std::string::npos);
    CHECK(raw.find("qqclinotdue") != std::string::npos);

    CHECK(cli({"retention", "hold", "remove", "--data", f.data, "--case", held}).status == 0);
    CHECK(cli({"retention", "hold", "list", "--data", f.data}).out.find("No legal holds.") != std::string::npos);
    auto second = cli({"retention", "run", "--data", f.data, "--as-of", "2026-01-01"});
    CHECK(second.status == 0);
    CHECK(second.out.find("Families erased: 1") != std::string::npos);
    CHECK(f.raw().find("qqcliheld") == std::string::npos);

    auto verified = cli({"audit", "verify", "--data", f.data});
    CHECK(verified.status == 0);
    CHECK(verified.out.find("verifies") != std::string::npos);
  }

  TEST_CASE("an override policy file sets the periods; bad dates and policies are usage errors") {
    retention_folder f;
    const auto policy = f.tmp / "long.json";
    std::ofstream(policy) << R"({"format":"casechain-retention","version":7,"periods":{)"
                             R"("closed_help_offer":{"years":10,"days":0},"closed_chain_case":{"years":10,"days":0},)"
                             R"("report_without_case":{"years":10,"days":0}}})";
    auto kept = cli({"retention", "run", "--data", f.data, "--as-of", "2026-01-01", "--policy", policy.string()});
    CHECK(kept.status == 0);
    CHECK(kept.err.find("retention-7") != std::string::npos);
    CHECK(kept.out.find("Families due for erasure: 0") != std::string::npos);
    CHECK(f.raw().find("qqclidue") != std::string::npos);

    CHECK(cli({"retention", "run", "--data", f.data, "--as-of", "yesterday"}).status == 2);
    std::ofstream(f.tmp / "bad.json") << R"({"format":"casechain-retention","version":1,"periods":{}})";
    CHECK(cli({"retention", "run", "--data", f.data, "--policy", (f.tmp / "bad.json").string()}).status == 2);
    CHECK(cli({"retention", "hold", "add", "--data", f.data, "--case", "999", "--reason", "no such case"}).status == 1);
    CHECK(cli({"retention", "hold", "add", "--data", f.data, "--reason", "neither"}).status == 2);
    CHECK(f.raw().find("qqclidue") != std::string::npos);
  }
}
