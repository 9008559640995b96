// The partners' view beyond the case page: the user's own tasks, the
// interventions they own on the open cases whose action plan they may see.
// (The case page itself reads GET /api/v1/cases/{id}: one answer, one read.)
#include "api/handlers/handler_support.hpp"
#include "api/handlers/routes.hpp"
#include "api/handlers/case_policy.hpp"
#include "api/http/audit_trail.hpp"
#include "core/store/secrecy_store.hpp"
#include "core/store/case_store.hpp"
#include "core/store/chain_store.hpp"

namespace casechain::api {
namespace {

using core::role;

// The interventions the user owns, on open cases they may read.
core::result<response> my_tasks(request_context& c) {
  return c.app.db().read([&](SQLite::Database& db) -> core::result<response> {
    core::store::case_filter f;
    f.viewer = c.user->id;
    f.viewer_organisation = c.user->organisation;
    f.open_only = true;
    f.limit = 500;
    auto cases = core::store::list_cases(db, f);
    if (!cases) return cases.error();
    std::vector<core::intervention> mine;
    for (const auto& k : *cases) {
      // Own tasks need no more than the action plan in summary.
      auto facts = core::store::load_secrecy_facts(db, k, *c.user, c.now);
      if (!facts) return facts.error();
      auto d = core::policy::decide(c.app.policy(), *c.user, *facts, core::policy::category::action_plan);
      if (!d.allows(core::policy::level::summary)) continue;
      auto all = core::store::interventions(db, k.id);
      if (!all) return all.error();
      for (auto& i : *all)
        if (i.owner == c.user->id) mine.push_back(std::move(i));
    }
    record(c, core::audit::action::read, std::nullopt, "action_plan", "consultation");
    return answer(c, http::status::ok, [&](core::json_writer& w) {
      w.begin_object();
      w.key("tasks");
      w.begin_array();
      for (const auto& i : mine) write_intervention(w, i);
      w.end_array();
      w.end_object();
    });
  });
}

}  // namespace

void add_case_view_routes(router& r) {
  r.add({http::verb::get, "/api/v1/tasks", {role::case_manager, role::police, role::prosecutor, role::social_worker}, false,
         "The interventions the user owns, on the open cases they may read.", my_tasks});
}

}  // namespace casechain::api
