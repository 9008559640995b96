#include "core/stats/query.hpp"

#include <charconv>

namespace casechain::core::stats {
namespace {

std::string midnight_after(date d) {
  return format_timestamp(timestamp{std::chrono::sys_days{d} + std::chrono::days{1}});
}

}  // namespace

std::string query::start_instant() const { return format_timestamp(timestamp{std::chrono::sys_days{from}}); }
std::string query::end_instant() const { return midnight_after(to); }
std::string query::as_of_end_instant() const { return midnight_after(as_of); }

result<query> make_query(date from, date to, date as_of, std::optional<std::string> zone,
                         std::optional<core::track> track, std::optional<organisation_id> organisation) {
  if (!from.ok() || !to.ok() || !as_of.ok()) return fail(errc::invalid_argument, "from, to, as_of: expected valid dates");
  if (std::chrono::sys_days{to} < std::chrono::sys_days{from})
    return fail(errc::invalid_argument, "to: the period ends before it starts");
  if ((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count() >= max_period_days)
    return fail(errc::invalid_argument, "to: a period spans at most " + std::to_string(max_period_days) + " days");
  if (zone && (zone->empty() || zone->size() > 100)) return fail(errc::invalid_argument, "zone: expected 1 to 100 characters");
  if (organisation && *organisation < 1) return fail(errc::invalid_argument, "organisation: expected an organisation id");
  return query{from, to, as_of, std::move(zone), track, organisation};
}

result<query> parse_query(const query_text& text, date today) {
  auto day = [](const std::string& value, const char* name) -> result<date> {
    auto d = parse_date(value);
    if (!d) return fail(errc::invalid_argument, std::string(name) + ": expected a date YYYY-MM-DD");
    return *d;
  };
  auto from = day(text.from, "from");
  if (!from) return from.error();
  auto to = day(text.to, "to");
  if (!to) return to.error();
  auto as_of = text.as_of.empty() ? result<date>(today) : day(text.as_of, "as_of");
  if (!as_of) return as_of.error();
  std::optional<core::track> track;
  if (!text.track.empty()) {
    track = text.track.size() == 1 ? track_from_int(text.track[0] - '0') : std::nullopt;
    if (!track) return fail(errc::invalid_argument, "track: expected 1, 2 or 3");
  }
  std::optional<organisation_id> organisation;
  if (!text.organisation.empty()) {
    organisation_id id = 0;
    auto [end, ec] = std::from_chars(text.organisation.data(), text.organisation.data() + text.organisation.size(), id);
    if (ec != std::errc{} || end != text.organisation.data() + text.organisation.size() || id < 1)
      return fail(errc::invalid_argument, "organisation: expected an organisation id");
    organisation = id;
  }
  std::optional<std::string> zone;
  if (!text.zone.empty()) zone = text.zone;
  return make_query(*from, *to, *as_of, std::move(zone), track, organisation);
}

result<std::pair<date, date>> parse_quarter(std::string_view text) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + std::min<size_t>(text.size(), 4), year);
  if (text.size() != 6 || ec != std::errc{} || end != text.data() + 4 || text[4] != 'Q' || text[5] < '1' ||
      text[5] > '4' || year < 1900 || year > 2199)
    return fail(errc::invalid_argument, "quarter: expected YYYYQn, e.g. 2026Q3");
  unsigned first_month = static_cast<unsigned>(text[5] - '1') * 3 + 1;
  using namespace std::chrono;
  date from{std::chrono::year{year}, month{first_month}, day{1}};
  auto last = year_month_day_last{std::chrono::year{year}, month_day_last{month{first_month + 2}}};
  return std::pair{from, date{last}};
}

}  // namespace casechain::core::stats
