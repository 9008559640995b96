#pragma once
// Links a stored report's persons to the persons already known, and the
// report to a family:
//  - a national register number that is known links to that person;
//  - otherwise the normalised name and birth date: equal names link (and an
//    unknown national id is filled in), names that differ only by typing
//    errors are a *probable* match: the person is stored as new and a flag
//    for the team names the candidate; nothing is merged silently;
//  - persons whose national ids differ are never the same person;
//  - the family is the newest family of a linked victim (else suspect, else
//    any linked person); a report with no linked person starts a family.
// Runs inside the caller's transaction; throws SQLite::Exception on
// database failures (the caller rolls the whole report back).

#include "core/store/intake_store.hpp"

#include <vector>

namespace casechain::core::intake {

enum class link_kind { national_id, name_and_birth_date, new_person };

struct person_link {
  person_id person = 0;
  link_kind kind = link_kind::new_person;
  std::optional<person_id> probable_candidate;  // flagged for the team
};

struct link_outcome {
  family_id family = 0;
  bool new_family = false;
  std::vector<person_link> persons;  // per report.persons position
};

link_outcome link_report(store::intake_store& store, report_id id, const police_report& report, timestamp now);

}  // namespace casechain::core::intake
