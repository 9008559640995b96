#pragma once
// The rows of the research export (core/export), read without any direct
// identifier: no names, national ids, addresses (beyond the postcode), phone
// numbers, narratives, free-text reasons or user ids ever leave these
// queries. Dates come as they are stored; the export coarsens them.
// Errors: unavailable/internal when the database cannot be read.

#include "core/crypto/sealer.hpp"
#include "core/error.hpp"

#include <SQLiteCpp/Database.h>

#include <array>
#include <functional>
#include <optional>
#include <string>

namespace casechain::core::store {

struct export_report_row {
  std::int64_t id = 0;
  std::optional<std::int64_t> family;
  std::string police_zone, reported_at, relationship;
  std::array<bool, 6> violence{};  // physical, psychological, sexual, economic, threats, stalking
  int proposed = 0, decided = 0;   // 0: none
  bool arrest = false, red_file = false, restraining_order = false;
};
result<void> visit_export_reports(SQLite::Database& db, const std::function<void(const export_report_row&)>& visit);

struct export_person_row {
  std::int64_t id = 0;
  std::optional<std::int64_t> family;  // the first family the person belongs to
  std::string role, gender, birth_date;  // birth_date may be empty
  std::string postcode;                // of the latest report naming the person; may be empty
  std::int64_t household = 0;          // members of that family
};
// The postcode comes from the person's latest sealed address, opened here.
result<void> visit_export_persons(SQLite::Database& db, const crypto::sealer& sealer,
                                  const std::function<void(const export_person_row&)>& visit);

struct export_case_row {
  std::int64_t id = 0, family = 0;
  int track = 0;
  std::string step, opened_at, closed_at, closure_reason;
  std::int64_t partners = 0;
};
result<void> visit_export_cases(SQLite::Database& db, const std::function<void(const export_case_row&)>& visit);

struct export_event_row {
  std::int64_t case_id = 0;
  std::string at, kind, from, to;
  int track = 0;
};
result<void> visit_export_events(SQLite::Database& db, const std::function<void(const export_event_row&)>& visit);

struct export_screening_row {
  std::int64_t case_id = 0;
  std::string at, kind, scores;  // scores: the stored JSON object
};
result<void> visit_export_screenings(SQLite::Database& db,
                                     const std::function<void(const export_screening_row&)>& visit);

}  // namespace casechain::core::store
