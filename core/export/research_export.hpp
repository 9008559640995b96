#pragma once
// The pseudonymised research export: CSV files of reports, persons, cases,
// case events and screenings for researchers comparing chain cases with
// others. No direct identifier leaves: names, national ids, street
// addresses, phone numbers, narratives, free-text reasons, police report
// numbers and user ids are never read; every id is a per-export pseudonym
// (core/export/pseudonyms.hpp); dates are cut to the month; free values are
// kept only when they belong to a known vocabulary. Persons' quasi-identifiers
// (age band, gender, postcode area, household size) are k-anonymised
// (core/export/k_anonymity.hpp). Each file is written atomically with mode 0600.
// Errors: those of the store; unavailable when a file cannot be written.

#include "core/crypto/sealer.hpp"
#include "core/error.hpp"
#include "core/util/time.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <map>
#include <string>

namespace casechain::core::research {

struct export_summary {
  std::map<std::string, std::int64_t> rows;  // file name -> data rows
  int suppressed_persons = 0;                // quasi-identifiers replaced by "*"
  int dropped_persons = 0;                   // left out: even "*" covered fewer than 5
};

// `today` fixes the age bands. `out` is created (0700) when missing.
result<export_summary> write_export(SQLite::Database& db, const crypto::sealer& sealer, const std::filesystem::path& out,
                                    date today);

// Exposed for tests: "0-11", "12-17", "18-24", "25-34", ... "65+", "unknown".
std::string age_band(std::string_view birth_date, date today);
// "3500" -> "35xx"; anything not starting with 4 digits -> "unknown".
std::string postcode_area(std::string_view postcode);

}  // namespace casechain::core::research
