#pragma once
// Cases, their consultation members and their append-only event history.
// Each change writes the new state and its event in one transaction, so the
// history and the state never disagree; the rules of which change is allowed
// live in chain/, not here. Errors: not_found for unknown ids,
// already_exists for a second open case of a family or a member admitted
// twice, failed_precondition for an attempt to alter an event.

#include "core/error.hpp"
#include "core/model/case_record.hpp"

#include <SQLiteCpp/Database.h>

#include <vector>

namespace casechain::core::store {

// Stores a new case (its id ignored) with its first event (kind "opened").
// `opened` supplies the event's actor, time, detail and reason.
result<case_record> open_case(SQLite::Database& db, const case_record& c, const case_event& opened);
result<case_record> get_case(SQLite::Database& db, case_id id);
// The family's open case; not_found when it has none.
result<case_record> find_open_case(SQLite::Database& db, family_id family);

// Writes `c` (found by its id) as the case's new state, with `event`.
result<case_event> update_case(SQLite::Database& db, const case_record& c, const case_event& event);
// Appends an event that does not change the case's own row.
result<case_event> append_case_event(SQLite::Database& db, const case_event& event);
// Appends `event` inside the caller's open transaction and returns it with
// its id; throws SQLite::Exception (for store code composing a larger write).
case_event insert_case_event(SQLite::Database& db, case_event event);

// The case's events, oldest first.
result<std::vector<case_event>> case_events(SQLite::Database& db, case_id id);

// Which cases a list shows. Visibility: every case when `all_visible`,
// otherwise those `viewer` manages or whose consultation admits `viewer_organisation`.
struct case_filter {
  bool all_visible = false;
  user_id viewer = 0;
  organisation_id viewer_organisation = 0;
  std::optional<core::track> track;
  std::optional<case_step> step;
  bool mine = false;       // only the viewer's own cases as case manager
  bool open_only = false;
  int limit = 50;          // 1..500
  int offset = 0;
};
result<std::vector<case_record>> list_cases(SQLite::Database& db, const case_filter& filter);

// Admits an organisation to the consultation, with its event.
result<void> add_case_member(SQLite::Database& db, const case_member& member, const case_event& event);
result<std::vector<case_member>> case_members(SQLite::Database& db, case_id id);

}  // namespace casechain::core::store
