#pragma once
// What a case page shows of a family, read in a few queries: its persons,
// where they can be reached (from their latest report), and its reports. The
// API releases each part only as far as the secrecy policy allows.

#include "core/crypto/sealer.hpp"
#include "core/error.hpp"
#include "core/model/enums.hpp"
#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace casechain::core::store {

struct family_person {
  person_id id = 0;
  family_role role = family_role::other;
  std::string first_name;
  std::string last_name;
  std::optional<date> birth_date;
  core::gender gender = gender::unknown;
};
result<std::vector<family_person>> family_persons(SQLite::Database& db, family_id family);

struct contact_address {
  person_id person = 0;
  std::string street, house_number, postcode, municipality, phone;
};
// Each person's address and phone as given in their latest report.
result<std::vector<contact_address>> family_contact_addresses(SQLite::Database& db, const crypto::sealer& sealer,
                                                              family_id family);

struct family_report {
  report_id id = 0;
  timestamp reported_at{};
  std::string police_zone;
  std::string violence;  // JSON
  std::string narrative;
  std::optional<date> order_from, order_until;  // a restraining order in the report
  bool arrest = false;
  bool red_file = false;
  std::optional<int> proposed_track, decided_track;
  std::string risk_level;
};
// Newest first, at most `limit`.
// Narratives are opened only when `with_narratives` (the user may read them).
result<std::vector<family_report>> family_reports(SQLite::Database& db, const crypto::sealer& sealer, family_id family,
                                                  int limit, bool with_narratives);

}  // namespace casechain::core::store
