#pragma once
// A police report on domestic violence as it arrives (DESIGN.md, "Police
// report"): the persons as the police wrote them down, the kinds of violence,
// the instrument's items as yes/no/unknown, the measures taken and the
// free-text narrative. Linking the persons to known persons and families is
// the store's and intake's job, not this type's.

#include "core/model/enums.hpp"
#include "core/util/time.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace casechain::core {

struct postal_address {
  std::string street;
  std::string number;
  std::string postcode;
  std::string municipality;
  bool operator==(const postal_address&) const = default;
};

struct report_person {
  family_role role = family_role::other;
  std::string first_name;
  std::string last_name;
  std::optional<date> birth_date;
  core::gender gender = gender::unknown;
  std::string national_id;  // Belgian national register number; empty when unknown
  std::optional<postal_address> address;
  std::string phone;  // empty when unknown
  bool operator==(const report_person&) const = default;
};

struct violence_kinds {
  bool physical = false;
  bool psychological = false;
  bool sexual = false;
  bool economic = false;
  bool threats = false;
  bool stalking = false;
  bool operator==(const violence_kinds&) const = default;
};

struct restraining_order {
  date from;
  date until;
  bool operator==(const restraining_order&) const = default;
};

struct report_measures {
  std::optional<core::restraining_order> restraining_order;
  bool arrest = false;
  bool red_file = false;  // the prosecutor's "red file": treated as track 3
  bool operator==(const report_measures&) const = default;
};

// One instrument item as filled in; items the report leaves out are unknown.
struct indicator {
  std::string item;  // e.g. "strangulation"; the instrument file defines the set
  tri_state value = tri_state::unknown;
  bool operator==(const indicator&) const = default;
};

struct police_report {
  std::string external_ref;  // the police report number, unique within its zone
  std::string police_zone;
  timestamp reported_at;
  std::optional<timestamp> incident_at;
  std::vector<report_person> persons;
  core::relationship relationship = relationship::other;
  violence_kinds violence;
  std::vector<indicator> indicators;
  report_measures measures;
  std::string narrative;
  bool operator==(const police_report&) const = default;
};

}  // namespace casechain::core
