#pragma once
// The secrecy ledgers: consents, emergency access, danger overrides,
// must-not-know exclusions, care notes; and the facts the policy decision
// point needs about a user's standing in a case, read at one moment.

#include "core/crypto/sealer.hpp"
#include "core/error.hpp"
#include "core/model/case_record.hpp"
#include "core/model/organisation.hpp"
#include "core/policy/decision.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace casechain::core::store {

result<policy::secrecy_facts> load_secrecy_facts(SQLite::Database& db, const case_record& c, const user& u, timestamp now);

struct consent_record {
  std::int64_t id = 0;
  person_id person = 0;
  organisation_id recipient = 0;
  policy::category what = policy::category::identity;
  user_id given_by = 0;  // who recorded it
  timestamp given_at{};
  timestamp valid_until{};
  std::optional<timestamp> revoked_at;
};
result<consent_record> add_consent(SQLite::Database& db, consent_record c);
// Revocation takes effect at once; not_found when no live consent has this id in `family`.
result<void> revoke_consent(SQLite::Database& db, std::int64_t id, family_id family, user_id by, timestamp at);
result<std::vector<consent_record>> consents_of_family(SQLite::Database& db, family_id family);

struct emergency_grant {
  std::int64_t id = 0;
  user_id user = 0;
  case_id case_ref = 0;
  std::string reason;
  timestamp granted_at{};
  timestamp expires_at{};
  std::optional<timestamp> reviewed_at;
  std::optional<user_id> reviewed_by;
  std::string review_note;
};
result<emergency_grant> add_emergency_grant(SQLite::Database& db, emergency_grant g);
result<std::vector<emergency_grant>> emergency_grants_of_case(SQLite::Database& db, case_id c);
// Not yet reviewed, oldest first.
result<std::vector<emergency_grant>> emergency_review_queue(SQLite::Database& db, int limit);
result<void> review_emergency_grant(SQLite::Database& db, std::int64_t id, user_id reviewer, std::string_view note,
                                    timestamp at);

struct danger_override {
  std::int64_t id = 0;
  case_id case_ref = 0;
  organisation_id recipient = 0;
  policy::category what = policy::category::identity;
  std::string justification;
  user_id made_by = 0;
  timestamp made_at{};
  timestamp expires_at{};
  std::optional<timestamp> reviewed_at;
};
result<danger_override> add_danger_override(SQLite::Database& db, danger_override d);
result<std::vector<danger_override>> danger_overrides_of_case(SQLite::Database& db, case_id c);

enum class exclusion_reason { declared_relation, conflict_of_interest };
struct exclusion {
  std::int64_t id = 0;
  user_id user = 0;
  family_id family = 0;
  exclusion_reason reason = exclusion_reason::declared_relation;
  user_id made_by = 0;
  timestamp made_at{};
};
result<exclusion> add_exclusion(SQLite::Database& db, exclusion e);

struct care_note {
  std::int64_t id = 0;
  case_id case_ref = 0;
  organisation_id owner = 0;
  user_id author = 0;
  timestamp written_at{};
  std::string text;
};
// Care notes are stored sealed; call inside a write transaction (the new
// row's id is part of the sealed value's associated data).
result<care_note> add_care_note(SQLite::Database& db, const crypto::sealer& sealer, care_note n);
result<std::vector<care_note>> care_notes_of_case(SQLite::Database& db, const crypto::sealer& sealer, case_id c);

}  // namespace casechain::core::store
