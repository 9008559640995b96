#include "chain/calendar.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cassert>
#include <string>

namespace casechain::chain {
namespace json = boost::json;
using namespace std::chrono;

namespace {

using day_count = days::rep;

bool is_weekend(sys_days d) {
  weekday w{d};
  return w == Saturday || w == Sunday;
}

int year_of(sys_days d) { return static_cast<int>(year_month_day{d}.year()); }

// Monday = 0 ... Sunday = 6.
day_count weekday_index(sys_days d) { return static_cast<day_count>(weekday{d}.iso_encoding()) - 1; }

day_count floor_div(day_count a, day_count b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

// Weekdays from a fixed Monday through d; the difference of two values counts
// the weekdays in a range without walking it (dates before 1970 are negative).
day_count weekdays_through(sys_days d) {
  day_count since_monday = d.time_since_epoch().count() + 3;  // 1969-12-29 was a Monday
  day_count weeks = floor_div(since_monday, 7);
  return weeks * 5 + std::min<day_count>(since_monday - weeks * 7 + 1, 5);
}

// The k-th weekday (k >= 1) strictly after d. A weekend day has the same
// weekdays after it as the Friday before it, so it starts from there.
sys_days nth_weekday_after(sys_days d, day_count k) {
  day_count w = weekday_index(d);
  if (w > 4) d -= days{w - 4}, w = 4;
  day_count total = w + k;
  return d - days{w} + days{total / 5 * 7 + total % 5};
}

// The k-th weekday (k >= 1) strictly before d; the mirror of nth_weekday_after.
sys_days nth_weekday_before(sys_days d, day_count k) {
  day_count w = weekday_index(d);
  if (w > 4) d += days{7 - w}, w = 0;
  day_count total = (4 - w) + k;
  return d + days{4 - w} - days{total / 5 * 7 + total % 5};
}

// The Belgian holidays of a year, sorted and unique.
std::vector<sys_days> belgian_days(int year) {
  const sys_days easter{easter_sunday(year)};
  const std::chrono::year y{year};
  std::vector<sys_days> out{
      sys_days{y / January / 1},   easter + days{1},  sys_days{y / May / 1},        easter + days{39},
      easter + days{50},           sys_days{y / July / 21},  sys_days{y / August / 15},
      sys_days{y / November / 1},  sys_days{y / November / 11}, sys_days{y / December / 25},
  };
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

core::date easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher), integer arithmetic only.
  const int a = year % 19, b = year / 100, c = year % 100;
  const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month_number = (h + l - 7 * m + 114) / 31, day_number = (h + l - 7 * m + 114) % 31 + 1;
  return core::date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month_number)},
                    std::chrono::day{static_cast<unsigned>(day_number)}};
}

std::vector<core::date> belgian_public_holidays(int year) {
  auto days_of_year = belgian_days(year);
  return {days_of_year.begin(), days_of_year.end()};
}

working_calendar working_calendar::with_holidays(std::vector<core::date> extra, bool include_belgian) {
  working_calendar calendar;
  calendar.include_belgian_ = include_belgian;
  for (const auto& d : extra) {
    if (!d.ok()) continue;
    const sys_days sd{d};
    if (is_weekend(sd)) continue;
    if (include_belgian) {
      auto belgian = belgian_days(year_of(sd));
      if (std::binary_search(belgian.begin(), belgian.end(), sd)) continue;
    }
    calendar.extra_.push_back(sd);
  }
  std::sort(calendar.extra_.begin(), calendar.extra_.end());
  calendar.extra_.erase(std::unique(calendar.extra_.begin(), calendar.extra_.end()), calendar.extra_.end());
  return calendar;
}

bool working_calendar::is_holiday(day d) const {
  if (std::binary_search(extra_.begin(), extra_.end(), d)) return true;
  if (!include_belgian_) return false;
  auto belgian = belgian_days(year_of(d));
  return std::binary_search(belgian.begin(), belgian.end(), d);
}

bool working_calendar::is_working_day(core::date d) const {
  assert(d.ok());
  const sys_days sd{d};
  return !is_weekend(sd) && !is_holiday(sd);
}

core::date working_calendar::next_working_day(core::date d) const {
  assert(d.ok());
  sys_days next = sys_days{d} + days{1};
  while (is_weekend(next) || is_holiday(next)) next += days{1};
  return core::date{next};
}

std::int64_t working_calendar::count(day from, day to) const {
  std::int64_t n = weekdays_through(to) - weekdays_through(from);
  if (include_belgian_) {
    for (int y = year_of(from), last = year_of(to); y <= last; ++y)
      for (auto h : belgian_days(y))
        if (h > from && h <= to && !is_weekend(h)) --n;
  }
  // extra_ holds neither weekend nor Belgian dates, so nothing is subtracted twice.
  n -= std::upper_bound(extra_.begin(), extra_.end(), to) - std::upper_bound(extra_.begin(), extra_.end(), from);
  return n;
}

int working_calendar::working_days_between(core::date from, core::date to) const {
  assert(from.ok() && to.ok());
  const sys_days a{from}, b{to};
  return static_cast<int>(b >= a ? count(a, b) : -count(b, a));
}

core::date working_calendar::add_working_days(core::date from, int n) const {
  assert(from.ok());
  if (n == 0) return is_working_day(from) ? from : next_working_day(from);
  // Jump to where the remaining days would end with no holidays, then count the
  // holidays jumped over and jump again for them: a few steps, however large n.
  // The last jump lands on a working day: had it crossed a holiday, days would remain.
  sys_days at{from};
  day_count remaining = n > 0 ? n : -static_cast<day_count>(n);
  while (remaining > 0) {
    if (n > 0) {
      const sys_days next = nth_weekday_after(at, remaining);
      remaining -= count(at, next);
      at = next;
    } else {
      const sys_days next = nth_weekday_before(at, remaining);
      remaining -= count(next - days{1}, at - days{1});  // working days in [next, at)
      at = next;
    }
  }
  return core::date{at};
}

core::result<working_calendar> load_holidays(std::string_view json_text) {
  auto refuse = [](const std::string& path, const std::string& what) -> core::result<working_calendar> {
    return core::fail(core::errc::invalid_argument, path + ": " + what);
  };
  boost::system::error_code ec;
  auto document = json::parse(json_text, ec);
  if (ec) return refuse("$", "not valid JSON (" + ec.message() + ")");
  if (!document.is_object()) return refuse("$", "expected an object");

  bool include_belgian = true;
  std::vector<core::date> holidays;
  for (const auto& [key, value] : document.get_object()) {
    const std::string path = "$." + std::string(key);
    if (key == "include_belgian") {
      if (!value.is_bool()) return refuse(path, "expected true or false");
      include_belgian = value.get_bool();
    } else if (key == "holidays") {
      if (!value.is_array()) return refuse(path, "expected an array");
      const auto& list = value.get_array();
      for (std::size_t i = 0; i < list.size(); ++i) {
        const auto* text = list[i].if_string();
        auto parsed = text ? core::parse_date(std::string_view(*text)) : std::nullopt;
        if (!parsed) return refuse(path + "[" + std::to_string(i) + "]", "expected a date YYYY-MM-DD");
        holidays.push_back(*parsed);
      }
    } else {
      return refuse(path, "unknown key (expected include_belgian or holidays)");
    }
  }
  return working_calendar::with_holidays(std::move(holidays), include_belgian);
}

}  // namespace casechain::chain
