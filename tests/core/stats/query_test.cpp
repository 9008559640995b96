#include "core/stats/percentile.hpp"
#include "core/stats/query.hpp"

#include <doctest/doctest.h>

using namespace casechain;

namespace {
core::date day(const char* text) { return core::parse_date(text).value(); }
}  // namespace

TEST_SUITE("core/stats/query") {
  TEST_CASE("nearest rank: the value at rank ceil(p/100 * n)") {
    std::vector<std::int64_t> none;
    CHECK_FALSE(core::stats::nearest_rank(none, 50));
    std::vector<std::int64_t> one{7};
    CHECK(core::stats::nearest_rank(one, 90) == 7);
    std::vector<std::int64_t> ten{10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
    CHECK(core::stats::nearest_rank(ten, 50) == 5);   // rank 5
    CHECK(core::stats::nearest_rank(ten, 90) == 9);   // rank 9
    CHECK(core::stats::nearest_rank(ten, 91) == 10);  // rank ceil(9.1) = 10
    std::vector<std::int64_t> four{40, 10, 30, 20};
    CHECK(core::stats::nearest_rank(four, 50) == 20);  // the lower middle, rank 2
  }

  TEST_CASE("a period's instants: from midnight of the first day to midnight after the last") {
    auto q = core::stats::make_query(day("2025-12-15"), day("2026-01-15"), day("2026-02-01")).value();
    CHECK(q.start_instant() == "2025-12-15T00:00:00Z");
    CHECK(q.end_instant() == "2026-01-16T00:00:00Z");
    CHECK(q.as_of_end_instant() == "2026-02-02T00:00:00Z");
  }

  TEST_CASE("parse_query names the parameter at fault") {
    auto today = day("2026-11-22");
    auto ok = core::stats::parse_query({"2026-01-01", "2026-12-31", "", "Z1", "2", "4"}, today);
    REQUIRE(ok);
    CHECK(ok->as_of == today);
    CHECK(ok->zone == "Z1");
    CHECK(ok->track == core::track::chain);
    CHECK(ok->organisation == 4);
    auto message = [&](std::string from, std::string to, std::string as_of = "", std::string zone = "",
                       std::string track = "", std::string organisation = "") {
      return core::stats::parse_query({from, to, as_of, zone, track, organisation}, today).error().message;
    };
    CHECK(message("2026-13-01", "2026-12-31").starts_with("from:"));
    CHECK(message("2026-01-01", "").starts_with("to:"));
    CHECK(message("2026-01-01", "2026-12-31", "x").starts_with("as_of:"));
    CHECK(message("2026-01-01", "2026-12-31", "", "", "4").starts_with("track:"));
    CHECK(message("2026-01-01", "2026-12-31", "", "", "", "0").starts_with("organisation:"));
    CHECK(message("2026-01-01", "2026-12-31", "", std::string(101, 'z')).starts_with("zone:"));
    CHECK(message("2026-02-01", "2026-01-31").starts_with("to:"));
    CHECK(message("2000-01-01", "2026-01-31").starts_with("to:"));  // longer than max_period_days
  }

  TEST_CASE("quarters") {
    auto q3 = core::stats::parse_quarter("2026Q3").value();
    CHECK(q3.first == day("2026-07-01"));
    CHECK(q3.second == day("2026-09-30"));
    auto q1 = core::stats::parse_quarter("2028Q1").value();
    CHECK(q1.second == day("2028-03-31"));
    for (const char* bad : {"2026Q5", "2026Q0", "2026q3", "26Q3", "2026Q31", "", "abcdQ1"}) {
      CAPTURE(bad);
      CHECK_FALSE(core::stats::parse_quarter(bad));
    }
  }
}
