#include "core/report/quarterly_report.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace casechain::core::report {
namespace {

using stats::count;

bool shown(count n) { return n == 0 || n >= smallest_shown; }

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string cell(count n) { return shown(n) ? std::to_string(n) : "&lt;5"; }

std::string fixed(double v, const char* format) {
  char text[32];
  std::snprintf(text, sizeof text, format, v);
  return text;
}

class page {
 public:
  std::string& html() { return out_; }

  void heading(std::string_view text) { out_ += "<h2>" + escape(text) + "</h2>\n"; }
  void table(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows) {
    out_ += "<table><thead><tr>";
    for (const auto& h : head) out_ += "<th>" + escape(h) + "</th>";
    out_ += "</tr></thead><tbody>\n";
    for (const auto& r : rows) {
      out_ += "<tr>";
      for (size_t i = 0; i < r.size(); ++i) out_ += (i ? "<td>" : "<th scope=\"row\">") + r[i] + (i ? "</td>" : "</th>");
      out_ += "</tr>\n";
    }
    out_ += "</tbody></table>\n";
  }
  // A horizontal bar chart; suppressed values get no bar, only "<5".
  void bars(std::string_view title, const std::vector<std::pair<std::string, count>>& values) {
    count top = 1;
    for (const auto& v : values)
      if (shown(v.second)) top = std::max(top, v.second);
    int height = static_cast<int>(values.size()) * 26 + 10;
    out_ += "<figure><svg role=\"img\" aria-label=\"" + escape(title) + "\" viewBox=\"0 0 620 " +
            std::to_string(height) + "\" width=\"620\" height=\"" + std::to_string(height) +
            "\" xmlns=\"http://www.w3.org/2000/svg\">\n";
    int y = 5;
    for (const auto& [label, n] : values) {
      auto width = shown(n) ? static_cast<int>(360 * n / top) : 0;
      out_ += "<text x=\"0\" y=\"" + std::to_string(y + 15) + "\" font-size=\"13\">" + escape(label) + "</text>";
      out_ += "<rect x=\"200\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(width) +
              "\" height=\"20\" fill=\"#2f6f9f\"/>";
      out_ += "<text class=\"v\" x=\"" + std::to_string(206 + width) + "\" y=\"" + std::to_string(y + 15) + "\" font-size=\"13\">" +
              cell(n) + "</text>\n";
      y += 26;
    }
    out_ += "</svg><figcaption>" + escape(title) + "</figcaption></figure>\n";
  }

 private:
  std::string out_;
};

std::string track_label(const report_strings& t, size_t i) {
  return std::string(t.track) + " " + std::to_string(i);
}

std::string hours(const report_strings& t, const std::optional<count>& seconds, count measured) {
  if (!seconds) return "–";
  if (measured < smallest_shown) return "&lt;5";
  return fixed(static_cast<double>(*seconds) / 3600.0, "%.1f") + " " + escape(t.hours);
}

std::string share(const stats::duration_figure& d) {
  auto s = d.share_within_clock();
  if (!s) return "–";
  if (d.done + d.waiting_late < smallest_shown) return "&lt;5";
  return fixed(*s * 100.0, "%.0f") + "%";
}

void reports_section(page& p, const report_strings& t, const stats::figures& f) {
  p.heading(t.reports_title);
  p.html() += "<p>" + escape(t.received) + ": <strong>" + cell(f.reports.received) + "</strong></p>\n";
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 1; i <= 3; ++i)
    rows.push_back({track_label(t, i), cell(f.reports.proposed[i]), cell(f.reports.decided[i])});
  rows.push_back({escape(t.none) + " / " + escape(t.undecided), cell(f.reports.proposed[0]), cell(f.reports.decided[0])});
  p.table({std::string(t.track), std::string(t.proposal), std::string(t.decision)}, rows);
  p.bars(t.decision, {{track_label(t, 1), f.reports.decided[1]},
                      {track_label(t, 2), f.reports.decided[2]},
                      {track_label(t, 3), f.reports.decided[3]},
                      {std::string(t.undecided), f.reports.decided[0]}});
}

void timing_table(page& p, const report_strings& t, std::string_view title,
                  const std::array<stats::duration_figure, 4>& d) {
  p.html() += "<h3>" + escape(title) + "</h3>\n";
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < 4; ++i)
    rows.push_back({i ? track_label(t, i) : escape(t.all), cell(d[i].done), hours(t, d[i].median_seconds, d[i].done),
                    hours(t, d[i].p90_seconds, d[i].done), share(d[i])});
  p.table({std::string(t.track), std::string(t.done), std::string(t.median), std::string(t.p90),
           std::string(t.within_clock)},
          rows);
}

void cases_section(page& p, const report_strings& t, const stats::figures& f) {
  p.heading(t.cases_title);
  std::vector<std::vector<std::string>> rows;
  for (auto [label, n] : {std::pair{t.opened, &f.cases.opened}, {t.reopened, &f.cases.reopened}, {t.closed, &f.cases.closed}})
    rows.push_back({escape(label), cell((*n)[1]), cell((*n)[2]), cell((*n)[3]), cell((*n)[0])});
  p.table({"", track_label(t, 1), track_label(t, 2), track_label(t, 3), std::string(t.total)}, rows);
  p.html() += "<h3>" + escape(t.open_by_step) + "</h3>\n";
  rows.clear();
  std::vector<std::pair<std::string, count>> chart;
  for (const auto& [step, n] : f.cases.open_by_step) {
    rows.push_back({escape(step), cell(n[1]), cell(n[2]), cell(n[3]), cell(n[0])});
    chart.emplace_back(step, n[0]);
  }
  p.table({std::string(t.step), track_label(t, 1), track_label(t, 2), track_label(t, 3), std::string(t.total)}, rows);
  if (!chart.empty()) p.bars(t.open_by_step, chart);
}

void overdue_section(page& p, const report_strings& t, const stats::figures& f) {
  p.heading(t.overdue_title);
  if (f.overdue.empty()) {
    p.html() += "<p>" + escape(t.nothing_late) + "</p>\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& [clock, n] : f.overdue) rows.push_back({escape(clock), cell(n)});
  p.table({std::string(t.clock), std::string(t.late_items)}, rows);
}

void partners_section(page& p, const report_strings& t, const stats::figures& f) {
  p.heading(t.partners_title);
  p.table({"", ""}, {{escape(t.active_cases), cell(f.partners.cases)},
                     {escape(t.partners_admitted), cell(f.partners.partners)},
                     {escape(t.round_tables_held), cell(f.round_tables.held)}});
  std::vector<std::pair<std::string, count>> chart;
  for (size_t i = 0; i < f.partners.histogram.size(); ++i)
    chart.emplace_back(i == 5 ? "5+" : std::to_string(i), f.partners.histogram[i]);
  p.bars(t.cases_with_partners, chart);
  p.heading(t.interventions_title);
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : f.interventions)
    rows.push_back({escape(row.organisation), cell(row.by_status[0]), cell(row.by_status[1]), cell(row.by_status[2]),
                    cell(row.by_status[3])});
  p.table({std::string(t.organisation), std::string(t.planned), std::string(t.in_progress), std::string(t.finished),
           std::string(t.cancelled)},
          rows);
}

void caseload_section(page& p, const report_strings& t, const stats::figures& f) {
  p.heading(t.caseload_title);
  // A distribution, never one person's load: managers per band of open cases.
  std::array<count, 4> bands{};  // 1-9, 10-19, 20-29, 30+
  for (const auto& c : f.caseload) ++bands[static_cast<size_t>(std::min<count>(c.open_cases / 10, 3))];
  p.table({std::string(t.case_managers), ""}, {{"1–9", cell(bands[0])},
                                               {"10–19", cell(bands[1])},
                                               {"20–29", cell(bands[2])},
                                               {"30+", cell(bands[3])},
                                               {escape(t.unassigned), cell(f.unassigned_open_cases)}});
}

void repeat_section(page& p, const report_strings& t, const stats::figures& f) {
  p.heading(t.repeat_title);
  std::vector<std::vector<std::string>> rows;
  auto row = [&](std::string label, const stats::repeat_figure& r) {
    rows.push_back({std::move(label), cell(r.moments), cell(r.observed), cell(r.repeated)});
  };
  row(escape(t.after_closure) + " (" + escape(t.all) + ")", f.repeat_after_closure[0]);
  for (size_t i = 1; i <= 3; ++i) row(escape(t.after_closure) + ", " + track_label(t, i), f.repeat_after_closure[i]);
  row(escape(t.after_help_offer), f.repeat_after_help_offer);
  p.table({"", std::string(t.moments), std::string(t.observed), std::string(t.repeated)}, rows);
}

void screening_section(page& p, const report_strings& t, const stats::figures& f) {
  p.heading(t.screening_title);
  std::vector<std::vector<std::string>> rows;
  for (const auto& [factor, s] : f.screening) {
    bool enough = s.pairs >= smallest_shown;
    rows.push_back({escape(factor), cell(s.pairs), enough ? std::to_string(s.sum_plan_start) : "&lt;5",
                    enough ? std::to_string(s.sum_closing) : "&lt;5", cell(s.lower), cell(s.same), cell(s.higher)});
  }
  p.table({std::string(t.factor), std::string(t.pairs), std::string(t.plan_start), std::string(t.closing),
           std::string(t.lower), std::string(t.same), std::string(t.higher)},
          rows);
}

constexpr auto style =
    "body{font-family:system-ui,sans-serif;color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem}"
    "table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.25rem .6rem;"
    "text-align:right}th[scope=row],thead th:first-child{text-align:left}thead th{background:#e8eef3}"
    "h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #2f6f9f}"
    "figure{margin:0 0 1rem}figcaption{font-size:.85rem;color:#444}"
    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,figure{break-inside:avoid}}";

}  // namespace

std::string render_html(const stats::query& q, const stats::figures& f, const report_strings& t) {
  page p;
  auto& out = p.html();
  out += "<!DOCTYPE html>\n<html lang=\"" + escape(t.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += "<title>" + escape(t.title) + " " + format_date(q.from) + " – " + format_date(q.to) + "</title>\n";
  out += "<style>" + std::string(style) + "</style>\n</head>\n<body>\n";
  out += "<h1>" + escape(t.title) + "</h1>\n<p>" + escape(t.period) + ": " + format_date(q.from) + " – " +
         format_date(q.to) + ". " + escape(t.generated) + " " + format_date(q.as_of) + ".</p>\n";
  out += "<p><small>" + escape(t.small_cells_note) + "</small></p>\n";
  reports_section(p, t, f);
  p.heading(t.timing_title);
  timing_table(p, t, t.report_to_triage, f.report_to_triage);
  timing_table(p, t, t.triage_to_contact, f.triage_to_first_contact);
  cases_section(p, t, f);
  overdue_section(p, t, f);
  partners_section(p, t, f);
  caseload_section(p, t, f);
  repeat_section(p, t, f);
  screening_section(p, t, f);
  out += "</body>\n</html>\n";
  return std::move(out);
}

}  // namespace casechain::core::report
