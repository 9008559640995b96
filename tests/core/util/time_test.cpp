#include "core/util/time.hpp"

#include <doctest/doctest.h>

using namespace casechain::core;

TEST_SUITE("core/util/time") {
  TEST_CASE("timestamps round-trip in UTC and offsets are converted") {
    auto t = parse_timestamp("2026-03-14T21:40:05Z");
    REQUIRE(t);
    CHECK(format_timestamp(*t) == "2026-03-14T21:40:05Z");
    auto local = parse_timestamp("2026-03-14T22:40:05+01:00");
    REQUIRE(local);
    CHECK(*local == *t);
    CHECK(format_timestamp(*parse_timestamp("2026-01-01T00:30:00+02:00")) == "2025-12-31T22:30:00Z");
  }

  TEST_CASE("malformed timestamps are refused") {
    for (const char* bad : {"", "2026-03-14", "2026-03-14T21:40Z", "2026-03-14 21:40:05Z", "2026-02-30T10:00:00Z",
                            "2026-03-14T24:00:00Z", "2026-03-14T21:60:00Z", "2026-03-14T21:40:05", "2026-03-14T21:40:05.5Z",
                            "2026-03-14T21:40:05+1:00", "abcd-ef-ghTij:kl:mnZ"}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_timestamp(bad));
    }
  }

  TEST_CASE("dates are validated against the calendar") {
    CHECK(parse_date("2024-02-29"));
    CHECK_FALSE(parse_date("2025-02-29"));
    CHECK_FALSE(parse_date("2025-04-31"));
    CHECK_FALSE(parse_date("2025-13-01"));
    CHECK_FALSE(parse_date("1899-12-31"));
    CHECK_FALSE(parse_date("25-01-01"));
    CHECK(format_date(*parse_date("2001-09-03")) == "2001-09-03");
    CHECK(date_of(*parse_timestamp("2026-03-14T23:59:59Z")) == *parse_date("2026-03-14"));
  }
}
