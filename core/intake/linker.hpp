#pragma once
// Links a stored report's persons to the persons already known, and the
// report to a family:
//  - a national register number that is known links to that person;
//  - otherwise the normalised name and birth date: equal names link (and an
//    unknown national id is filled in); when one name is the same and the
//    other differs only by typing errors (or first and last are swapped),
//    it is a *probable* match: the person is stored as new and a flag for
//    the team names the candidate; nothing is merged silently;
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
  std::string flag_reason;
};

struct link_outcome {
  family_id family = 0;
  bool new_family = false;
  std::vector<person_link> persons;  // per report.persons position
};

// Finds or creates the report's persons and family, before the report is
// stored (so the report is written once, already linked).
link_outcome link_persons(store::intake_store& store, const police_report& report, timestamp now);

// After the report is stored as `id`: its persons become members of the
// family, and probable matches are flagged for the team.
void record_links(store::intake_store& store, report_id id, const police_report& report, const link_outcome& links,
                  timestamp now);

// The person ids of `links`, in report order.
std::vector<person_id> linked_person_ids(const link_outcome& links);

}  // namespace casechain::core::intake
