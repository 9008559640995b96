// The persons' own parts of a case's page: identity, consents, care notes.
#include "api/handlers/case_view_parts.hpp"

#include "core/store/secrecy_store.hpp"

namespace casechain::api::case_parts {

using core::json_writer;
using core::policy::category;
using core::policy::level;

void optional_date(json_writer& w, std::string_view name, const std::optional<core::date>& d) {
  w.key(name);
  if (d) w.string(core::format_date(*d));
  else w.null();
}

void write_family(json_writer& w, const std::vector<core::store::family_person>& persons, level l) {
  if (l >= level::read) {
    w.key("family");
    w.begin_array();
    for (const auto& p : persons) {
      w.begin_object();
      w.field("id", std::int64_t{p.id});
      w.field("role", core::to_string(p.role));
      w.field("first_name", p.first_name);
      w.field("last_name", p.last_name);
      optional_date(w, "birth_date", p.birth_date);
      w.field("gender", core::to_string(p.gender));
      w.end_object();
    }
    w.end_array();
    return;
  }
  std::int64_t children = 0;
  for (const auto& p : persons) children += p.role == core::family_role::child;
  w.key("household");
  w.begin_object();
  w.field("persons", static_cast<std::int64_t>(persons.size()));
  w.field("children", children);
  w.end_object();
}

void write_consent(json_writer& w, const core::store::consent_record& k, core::timestamp now) {
  w.begin_object();
  w.field("id", k.id);
  w.field("person", std::int64_t{k.person});
  w.field("organisation", std::int64_t{k.recipient});
  w.field("category", core::policy::to_string(k.what));
  w.field("given_at", core::format_timestamp(k.given_at));
  w.field("valid_until", core::format_timestamp(k.valid_until));
  w.key("revoked_at");
  if (k.revoked_at) w.string(core::format_timestamp(*k.revoked_at));
  else w.null();
  w.field("live", !k.revoked_at && k.given_at <= now && now < k.valid_until);
  w.end_object();
}

core::result<void> write_consents(json_writer& w, SQLite::Database& db, const request_context& c, const case_in_view& v,
                                  name_directory& names) {
  auto all = core::store::consents_of_family(db, v.record.family);
  if (!all) return all.error();
  w.key("consents");
  w.begin_array();
  for (const auto& k : *all) {
    write_consent(w, k, c.now);
    names.organisation(k.recipient);
  }
  w.end_array();
  return {};
}

// Care notes stay with the organisation that wrote them; another's reach
// the user only with consent or a danger override.
core::result<std::optional<core::policy::basis>> write_care_notes(json_writer& w, SQLite::Database& db,
                                                                  const request_context& c, const case_in_view& v,
                                                                  const core::policy::decision& d, name_directory& names) {
  auto notes = core::store::care_notes_of_case(db, c.app.protection().sealing, v.record.id);
  if (!notes) return notes.error();
  auto shared = core::policy::sharing_allowed(v.facts, category::care_notes);
  std::optional<core::policy::basis> used;
  w.key("care_notes");
  w.begin_array();
  for (const auto& n : *notes) {
    bool own = n.owner == c.user->organisation;
    if (!own && d.own_organisation_only && !shared) continue;
    used = own || !d.own_organisation_only ? d.why : *shared;
    w.begin_object();
    w.field("id", n.id);
    w.field("organisation", std::int64_t{n.owner});
    names.organisation(n.owner);
    w.field("written_at", core::format_timestamp(n.written_at));
    w.field("text", n.text);
    w.end_object();
  }
  w.end_array();
  return used;
}

}  // namespace casechain::api::case_parts
