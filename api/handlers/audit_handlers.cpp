// The audit trail through the API: the auditor's filtered view of every
// entry, and a case's access log for its case manager (who looked at the
// family's data, when, and on which basis). Entries hold no sensitive values.
#include "api/handlers/case_policy.hpp"
#include "api/handlers/handler_support.hpp"
#include "api/handlers/name_directory.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/audit_trail.hpp"

namespace casechain::api {
namespace {

using core::role;
using core::policy::category;
using core::policy::level;

void write_entry(core::json_writer& w, const core::audit::audit_entry& e) {
  auto optional = [&](std::string_view name, const std::optional<std::int64_t>& v) {
    w.key(name);
    if (v) w.integer(*v);
    else w.null();
  };
  w.begin_object();
  w.field("id", e.id);
  w.field("at", core::format_timestamp(e.at));
  optional("user", e.user);
  optional("organisation", e.organisation);
  w.field("roles", e.roles);
  w.field("action", e.action);
  optional("case", e.case_ref);
  w.field("category", e.category);
  w.field("legal_basis", e.legal_basis);
  w.field("purpose", e.purpose);
  w.field("outcome", core::audit::to_string(e.result));
  w.field("request_id", e.request_id);
  w.end_object();
}

// The entries, and the names of the users and organisations they show (who
// reads the trail needs to know who acted; the names say nothing of a case).
core::result<response> entries_answer(const request_context& c, SQLite::Database& db,
                                      const std::vector<core::audit::audit_entry>& entries) {
  std::string body;
  core::json_writer w(body);
  w.begin_object();
  w.key("entries");
  w.begin_array();
  name_directory names;
  for (const auto& e : entries) {
    write_entry(w, e);
    names.user(e.user);
    if (e.organisation) names.organisation(*e.organisation);
  }
  w.end_array();
  if (auto written = names.write(w, db); !written) return written.error();
  w.end_object();
  return json_response(http::status::ok, std::move(body), c.req.version());
}

core::result<std::optional<core::timestamp>> time_query(const request_context& c, const char* name) {
  auto it = c.query.find(name);
  if (it == c.query.end()) return std::optional<core::timestamp>{};
  if (auto t = core::parse_timestamp(it->second)) return std::optional{*t};
  if (auto d = core::parse_date(it->second)) return std::optional{core::timestamp{std::chrono::sys_days{*d}}};
  return core::fail(core::errc::invalid_argument, std::string(name) + ": expected a date or an instant (UTC)");
}

core::result<response> list(request_context& c) {
  core::store::audit_filter f;
  auto case_ref = query_number(c, "case", 0, 0, std::numeric_limits<int>::max());
  auto user = query_number(c, "user", 0, 0, std::numeric_limits<int>::max());
  auto before = query_number(c, "before", 0, 0, std::numeric_limits<int>::max());
  auto limit = query_number(c, "limit", 100, 1, 1000);
  auto from = time_query(c, "from");
  auto until = time_query(c, "until");
  for (const auto* r : {&case_ref, &user, &before, &limit})
    if (!*r) return r->error();
  if (!from) return from.error();
  if (!until) return until.error();
  if (*case_ref) f.case_ref = *case_ref;
  if (*user) f.user = *user;
  f.before_id = *before;
  f.limit = *limit;
  f.from = *from;
  f.until = *until;
  return c.app.db().read([&](SQLite::Database& db) -> core::result<response> {
    auto entries = core::store::list_audit_entries(db, f);
    if (!entries) return entries.error();
    record(c, core::audit::action::read, f.case_ref, "audit", "duty");
    return entries_answer(c, db, *entries);
  });
}

core::result<response> access_log(request_context& c) {
  auto before = query_number(c, "before", 0, 0, std::numeric_limits<int>::max());
  auto limit = query_number(c, "limit", 100, 1, 1000);
  if (!before) return before.error();
  if (!limit) return limit.error();
  return c.app.db().read([&](SQLite::Database& db) -> core::result<response> {
    auto v = case_for(db, c, c.ids[0], category::audit, level::read);
    if (!v) return v.error();
    auto entries = core::store::list_audit_entries(db, {.case_ref = v->record.id, .before_id = *before, .limit = *limit});
    if (!entries) return entries.error();
    record(c, core::audit::action::read, v->record.id, "audit",
           std::string(core::policy::to_string(decide(c, *v, category::audit).why)));
    return entries_answer(c, db, *entries);
  });
}

// Whether the whole chain verifies, checked now on a reader connection. The head is
// read first: every entry it names is then in the reader's (later) snapshot.
core::result<response> verification(request_context& c) {
  auto head = core::audit::read_audit_head(c.app.dir());
  if (!head) return head.error();
  auto checked = c.app.db().read(
      [&](SQLite::Database& db) { return core::store::verify_audit_trail(db, c.app.audit_key(), *head); });
  if (!checked) return checked.error();
  record(c, core::audit::action::verify, std::nullopt, "audit", "duty");
  return answer(c, http::status::ok, [&](core::json_writer& w) {
    w.begin_object();
    w.field("verifies", !checked->first_bad);
    w.field("entries", checked->entries);
    if (checked->first_bad) {
      w.field("first_bad", *checked->first_bad);
      w.field("problem", checked->problem);
    }
    w.end_object();
  });
}

}  // namespace

void add_audit_routes(router& r) {
  r.add({http::verb::get, "/api/v1/audit/verification", {role::auditor}, false,
         "Whether the audit trail's hash chain verifies from its first entry, and the first bad entry if not.",
         verification});
  r.add({http::verb::get, "/api/v1/audit", {role::auditor}, false,
         "The audit trail, newest first (filters: case, user, from, until; paging: before, limit).", list});
  r.add({http::verb::get, "/api/v1/cases/{id}/access-log", {role::case_manager}, false,
         "Who accessed the case, when, on which basis (the case's own case manager).", access_log});
}

}  // namespace casechain::api
