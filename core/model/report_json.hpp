#pragma once
// Writes a police report as one line of JSON in the input format of
// DESIGN.md (the same format the intake parser reads): unknown indicators
// are written as null, absent optional fields are left out.

#include "core/model/police_report.hpp"

#include <string>

namespace casechain::core {

// Appends the report as a single-line JSON object (no trailing newline).
void append_report_json(std::string& out, const police_report& report);

}  // namespace casechain::core
