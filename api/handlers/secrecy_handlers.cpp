// The secrecy rules' ledgers through the API: consents (recorded and revoked
// by the case manager), danger overrides, must-not-know exclusions, emergency
// access ("break the glass") with its review, and care notes.
#include "api/handlers/case_policy.hpp"
#include "api/handlers/case_view_parts.hpp"
#include "api/handlers/handler_support.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/audit_trail.hpp"
#include "core/store/case_store.hpp"
#include "core/store/chain_store.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/secrecy_store.hpp"

namespace casechain::api {
namespace {

using core::role;
using core::policy::category;
using core::policy::level;

core::result<category> category_field(const boost::json::object& b) {
  auto text = string_field(b, "category", 40);
  if (!text) return text.error();
  auto c = *text ? core::policy::parse_category(**text) : std::nullopt;
  if (!c || *c == category::audit)
    return core::fail(core::errc::invalid_argument,
                      "category: expected identity, safe_address, incident, judicial, risk, care_notes, action_plan or round_table");
  return *c;
}

core::result<std::string> reason_field(const boost::json::object& b, std::string_view name) {
  auto text = string_field(b, name, 2000);
  if (!text) return text.error();
  if (!*text || (*text)->size() < 10)
    return core::fail(core::errc::invalid_argument, std::string(name) + ": state it in at least 10 characters");
  return **text;
}

core::result<response> created(const request_context& c, std::int64_t id) {
  return answer(c, http::status::created, [&](core::json_writer& w) {
    w.begin_object();
    w.field("id", id);
    w.end_object();
  });
}

// Runs `work(db, body, case)` when the user has `needed` of `what` in the case,
// committed with its audit entry.
template <class Work>
core::result<response> on_case(request_context& c, std::initializer_list<std::string_view> fields, category what,
                               level needed, std::string_view action, Work&& work) {
  auto in = read_json(c, fields);
  if (in.problem) return std::move(*in.problem);
  record(c, action, c.ids[0], std::string(core::policy::to_string(what)));
  return audited_write(c, [&](SQLite::Database& db) -> core::result<response> {
    auto v = case_for(db, c, c.ids[0], what, needed);
    if (!v) return v.error();
    c.audit.back().legal_basis = std::string(core::policy::to_string(decide(c, *v, what).why));
    return work(db, *in.body, *v);
  });
}

bool in_family(SQLite::Database& db, core::family_id family, core::person_id person) {
  SQLite::Statement q(db, "SELECT 1 FROM family_members WHERE family_id = ? AND person_id = ?");
  q.bind(1, family);
  q.bind(2, person);
  return q.executeStep();
}

core::result<response> add_consent(request_context& c) {
  return on_case(c, {"person", "organisation", "category", "valid_until"}, category::identity, level::write,
                 core::audit::action::write, [&](SQLite::Database& db, const boost::json::object& b, const case_in_view& v) -> core::result<response> {
    auto person = integer_field(b, "person");
    auto organisation = integer_field(b, "organisation");
    auto what = category_field(b);
    auto until_text = string_field(b, "valid_until", 10);
    if (!person) return person.error();
    if (!organisation) return organisation.error();
    if (!what) return what.error();
    if (!until_text) return until_text.error();
    if (!*person || !in_family(db, v.record.family, **person))
      return core::fail(core::errc::invalid_argument, "person: not a member of this case's family");
    if (!*organisation || !core::store::get_organisation(db, **organisation))
      return core::fail(core::errc::invalid_argument, "organisation: no such organisation");
    auto until = *until_text ? core::parse_date(**until_text) : std::nullopt;
    if (!until || core::timestamp{std::chrono::sys_days{*until}} <= c.now)
      return core::fail(core::errc::invalid_argument, "valid_until: expected a future date YYYY-MM-DD");
    auto added = core::store::add_consent(db, {0, **person, **organisation, *what, c.user->id, c.now,
                                               core::timestamp{std::chrono::sys_days{*until}} + std::chrono::days(1), std::nullopt});
    if (!added) return added.error();
    return created(c, added->id);
  });
}

core::result<response> revoke_consent(request_context& c) {
  return on_case(c, {}, category::identity, level::write, core::audit::action::write,
                 [&](SQLite::Database& db, const boost::json::object&, const case_in_view& v) -> core::result<response> {
    auto revoked = core::store::revoke_consent(db, c.ids[1], v.record.family, c.user->id, c.now);
    if (!revoked) return revoked.error();
    return response{http::status::no_content, c.req.version()};
  });
}

core::result<response> list_consents(request_context& c) {
  return c.app.db().read([&](SQLite::Database& db) -> core::result<response> {
    auto v = case_for(db, c, c.ids[0], category::identity, level::read);
    if (!v) return v.error();
    auto all = core::store::consents_of_family(db, v->record.family);
    if (!all) return all.error();
    record(c, core::audit::action::read, v->record.id, "identity",
           std::string(core::policy::to_string(decide(c, *v, category::identity).why)));
    return answer(c, http::status::ok, [&](core::json_writer& w) {
      w.begin_object();
      w.key("consents");
      w.begin_array();
      for (const auto& k : *all) case_parts::write_consent(w, k, c.now);
      w.end_array();
      w.end_object();
    });
  });
}

core::result<response> add_danger_override(request_context& c) {
  return on_case(c, {"organisation", "category", "justification"}, category::action_plan, level::summary,
                 core::audit::action::write, [&](SQLite::Database& db, const boost::json::object& b, const case_in_view& v) -> core::result<response> {
    auto organisation = integer_field(b, "organisation");
    auto what = category_field(b);
    auto justification = reason_field(b, "justification");
    if (!organisation) return organisation.error();
    if (!what) return what.error();
    if (!justification) return justification.error();
    if (!*organisation || !core::store::get_organisation(db, **organisation))
      return core::fail(core::errc::invalid_argument, "organisation: no such organisation");
    // Only someone who may see the data can decide to share it.
    if (!decide(c, v, *what).allows(level::read))
      return core::fail(core::errc::permission_denied, "you may not share data you may not see");
    auto made = core::store::add_danger_override(
        db, {0, v.record.id, **organisation, *what, *justification, c.user->id, c.now, c.now + c.app.settings().danger_override, std::nullopt});
    if (!made) return made.error();
    // Shown to the case manager at once, and flagged for review.
    auto alerted = core::store::add_alert(db, {0, v.record.id, v.record.case_manager, "danger_override",
                                               std::to_string(made->id), "{}", c.now, std::nullopt});
    if (!alerted) return alerted.error();
    return created(c, made->id);
  });
}

core::result<response> add_exclusion(request_context& c) {
  return on_case(c, {"user", "reason"}, category::action_plan, level::summary, core::audit::action::write,
                 [&](SQLite::Database& db, const boost::json::object& b, const case_in_view& v) -> core::result<response> {
    auto user = integer_field(b, "user");
    auto reason_text = string_field(b, "reason", 40);
    if (!user) return user.error();
    if (!reason_text) return reason_text.error();
    if (!*user || !core::store::get_user(db, **user)) return core::fail(core::errc::invalid_argument, "user: no such user");
    std::optional<core::store::exclusion_reason> reason;
    if (*reason_text == "declared_relation") reason = core::store::exclusion_reason::declared_relation;
    if (*reason_text == "conflict_of_interest") reason = core::store::exclusion_reason::conflict_of_interest;
    if (!reason) return core::fail(core::errc::invalid_argument, "reason: expected declared_relation or conflict_of_interest");
    auto made = core::store::add_exclusion(db, {0, **user, v.record.family, *reason, c.user->id, c.now});
    if (!made) return made.error();
    return created(c, made->id);
  });
}

core::result<response> break_the_glass(request_context& c) {
  auto in = read_json(c, {"reason", "password"});
  if (in.problem) return std::move(*in.problem);
  auto reason = reason_field(*in.body, "reason");
  auto password = string_field(*in.body, "password", 256);
  if (!reason) return reason.error();
  if (!password) return password.error();
  if (!*password) return core::fail(core::errc::invalid_argument, "password: confirm with your password");
  record(c, core::audit::action::emergency_access, c.ids[0], "action_plan", "emergency_access");
  return audited_write(c, [&](SQLite::Database& db) -> core::result<response> {
    auto me = core::store::get_user(db, c.user->id);
    if (!me || !c.app.hasher().verify(**password, me->password_hash))
      return core::fail(core::errc::unauthenticated, "the password does not match");
    auto k = core::store::get_case(db, c.ids[0]);
    if (!k) return core::fail(core::errc::not_found, "there is no such case");
    auto facts = core::store::load_secrecy_facts(db, *k, *c.user, c.now);
    if (!facts) return facts.error();
    // Must-not-know beats everything, emergency access included; the answer
    // is the same as for a case that does not exist.
    if (facts->excluded) {
      c.audit.back().legal_basis = "excluded";
      return core::fail(core::errc::not_found, "there is no such case");
    }
    auto granted = core::store::add_emergency_grant(
        db, {0, c.user->id, k->id, *reason, c.now, c.now + c.app.settings().emergency_access, std::nullopt, std::nullopt, ""});
    if (!granted) return granted.error();
    auto alerted = core::store::add_alert(db, {0, k->id, k->case_manager, "emergency_access", std::to_string(granted->id),
                                               "{}", c.now, std::nullopt});
    if (!alerted) return alerted.error();
    return answer(c, http::status::created, [&](core::json_writer& w) {
      w.begin_object();
      w.field("id", granted->id);
      w.field("expires_at", core::format_timestamp(granted->expires_at));
      w.end_object();
    });
  });
}

void write_grant(core::json_writer& w, const core::store::emergency_grant& g) {
  w.begin_object();
  w.field("id", g.id);
  w.field("user", std::int64_t{g.user});
  w.field("case", std::int64_t{g.case_ref});
  w.field("reason", g.reason);
  w.field("granted_at", core::format_timestamp(g.granted_at));
  w.field("expires_at", core::format_timestamp(g.expires_at));
  w.end_object();
}

core::result<response> review_queue(request_context& c) {
  auto limit = query_number(c, "limit", 100, 1, 1000);
  if (!limit) return limit.error();
  auto queue = c.app.db().read([&](SQLite::Database& db) { return core::store::emergency_review_queue(db, *limit); });
  if (!queue) return queue.error();
  record(c, core::audit::action::read, std::nullopt, "audit", "duty");
  return answer(c, http::status::ok, [&](core::json_writer& w) {
    w.begin_object();
    w.key("emergency_access");
    w.begin_array();
    for (const auto& g : *queue) write_grant(w, g);
    w.end_array();
    w.end_object();
  });
}

core::result<response> review(request_context& c) {
  auto in = read_json(c, {"note"});
  if (in.problem) return std::move(*in.problem);
  auto note = string_field(*in.body, "note", 2000);
  if (!note) return note.error();
  record(c, core::audit::action::write, std::nullopt, "audit", "duty");
  return audited_write(c, [&](SQLite::Database& db) -> core::result<response> {
    auto done = core::store::review_emergency_grant(db, c.ids[0], c.user->id, note->value_or(""), c.now);
    if (!done) return done.error();
    return response{http::status::no_content, c.req.version()};
  });
}

core::result<response> add_care_note(request_context& c) {
  return on_case(c, {"text"}, category::care_notes, level::write, core::audit::action::write,
                 [&](SQLite::Database& db, const boost::json::object& b, const case_in_view& v) -> core::result<response> {
    auto text = string_field(b, "text", 10000);
    if (!text) return text.error();
    if (!*text || (*text)->empty()) return core::fail(core::errc::invalid_argument, "text: required");
    auto note = core::store::add_care_note(db, c.app.protection().sealing, {0, v.record.id, c.user->organisation, c.user->id, c.now, **text});
    if (!note) return note.error();
    return created(c, note->id);
  });
}

const std::vector<role> partners{role::case_manager, role::police, role::prosecutor, role::social_worker};

}  // namespace

void add_secrecy_routes(router& r) {
  r.add({http::verb::get, "/api/v1/cases/{id}/consents", {role::case_manager}, false,
         "The family's consents: per person, recipient organisation and category, with expiry and revocation.", list_consents});
  r.add({http::verb::post, "/api/v1/cases/{id}/consents", {role::case_manager}, false,
         "Record a family member's consent to share a category with an organisation until a date.", add_consent});
  r.add({http::verb::post, "/api/v1/cases/{id}/consents/{id}/revoke", {role::case_manager}, false,
         "Revoke a consent; it ends at once.", revoke_consent});
  r.add({http::verb::post, "/api/v1/cases/{id}/danger-overrides", {role::case_manager, role::police}, false,
         "Share a category with an organisation without consent in imminent danger (justified, reviewed, time-limited).",
         add_danger_override});
  r.add({http::verb::post, "/api/v1/cases/{id}/exclusions", {role::case_manager, role::coordinator}, false,
         "Exclude a user from the case's family (must-not-know): beats every other rule.", add_exclusion});
  r.add({http::verb::post, "/api/v1/cases/{id}/emergency-access", partners, false,
         "Break the glass: open a case outside the consultation with a reason and your password; time-limited, "
         "alerted, reviewed.", break_the_glass});
  r.add({http::verb::get, "/api/v1/emergency-access", {role::auditor}, false,
         "Emergency access awaiting review, oldest first.", review_queue});
  r.add({http::verb::post, "/api/v1/emergency-access/{id}/review", {role::auditor}, false,
         "Close the review of an emergency access, with a note.", review});
  r.add({http::verb::post, "/api/v1/cases/{id}/care-notes", {role::case_manager, role::social_worker}, false,
         "Write a care note: it stays with your organisation unless shared.", add_care_note});
}

}  // namespace casechain::api
