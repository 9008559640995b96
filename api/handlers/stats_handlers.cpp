// The chain's evaluation figures (docs/figures.md), for the coordinator and the auditor.
#include "api/handlers/handler_support.hpp"
#include "api/handlers/routes.hpp"
#include "chain/figures.hpp"
#include "core/stats/figures_json.hpp"

#include <algorithm>

namespace casechain::api {
namespace {

using core::role;

// Parameters this route knows; any other is refused so a typo is not silently ignored.
constexpr std::string_view stats_parameters[] = {"from", "to", "as_of", "zone", "track", "organisation"};

core::result<response> stats(request_context& c) {
  for (const auto& [name, value] : c.query)
    if (std::find(std::begin(stats_parameters), std::end(stats_parameters), name) == std::end(stats_parameters))
      return core::fail(core::errc::invalid_argument,
                        "unknown parameter; expected from, to, as_of, zone, track, organisation");
  auto text = [&](const char* name) {
    auto it = c.query.find(name);
    return it == c.query.end() ? std::string() : it->second;
  };
  if (text("from").empty() || text("to").empty())
    return core::fail(core::errc::invalid_argument, "from and to: expected the period's first and last day, YYYY-MM-DD");
  auto q = core::stats::parse_query(
      {text("from"), text("to"), text("as_of"), text("zone"), text("track"), text("organisation")},
      core::date_of(c.now));
  if (!q) return q.error();
  auto figures = c.app.db().read([&](SQLite::Database& db) {
    return chain::chain_figures(db, *q, chain::working_calendar{}, chain::clock_settings{});
  });
  if (!figures) return figures.error();
  return answer(c, http::status::ok, [&](core::json_writer& w) { core::stats::write_json(w, *q, *figures); });
}

}  // namespace

void add_stats_routes(router& r) {
  r.add({http::verb::get, "/api/v1/stats", {role::coordinator, role::auditor}, false,
         "The evaluation figures for a period: ?from=YYYY-MM-DD&to=YYYY-MM-DD[&as_of][&zone][&track][&organisation].",
         stats});
}

}  // namespace casechain::api
