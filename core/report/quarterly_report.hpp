#pragma once
// The quarterly report for the steering committee: one self-contained HTML
// page (inline CSS and SVG charts, no scripts, no external resource) that a
// browser prints to PDF. It shows the figures of core/stats only — counts,
// never a person — and suppresses every count of 1 to 4 (and every median or
// percentile over fewer than 5 cases) as "<5", charts included.

#include "core/report/report_strings.hpp"
#include "core/stats/figures.hpp"
#include "core/stats/query.hpp"

#include <string>

namespace casechain::core::report {

inline constexpr int smallest_shown = 5;

std::string render_html(const stats::query& q, const stats::figures& f, const report_strings& text);

}  // namespace casechain::core::report
