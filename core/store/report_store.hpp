#pragma once
// Police reports in the store: the report, its persons as written, and the
// links to known persons and to a family once intake has made them.
// add_report stores a whole report or nothing. Errors: already_exists for
// the same external_ref from the same police zone, invalid_argument for a
// report that breaks the schema's rules, not_found for unknown ids.

#include "core/error.hpp"
#include "core/model/ids.hpp"
#include "core/model/police_report.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <span>

namespace casechain::core::store {

struct stored_report {
  report_id id = 0;
  police_report report;
  std::optional<family_id> family;
  std::vector<std::optional<person_id>> linked_persons;  // per report.persons position
  timestamp received_at;
};

result<report_id> add_report(SQLite::Database& db, const police_report& report, timestamp received_at);

// Stores reports with statements prepared once, for batch imports. Each add()
// is one transaction (a savepoint inside a caller's) unless `own_transaction`
// is false, when the caller's transaction alone makes it atomic (benchmarks'
// plain inserts). `family` and `persons` (one per reported person) record
// links made before the report is stored. Not thread-safe.
class report_writer {
 public:
  explicit report_writer(SQLite::Database& db, bool own_transaction = true);
  result<report_id> add(const police_report& report, timestamp received_at, std::optional<family_id> family = {},
                        std::span<const person_id> persons = {});

 private:
  SQLite::Database& db_;
  bool own_transaction_;
  SQLite::Statement insert_report_;
  SQLite::Statement insert_person_;
};
result<stored_report> get_report(SQLite::Database& db, report_id id);
// The id of the report with this zone and external_ref; not_found otherwise.
result<report_id> find_report(SQLite::Database& db, std::string_view police_zone, std::string_view external_ref);
result<void> set_report_family(SQLite::Database& db, report_id report, family_id family);
result<void> link_report_person(SQLite::Database& db, report_id report, int position, person_id person);

// The JSON texts stored for a report's violence kinds and indicators.
std::string violence_json(const violence_kinds& v);
std::string indicators_json(const std::vector<indicator>& indicators);

}  // namespace casechain::core::store
