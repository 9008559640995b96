#pragma once
// The parts of one case's page (api/handlers/case_view.cpp puts them
// together): each writes its part of the answer as far as the level the
// policy granted allows, and notes the organisations and users it names in
// the page's name directory.

#include "api/handlers/case_policy.hpp"
#include "api/handlers/name_directory.hpp"
#include "chain/clocks.hpp"
#include "core/util/json_writer.hpp"
#include "core/store/case_view_store.hpp"
#include "core/store/secrecy_store.hpp"

#include <optional>
#include <vector>

namespace casechain::api::case_parts {

void optional_date(core::json_writer& w, std::string_view name, const std::optional<core::date>& d);

// The persons' own: identity (or only the household's size), consents, care notes.
void write_family(core::json_writer& w, const std::vector<core::store::family_person>& persons, core::policy::level l);
// One consent; `live`: given, not revoked and not yet ended at `now`.
void write_consent(core::json_writer& w, const core::store::consent_record& k, core::timestamp now);
core::result<void> write_consents(core::json_writer& w, SQLite::Database& db, const request_context& c,
                                  const case_in_view& v, name_directory& names);
// The basis the notes shown were released on (none shown: nullopt).
core::result<std::optional<core::policy::basis>> write_care_notes(core::json_writer& w, SQLite::Database& db,
                                                                  const request_context& c, const case_in_view& v,
                                                                  const core::policy::decision& d, name_directory& names);

// From the police reports: the incidents, the judicial measures, the risk and screenings.
void write_reports(core::json_writer& w, const std::vector<core::store::family_report>& reports, core::policy::level l);
void write_judicial(core::json_writer& w, const std::vector<core::store::family_report>& reports, core::policy::level l,
                    core::date today);
core::result<void> write_risk(core::json_writer& w, SQLite::Database& db, const case_in_view& v,
                              const std::vector<core::store::family_report>& reports, core::policy::level l);

// The chain's work: members, history, next steps, goals, interventions, contacts, overdue work, round tables.
core::result<void> write_plan(core::json_writer& w, SQLite::Database& db, const request_context& c, const case_in_view& v,
                              core::policy::level l, name_directory& names);
core::result<void> write_overdue(core::json_writer& w, SQLite::Database& db, const request_context& c, const case_in_view& v);
// One item of late work; `with_case` adds its case's id (lists across cases).
void write_due_item(core::json_writer& w, const chain::due_item& i, bool with_case);
core::result<void> write_round_tables(core::json_writer& w, SQLite::Database& db, const case_in_view& v,
                                      core::policy::level l, name_directory& names);

}  // namespace casechain::api::case_parts
