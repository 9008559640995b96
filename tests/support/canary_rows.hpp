#pragma once
// Persons full of unique identifiers ("canaries") for tests that prove an
// output leaks none of them: names, national ids, street and town, phone
// numbers, a narrative word, police report numbers. Six persons share one
// combination of quasi-identifiers (a group of 6), seven others are each
// alone in theirs (suppressed, then a group of 7 under "*").

#include "tests/support/stats_fixture.hpp"

#include <array>
#include <string_view>

namespace casechain::test {

inline constexpr std::array<std::string_view, 9> canaries{
    "Zorblatt", "Quixlemort", "8507310010", "8507312000", "Canarystraat", "Canaryville", "3247099911", "xylophonic", "PVCANARY"};

inline void add_canary_persons(stats_builder& b) {
  auto big = b.family(), mixed = b.family();
  auto r1 = b.report("Z1", "2026-01-05T10:00:00Z", big, 2, "the xylophonic threat was repeated");
  for (int i = 0; i < 6; ++i)
    b.person(r1, i, big, i ? "child" : "victim", "Zorblatt" + std::to_string(i), "1990-05-0" + std::to_string(i + 1),
             "female", "8507310010" + std::to_string(i), "3500", "+3247099911" + std::to_string(i));
  auto r2 = b.report("Z1", "2026-01-06T10:00:00Z", mixed, 1, "xylophonic");
  const char* births[] = {"1940-01-01", "1950-01-01", "1960-01-01", "1970-01-01", "1980-01-01", "2000-01-01", "2012-01-01"};
  for (int i = 0; i < 7; ++i)
    b.person(r2, i, mixed, i ? "other" : "suspect", "Zorblatt" + std::to_string(10 + i), births[i],
             i % 2 ? "male" : "x", "8507312000" + std::to_string(i), "9000", "+3247099911" + std::to_string(10 + i));
}

}  // namespace casechain::test
