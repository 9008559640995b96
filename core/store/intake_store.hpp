#pragma once
// The store side of report intake: the queries linking needs (candidates by
// national id and birth date, a person's families, a family's history), with
// statements prepared once per store because a batch import runs them for
// every person of every report. Methods throw SQLite::Exception on database
// failures; callers run a report's whole intake inside guarded() and one
// write_transaction, so a failure stores nothing of that report.
// Not thread-safe: one intake_store per connection and thread.

#include "core/model/enums.hpp"
#include "core/model/ids.hpp"
#include "core/model/police_report.hpp"
#include "core/store/report_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <vector>

namespace casechain::core::store {

struct person_candidate {
  person_id id = 0;
  std::string first_key;
  std::string last_key;
  std::string national_id;  // empty when unknown
};

// What the instrument may know of a family before this report.
struct family_history {
  int reports_last_12_months = 0;  // other reports on the family in the 12 months up to this one
  std::vector<track> earlier_tracks;  // decided (or else proposed) tracks of earlier reports, newest first
  std::optional<case_id> open_case;
  std::optional<track> open_case_track;
  std::optional<user_id> open_case_manager;
};

class intake_store {
 public:
  // `protection` seals the reports' sensitive fields; it must outlive the store.
  intake_store(SQLite::Database& db, const crypto::field_protection& protection);

  SQLite::Database& db() { return db_; }
  // Inside the caller's transaction (intake makes each report one).
  result<report_id> add_report(const police_report& report, timestamp received_at, family_id family,
                               std::span<const person_id> persons) {
    return reports_.add(report, received_at, family, persons);
  }

  // Whether a report with this zone and external_ref is stored already.
  bool has_report(const std::string& police_zone, const std::string& external_ref);
  // The id of the person with this national register number, if known.
  std::optional<person_id> person_by_national_id(const std::string& national_id);
  // Persons born on `birth_date` who share the first or the last name (either
  // way round): the candidates a typing error can have made.
  std::vector<person_candidate> name_candidates(date birth_date, const std::string& first_key,
                                                const std::string& last_key);
  person_id add_person(const report_person& p, const std::string& first_key, const std::string& last_key,
                       timestamp now);
  void set_national_id(person_id id, const std::string& national_id);
  // The person's newest family (the highest id); nullopt when in none.
  std::optional<family_id> newest_family_of(person_id id);
  family_id add_family(timestamp now);
  // Does nothing when the person is already a member.
  void add_family_member(family_id family, person_id person, family_role role);
  void add_link_flag(report_id report, int position, person_id person, person_id candidate, const std::string& reason,
                     timestamp now);
  // `with_earlier_tracks`: also read the earlier reports' tracks (only when the instrument uses them).
  family_history history(family_id family, report_id report, timestamp reported_at, bool with_earlier_tracks);

  struct proposal_row {
    std::string instrument;
    int track = 1;
    std::string risk_level;
    int score = 0;
    int complexity = 0;
    int unknowns = 0;
    std::string fired_rules;  // the ids of the rules that fired, a JSON array (kept in clear)
    std::string record;       // the whole decision record as JSON (sealed)
  };
  void save_proposal(report_id report, const proposal_row& row, timestamp now);

 private:
  SQLite::Database& db_;
  const crypto::field_protection& protection_;
  report_writer reports_;
  SQLite::Statement has_report_, by_national_id_, by_birth_date_, insert_person_, update_national_id_, newest_family_,
      insert_family_, insert_member_, insert_flag_, count_recent_,
      earlier_tracks_, open_case_, insert_proposal_;
};

}  // namespace casechain::core::store
