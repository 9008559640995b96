#pragma once
// A small, complete police report for tests.

#include "core/model/police_report.hpp"

namespace casechain::test {

inline core::police_report sample_report(std::string external_ref = "AN.55.L1.000123/26") {
  using namespace casechain::core;
  police_report r;
  r.external_ref = std::move(external_ref);
  r.police_zone = "5345 Antwerpen";
  r.reported_at = parse_timestamp("2026-03-14T21:40:00Z").value();
  r.incident_at = parse_timestamp("2026-03-14T19:05:00+01:00").value();
  report_person victim{family_role::victim, "Sofie", "Van den Bossche", parse_date("1990-06-02"), gender::female,
                       "90.06.02-284.36", postal_address{"Lange Leemstraat", "12", "2018", "Antwerpen"},
                       "+32 478 12 34 56"};
  report_person suspect{family_role::suspect, "Kevin", "De Smet", parse_date("1987-11-30"), gender::male, "", std::nullopt,
                        ""};
  report_person child{family_role::child, "Lotte", "De Smet", parse_date("2019-01-15"), gender::female, "", std::nullopt, ""};
  r.persons = {victim, suspect, child};
  r.relationship = relationship::partner;
  r.violence.physical = true;
  r.violence.threats = true;
  r.indicators = {{"injury", tri_state::yes}, {"strangulation", tri_state::unknown}, {"weapon", tri_state::no}};
  r.measures.restraining_order = restraining_order{parse_date("2026-03-15").value(), parse_date("2026-03-29").value()};
  r.measures.arrest = true;
  r.narrative = "Hij heeft haar geslagen. Er werd geen wapen gebruikt. \"Quotes\" and a\nnewline.";
  return r;
}

}  // namespace casechain::test
