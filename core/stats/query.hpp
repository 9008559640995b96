#pragma once
// What a set of evaluation figures is asked for: a period of whole days, the
// day the figures are judged on (what is late, which 12-month windows are
// complete), and optional filters on police zone, track and organisation.
// docs/figures.md defines how each filter applies to each figure.
// Errors: invalid_argument, naming the field, from make_query.

#include "core/error.hpp"
#include "core/model/enums.hpp"
#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <optional>
#include <string>

namespace casechain::core::stats {

// The longest period one request may ask for: bounds the work of a request.
inline constexpr int max_period_days = 3660;

struct query {
  date from;                       // first day, inclusive (UTC)
  date to;                         // last day, inclusive (UTC)
  date as_of;                      // the day figures are judged on; usually today
  std::optional<std::string> zone;
  std::optional<core::track> track;
  std::optional<organisation_id> organisation;

  // The period as instants: [start, end), end being the day after `to` at 00:00:00Z.
  std::string start_instant() const;
  std::string end_instant() const;
  // The end of the as_of day, exclusive: the day after as_of at 00:00:00Z.
  std::string as_of_end_instant() const;
};

// Checks the bounds: from <= to, at most max_period_days, zone 1 to 100 characters.
result<query> make_query(date from, date to, date as_of, std::optional<std::string> zone = {},
                         std::optional<core::track> track = {}, std::optional<organisation_id> organisation = {});

// A query as text, from the command line or a URL's parameters.
struct query_text {
  std::string from, to;        // required
  std::string as_of;           // empty: `today`
  std::string zone, track, organisation;  // empty: no filter
};
// Errors name the parameter ("track: expected 1, 2 or 3").
result<query> parse_query(const query_text& text, date today);

// "2026Q3" -> 2026-07-01 .. 2026-09-30; invalid_argument otherwise.
result<std::pair<date, date>> parse_quarter(std::string_view text);

}  // namespace casechain::core::stats
