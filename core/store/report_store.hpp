#pragma once
// Police reports in the store: the report, its persons as written, and the
// links to known persons and to a family once intake has made them.
// add_report stores a whole report or nothing. Errors: already_exists for
// the same external_ref from the same police zone, invalid_argument for a
// report that breaks the schema's rules, not_found for unknown ids.
// The narrative and each person's address and phone are stored sealed
// (core/crypto/sealer.hpp); reading them back opens them, and a value that
// does not open fails the read with failed_precondition (naming the row).

#include "core/crypto/field_protection.hpp"
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

result<report_id> add_report(SQLite::Database& db, const crypto::field_protection& protection,
                             const police_report& report, timestamp received_at);

// Stores reports with statements prepared once, for batch imports. Each add()
// is one transaction (a savepoint inside a caller's) unless `own_transaction`
// is false, when the caller's transaction alone makes it atomic (benchmarks'
// plain inserts; it must then be a write transaction, since the report's id
// is allocated before its insert). `family` and `persons` (one per reported
// person) record links made before the report is stored. `protection` must
// outlive the writer. Not thread-safe.
class report_writer {
 public:
  report_writer(SQLite::Database& db, const crypto::field_protection& protection, bool own_transaction = true);
  result<report_id> add(const police_report& report, timestamp received_at, std::optional<family_id> family = {},
                        std::span<const person_id> persons = {});

 private:
  SQLite::Database& db_;
  const crypto::field_protection& protection_;
  bool own_transaction_;
  SQLite::Statement next_id_;
  SQLite::Statement insert_report_;
  SQLite::Statement insert_person_;
};
result<stored_report> get_report(SQLite::Database& db, const crypto::sealer& sealer, report_id id);
// The family a report is linked to (nullopt before linking), without opening
// anything sealed; not_found for an unknown id.
result<std::optional<family_id>> get_report_family(SQLite::Database& db, report_id id);
// The reports naming this phone number (compared by digits), found through
// the keyed lookup hash (a scan: phone_hash has no index yet); ascending ids.
result<std::vector<report_id>> reports_with_phone(SQLite::Database& db, const crypto::keyed_hash& lookup,
                                                  std::string_view phone);
// The id of the report with this zone and external_ref; not_found otherwise.
result<report_id> find_report(SQLite::Database& db, std::string_view police_zone, std::string_view external_ref);
result<void> set_report_family(SQLite::Database& db, report_id report, family_id family);
result<void> link_report_person(SQLite::Database& db, report_id report, int position, person_id person);

// The JSON texts stored for a report's violence kinds and indicators.
// Sealing a report's values the way the report store does, for rows written
// by other means (test fixtures that set every column by hand).
crypto::sealed_blob seal_narrative(const crypto::sealer& sealer, report_id id, std::string_view narrative);
crypto::sealed_blob seal_address(const crypto::sealer& sealer, report_id id, std::int64_t position, const postal_address& a);
crypto::sealed_blob seal_phone(const crypto::sealer& sealer, report_id id, std::int64_t position, std::string_view phone);

// Opening a report's sealed values read by other queries (the case page):
// its narrative, and a reported person's address and phone.
result<std::string> open_narrative(const crypto::sealer& sealer, report_id id, std::span<const unsigned char> blob);
result<postal_address> open_address(const crypto::sealer& sealer, report_id id, std::int64_t position,
                                    std::span<const unsigned char> blob);
result<std::string> open_phone(const crypto::sealer& sealer, report_id id, std::int64_t position,
                               std::span<const unsigned char> blob);

std::string violence_json(const violence_kinds& v);
std::string indicators_json(const std::vector<indicator>& indicators);

}  // namespace casechain::core::store
