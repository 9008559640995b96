#include "api/handlers/case_view.hpp"

#include "api/handlers/case_view_parts.hpp"
#include "api/handlers/handler_support.hpp"
#include "api/handlers/name_directory.hpp"
#include "api/http/audit_trail.hpp"
#include "core/store/case_view_store.hpp"
#include "core/store/secrecy_store.hpp"

namespace casechain::api {
namespace {

using core::policy::category;
using core::policy::level;
using core::json_writer;
using namespace case_parts;

constexpr int report_limit = 50;

}  // namespace

core::result<response> case_view(SQLite::Database& db, request_context& c, const case_in_view& v) {
  released_categories released;
  std::string body;
  json_writer w(body);
  w.begin_object();
  name_directory names;
  w.key("case");
  write_case_summary(w, v.record);
  names.user(v.record.case_manager);
  auto plan = decide(c, v, category::action_plan);
  released.add(category::action_plan, plan.why);

  w.key("access");
  w.begin_object();
  for (auto what : core::policy::all_categories) w.field(core::policy::to_string(what), core::policy::to_string(decide(c, v, what).granted));
  w.end_object();

  if (auto d = decide(c, v, category::identity); d.allows(level::summary)) {
    auto persons = core::store::family_persons(db, v.record.family);
    if (!persons) return persons.error();
    write_family(w, *persons, d.granted);
    // The family's consents, as GET .../consents gives them: for case managers who read the family.
    if (d.allows(level::read) && c.user->has_role(core::role::case_manager))
      if (auto written = write_consents(w, db, c, v, names); !written) return written.error();
    released.add(category::identity, d.why);
  }
  // A safe address is the person's own: each one is decided for its person.
  if (decide(c, v, category::safe_address).allows(level::read) ||
      core::policy::sharing_allowed(v.facts, category::safe_address)) {
    auto addresses = core::store::family_contact_addresses(db, c.app.protection().sealing, v.record.family);
    if (!addresses) return addresses.error();
    std::optional<core::policy::basis> used;
    w.key("safe_contacts");
    w.begin_array();
    for (const auto& a : *addresses) {
      auto d = decide(c, v, category::safe_address, a.person);
      if (!d.allows(level::read)) continue;
      used = d.why;
      w.begin_object();
      w.field("person", std::int64_t{a.person});
      w.field("street", a.street);
      w.field("house_number", a.house_number);
      w.field("postcode", a.postcode);
      w.field("municipality", a.municipality);
      w.field("phone", a.phone);
      w.end_object();
    }
    w.end_array();
    if (used) released.add(category::safe_address, *used);
  }
  auto incident = decide(c, v, category::incident), judicial = decide(c, v, category::judicial),
       risk = decide(c, v, category::risk);
  if (incident.allows(level::summary) || judicial.allows(level::summary) || risk.allows(level::summary)) {
    auto reports = core::store::family_reports(db, c.app.protection().sealing, v.record.family, report_limit,
                                                incident.allows(level::read));
    if (!reports) return reports.error();
    if (incident.allows(level::summary)) {
      write_reports(w, *reports, incident.granted);
      released.add(category::incident, incident.why);
    }
    if (judicial.allows(level::summary)) {
      write_judicial(w, *reports, judicial.granted, core::date_of(c.now));
      released.add(category::judicial, judicial.why);
    }
    if (risk.allows(level::summary)) {
      if (auto written = write_risk(w, db, v, *reports, risk.granted); !written) return written.error();
      released.add(category::risk, risk.why);
    }
  }
  if (auto d = decide(c, v, category::care_notes); d.allows(level::read)) {
    auto used = write_care_notes(w, db, c, v, d, names);
    if (!used) return used.error();
    if (*used) released.add(category::care_notes, **used);
  }
  if (auto written = write_plan(w, db, c, v, plan.granted, names); !written) return written.error();
  if (auto written = write_overdue(w, db, c, v); !written) return written.error();
  if (auto d = decide(c, v, category::round_table); d.allows(level::summary)) {
    if (auto written = write_round_tables(w, db, v, d.granted, names); !written) return written.error();
    released.add(category::round_table, d.why);
  }
  if (auto written = names.write(w, db); !written) return written.error();
  w.end_object();
  record(c, core::audit::action::read, v.record.id, released.categories(), released.bases());
  return json_response(http::status::ok, std::move(body), c.req.version());
}

}  // namespace casechain::api
