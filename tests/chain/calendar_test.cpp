#include "chain/calendar.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace casechain;
using chain::working_calendar;
using core::format_date;

namespace {

core::date d(const char* text) {
  auto parsed = core::parse_date(text);
  REQUIRE_MESSAGE(parsed, text);
  return *parsed;
}

std::vector<std::string> formatted(const std::vector<core::date>& dates) {
  std::vector<std::string> out;
  for (const auto& date : dates) out.push_back(format_date(date));
  return out;
}

std::string joined(const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& text : texts) out += (out.empty() ? "" : " ") + text;
  return out;
}

// The definition, day by day: what the arithmetic in working_days_between must agree with.
int walked_between(const working_calendar& calendar, core::date from, core::date to) {
  using std::chrono::days, std::chrono::sys_days;
  int sign = sys_days{to} >= sys_days{from} ? 1 : -1;
  sys_days low = sign > 0 ? sys_days{from} : sys_days{to}, high = sign > 0 ? sys_days{to} : sys_days{from};
  int n = 0;
  for (sys_days day = low + days{1}; day <= high; day += days{1}) n += calendar.is_working_day(core::date{day});
  return sign * n;
}

}  // namespace

TEST_SUITE("chain/calendar") {
  TEST_CASE("Easter Sunday for known years") {
    CHECK(format_date(chain::easter_sunday(2024)) == "2024-03-31");
    CHECK(format_date(chain::easter_sunday(2025)) == "2025-04-20");
    CHECK(format_date(chain::easter_sunday(2026)) == "2026-04-05");
    CHECK(format_date(chain::easter_sunday(2027)) == "2027-03-28");
    CHECK(format_date(chain::easter_sunday(2000)) == "2000-04-23");
    CHECK(format_date(chain::easter_sunday(2038)) == "2038-04-25");
    CHECK(format_date(chain::easter_sunday(1900)) == "1900-04-15");
    CHECK(format_date(chain::easter_sunday(2008)) == "2008-03-23");
  }

  TEST_CASE("Easter is a Sunday from 22 March to 25 April in every year 1900-2200") {
    using namespace std::chrono;
    for (int year = 1900; year <= 2200; ++year) {
      CAPTURE(year);
      auto easter = chain::easter_sunday(year);
      REQUIRE(easter.ok());
      CHECK(weekday{sys_days{easter}} == Sunday);
      CHECK(easter >= std::chrono::year{year} / March / 22);
      CHECK(easter <= std::chrono::year{year} / April / 25);
      auto holidays = chain::belgian_public_holidays(year);
      // Only Ascension on 1 May (Easter on 23 March) merges two holidays.
      CHECK(holidays.size() == (format_date(easter).substr(5) == "03-23" ? 9u : 10u));
      for (const auto& h : holidays) CHECK(int(h.year()) == year);
    }
  }

  TEST_CASE("the Belgian public holidays of 2026, in date order") {
    CHECK(joined(formatted(chain::belgian_public_holidays(2026))) ==
          "2026-01-01 2026-04-06 2026-05-01 2026-05-14 2026-05-25 "
          "2026-07-21 2026-08-15 2026-11-01 2026-11-11 2026-12-25");
  }

  TEST_CASE("Ascension on Labour Day is listed once") {
    auto holidays = formatted(chain::belgian_public_holidays(2008));
    REQUIRE(holidays.size() == 9);
    CHECK(holidays[1] == "2008-03-24");  // Easter Monday
    CHECK(holidays[2] == "2008-05-01");  // Labour Day and Ascension
    CHECK(holidays[3] == "2008-05-12");  // Whit Monday
  }

  TEST_CASE("weekends and holidays are not working days") {
    working_calendar calendar;
    CHECK(calendar.is_working_day(d("2026-03-13")));        // Friday
    CHECK_FALSE(calendar.is_working_day(d("2026-03-14")));  // Saturday
    CHECK_FALSE(calendar.is_working_day(d("2026-03-15")));  // Sunday
    CHECK(calendar.is_working_day(d("2026-04-03")));        // Good Friday is not a holiday in Belgium
    CHECK_FALSE(calendar.is_working_day(d("2026-04-06")));  // Easter Monday
    CHECK_FALSE(calendar.is_working_day(d("2026-07-21")));  // National Day, a Tuesday
    CHECK(calendar.is_working_day(d("2026-07-20")));
    CHECK(calendar.is_working_day(d("2026-12-24")));
    CHECK(calendar.is_working_day(d("2026-12-26")) == false);  // Saturday, not Boxing Day
    CHECK(calendar.is_working_day(d("2026-07-10")));        // 11 July is not built in
  }

  TEST_CASE("the next working day skips weekends, Easter Monday and Christmas") {
    working_calendar calendar;
    CHECK(format_date(calendar.next_working_day(d("2026-03-13"))) == "2026-03-16");  // Friday -> Monday
    CHECK(format_date(calendar.next_working_day(d("2026-03-14"))) == "2026-03-16");  // from a Saturday
    CHECK(format_date(calendar.next_working_day(d("2026-03-16"))) == "2026-03-17");  // strictly after
    CHECK(format_date(calendar.next_working_day(d("2026-04-03"))) == "2026-04-07");  // Easter Monday
    CHECK(format_date(calendar.next_working_day(d("2026-12-24"))) == "2026-12-28");  // Christmas on Friday
    CHECK(format_date(calendar.next_working_day(d("2026-12-31"))) == "2027-01-04");  // New Year on Friday
  }

  TEST_CASE("adding working days across the Ascension bridge") {
    working_calendar calendar;
    // Ascension 2026 is Thursday 14 May; the Friday after is a working day.
    CHECK(format_date(calendar.add_working_days(d("2026-05-13"), 1)) == "2026-05-15");
    CHECK(format_date(calendar.add_working_days(d("2026-05-13"), 2)) == "2026-05-18");
    CHECK(format_date(calendar.add_working_days(d("2026-05-08"), 5)) == "2026-05-18");
    // Ascension, then Whit Monday 25 May: ten working days from Friday 8 May.
    CHECK(format_date(calendar.add_working_days(d("2026-05-08"), 10)) == "2026-05-26");
    CHECK(format_date(calendar.add_working_days(d("2026-05-13"), 0)) == "2026-05-13");
    CHECK(format_date(calendar.add_working_days(d("2026-05-14"), 0)) == "2026-05-15");  // starts after the holiday
    CHECK(format_date(calendar.add_working_days(d("2026-05-16"), 0)) == "2026-05-18");
    CHECK(format_date(calendar.add_working_days(d("2026-05-15"), -1)) == "2026-05-13");
    CHECK(format_date(calendar.add_working_days(d("2026-05-17"), -2)) == "2026-05-13");
  }

  TEST_CASE("working days between dates across New Year") {
    working_calendar calendar;
    // Christmas (Fri), weekend, 28-31 Dec, New Year (Fri), weekend, 4-5 Jan.
    CHECK(calendar.working_days_between(d("2026-12-24"), d("2027-01-05")) == 6);
    CHECK(calendar.working_days_between(d("2027-01-05"), d("2026-12-24")) == -6);
    CHECK(calendar.working_days_between(d("2026-12-24"), d("2026-12-24")) == 0);
    CHECK(calendar.working_days_between(d("2026-12-24"), d("2026-12-25")) == 0);
    CHECK(calendar.working_days_between(d("2026-12-31"), d("2027-01-04")) == 1);
    // 261 weekdays in 2026, 8 of the holidays on weekdays.
    CHECK(calendar.working_days_between(d("2025-12-31"), d("2026-12-31")) == 253);
    // A clock of 5 working days started on Friday 3 April 2026 (Easter Monday in between).
    auto start = d("2026-04-03");
    CHECK(calendar.working_days_between(start, d("2026-04-10")) == 4);
    CHECK(calendar.working_days_between(start, d("2026-04-13")) == 5);  // due today, not yet overdue
    CHECK(calendar.working_days_between(start, d("2026-04-14")) == 6);  // overdue
    CHECK(format_date(calendar.add_working_days(start, 5)) == "2026-04-13");
  }

  TEST_CASE("counting agrees with walking day by day, and adding inverts counting") {
    auto regional = working_calendar::with_holidays(
        {d("2026-07-10"), d("2026-07-10"), d("2026-07-11"), d("2026-12-25"), d("2026-12-28"), d("2027-01-04")});
    auto only_extra = working_calendar::with_holidays({d("2026-12-28"), d("2026-05-14")}, false);
    for (const auto* calendar : {&regional, &only_extra}) {
      for (const char* from_text : {"2026-05-09", "2026-07-09", "2026-12-20", "2026-12-25", "2026-12-26"}) {
        auto from = d(from_text);
        for (int offset = -30; offset <= 30; ++offset) {
          using std::chrono::days, std::chrono::sys_days;
          auto to = core::date{sys_days{from} + days{offset}};
          CAPTURE(from_text);
          CAPTURE(offset);
          CHECK(calendar->working_days_between(from, to) == walked_between(*calendar, from, to));
          if (offset <= 0) continue;
          auto later = calendar->add_working_days(from, offset);
          CHECK(calendar->is_working_day(later));
          CHECK(calendar->working_days_between(from, later) == offset);
          CHECK(calendar->working_days_between(from, core::date{sys_days{later} - days{1}}) == offset - 1);
          auto earlier = calendar->add_working_days(from, -offset);
          CHECK(calendar->is_working_day(earlier));
          CHECK(walked_between(*calendar, earlier, core::date{sys_days{from} - days{1}}) == offset - 1);
        }
      }
    }
    CHECK(walked_between(working_calendar{}, d("1999-12-31"), d("2001-01-01")) ==
          working_calendar{}.working_days_between(d("1999-12-31"), d("2001-01-01")));
    CHECK(working_calendar{}.working_days_between(d("1900-01-01"), d("2200-12-31")) ==
          walked_between(working_calendar{}, d("1900-01-01"), d("2200-12-31")));
  }

  TEST_CASE("a holiday file adds regional days to the Belgian ones") {
    auto calendar = chain::load_holidays(R"({"include_belgian": true, "holidays": ["2025-07-11", "2027-09-27"]})");
    REQUIRE(calendar);
    CHECK_FALSE(calendar->is_working_day(d("2025-07-11")));  // Flemish Community, a Friday
    CHECK(format_date(calendar->next_working_day(d("2025-07-10"))) == "2025-07-14");
    CHECK_FALSE(calendar->is_working_day(d("2027-09-27")));  // French Community, a Monday
    CHECK(calendar->is_working_day(d("2026-09-28")));        // a date, not a yearly rule
    CHECK_FALSE(calendar->is_working_day(d("2026-12-25")));  // Belgian holidays kept

    auto replaced = chain::load_holidays(R"({"include_belgian": false, "holidays": ["2026-07-10"]})");
    REQUIRE(replaced);
    CHECK(replaced->is_working_day(d("2026-12-25")));
    CHECK(replaced->is_working_day(d("2026-04-06")));
    CHECK_FALSE(replaced->is_working_day(d("2026-07-10")));
    CHECK_FALSE(replaced->is_working_day(d("2026-07-11")));  // still a Saturday

    auto defaults = chain::load_holidays("{}");
    REQUIRE(defaults);
    CHECK_FALSE(defaults->is_working_day(d("2026-04-06")));
  }

  TEST_CASE("a malformed holiday file is refused with the path at fault") {
    struct sample {
      const char* json;
      const char* message;
    };
    for (const auto& [json, message] : std::initializer_list<sample>{
             {R"({"holidays": ["2026-07-11", "2026-02-30"]})", "$.holidays[1]: expected a date YYYY-MM-DD"},
             {R"({"holidays": ["2026-07-11", 20260927]})", "$.holidays[1]: expected a date YYYY-MM-DD"},
             {R"({"holidays": ["11/07/2026"]})", "$.holidays[0]: expected a date YYYY-MM-DD"},
             {R"({"holidays": "2026-07-11"})", "$.holidays: expected an array"},
             {R"({"include_belgian": "yes"})", "$.include_belgian: expected true or false"},
             {R"({"holiday": ["2026-07-11"]})", "$.holiday: unknown key (expected include_belgian or holidays)"},
             {R"(["2026-07-11"])", "$: expected an object"},
         }) {
      CAPTURE(json);
      auto loaded = chain::load_holidays(json);
      REQUIRE_FALSE(loaded);
      CHECK(loaded.error().code == core::errc::invalid_argument);
      CHECK(loaded.error().message == message);
    }
    auto broken = chain::load_holidays(R"({"holidays": [)");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().code == core::errc::invalid_argument);
    CHECK(broken.error().message.starts_with("$: not valid JSON"));
  }
}
