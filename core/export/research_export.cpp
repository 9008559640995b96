#include "core/export/research_export.hpp"

#include "core/export/csv.hpp"
#include "core/export/k_anonymity.hpp"
#include "core/export/pseudonyms.hpp"
#include "core/model/enums.hpp"
#include "core/store/export_store.hpp"
#include "core/util/atomic_file.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <vector>

namespace casechain::core::research {
namespace {

namespace fs = std::filesystem;

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2026-03-14T09:00:00Z" -> "2026-03"; anything else -> "".
std::string month(std::string_view at) {
  if (at.size() < 7 || !digits(at.substr(0, 4)) || at[4] != '-' || !digits(at.substr(5, 2))) return {};
  return std::string(at.substr(0, 7));
}

// A vocabulary word (lower_snake_case, at most 40 characters), else `fallback`:
// free text never passes.
std::string token(std::string_view value, std::string_view fallback = "other") {
  bool ok = !value.empty() && value.size() <= 40 &&
            std::all_of(value.begin(), value.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
  return std::string(ok ? value : fallback);
}

template <class E>
std::string vocabulary(std::string_view value) {
  return parse<E>(value) ? std::string(value) : std::string("unknown");
}

std::string track_text(int t) { return t >= 1 && t <= 3 ? std::to_string(t) : std::string(); }
std::string flag(bool b) { return b ? "1" : "0"; }

result<void> write_file(const fs::path& dir, const std::string& name, const std::string& content) {
  auto file = atomic_file::create(dir / name, 0600);
  if (!file) return file.error();
  if (!file->write(content)) return fail(errc::unavailable, "cannot write " + name + " (disk full?)");
  return file->commit();
}

result<std::string> reports_csv(SQLite::Database& db, const pseudonyms& ids, std::int64_t& rows) {
  std::string out;
  csv::append_row(out, {"report", "family", "police_zone", "reported_month", "relationship", "physical",
                        "psychological", "sexual", "economic", "threats", "stalking", "proposed_track",
                        "decided_track", "arrest", "red_file", "restraining_order"});
  auto visited = store::visit_export_reports(db, [&](const store::export_report_row& r) {
    ++rows;
    const auto& v = r.violence;
    csv::append_row(out, {ids.of("R", r.id), r.family ? ids.of("F", *r.family) : std::string(), r.police_zone,
                          month(r.reported_at), vocabulary<relationship>(r.relationship), flag(v[0]), flag(v[1]),
                          flag(v[2]), flag(v[3]), flag(v[4]), flag(v[5]), track_text(r.proposed),
                          track_text(r.decided), flag(r.arrest), flag(r.red_file), flag(r.restraining_order)});
  });
  if (!visited) return visited.error();
  return out;
}

std::string household_size(std::int64_t n) {
  if (n <= 0) return "unknown";
  return n >= 6 ? "6+" : std::to_string(n);
}

result<std::string> persons_csv(SQLite::Database& db, const crypto::sealer& sealer, const pseudonyms& ids, date today,
                                export_summary& summary) {
  struct person_line {
    std::string person, family, role;
  };
  std::vector<person_line> lines;
  std::vector<quasi_identifiers> quasi;
  auto visited = store::visit_export_persons(db, sealer, [&](const store::export_person_row& p) {
    lines.push_back({ids.of("P", p.id), p.family ? ids.of("F", *p.family) : std::string(),
                     p.family ? vocabulary<family_role>(p.role) : std::string("unknown")});
    quasi.push_back({age_band(p.birth_date, today), vocabulary<gender>(p.gender), postcode_area(p.postcode),
                     household_size(p.household)});
  });
  if (!visited) return visited.error();
  auto outcome = enforce_k(quasi);
  summary.suppressed_persons = outcome.suppressed_rows;
  summary.dropped_persons = outcome.dropped_rows;
  std::string out;
  csv::append_row(out, {"person", "family", "role", "age_band", "gender", "postcode_area", "household_size"});
  std::int64_t rows = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!outcome.keep[i]) continue;
    ++rows;
    csv::append_row(out, {lines[i].person, lines[i].family, lines[i].role, quasi[i][0], quasi[i][1], quasi[i][2],
                          quasi[i][3]});
  }
  summary.rows["persons.csv"] = rows;
  return out;
}

result<std::string> cases_csv(SQLite::Database& db, const pseudonyms& ids, std::int64_t& rows) {
  std::string out;
  csv::append_row(out, {"case", "family", "track", "step", "opened_month", "closed_month", "closure_reason",
                        "partners"});
  auto visited = store::visit_export_cases(db, [&](const store::export_case_row& c) {
    ++rows;
    csv::append_row(out, {ids.of("C", c.id), ids.of("F", c.family), track_text(c.track), vocabulary<case_step>(c.step),
                          month(c.opened_at), month(c.closed_at),
                          c.closure_reason.empty() ? std::string() : token(c.closure_reason),
                          std::to_string(c.partners)});
  });
  if (!visited) return visited.error();
  return out;
}

result<std::string> events_csv(SQLite::Database& db, const pseudonyms& ids, std::int64_t& rows) {
  std::string out;
  csv::append_row(out, {"case", "month", "kind", "from_step", "to_step", "track"});
  auto step = [](const std::string& s) { return s.empty() ? s : vocabulary<case_step>(s); };
  auto visited = store::visit_export_events(db, [&](const store::export_event_row& e) {
    ++rows;
    csv::append_row(out, {ids.of("C", e.case_id), month(e.at), token(e.kind), step(e.from), step(e.to),
                          track_text(e.track)});
  });
  if (!visited) return visited.error();
  return out;
}

result<std::string> screenings_csv(SQLite::Database& db, const pseudonyms& ids, std::int64_t& rows) {
  std::string out;
  csv::append_row(out, {"case", "month", "kind", "factor", "score"});
  auto visited = store::visit_export_screenings(db, [&](const store::export_screening_row& s) {
    boost::system::error_code ec;
    auto scores = boost::json::parse(s.scores, ec);
    if (ec || !scores.is_object()) return;
    for (const auto& [factor, score] : scores.get_object()) {
      if (!score.is_int64() || score.get_int64() < 0 || score.get_int64() > 4) continue;
      ++rows;
      csv::append_row(out, {ids.of("C", s.case_id), month(s.at), token(s.kind), token(factor),
                            std::to_string(score.get_int64())});
    }
  });
  if (!visited) return visited.error();
  return out;
}

}  // namespace

std::string age_band(std::string_view birth_date, date today) {
  auto born = parse_date(birth_date);
  if (!born) return "unknown";
  int age = static_cast<int>(today.year()) - static_cast<int>(born->year());
  if (std::chrono::month_day{today.month(), today.day()} < std::chrono::month_day{born->month(), born->day()}) --age;
  if (age < 0) return "unknown";
  constexpr std::pair<int, const char*> bands[] = {{11, "0-11"},  {17, "12-17"}, {24, "18-24"}, {34, "25-34"},
                                                   {44, "35-44"}, {54, "45-54"}, {64, "55-64"}};
  for (auto [upto, name] : bands)
    if (age <= upto) return name;
  return "65+";
}

std::string postcode_area(std::string_view postcode) {
  if (postcode.size() < 4 || !digits(postcode.substr(0, 4))) return "unknown";
  return std::string(postcode.substr(0, 2)) + "xx";
}

result<export_summary> write_export(SQLite::Database& db, const crypto::sealer& sealer, const fs::path& out, date today) {
  std::error_code ec;
  if (!fs::exists(out, ec)) {
    if (!fs::create_directories(out, ec) || ec) return fail(errc::unavailable, "cannot create the export folder");
    fs::permissions(out, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  if (!fs::is_directory(out, ec)) return fail(errc::invalid_argument, "--out: not a folder");
  pseudonyms ids;  // this export's key: gone when the export is written
  export_summary summary;
  std::vector<std::pair<std::string, std::string>> files;
  auto add = [&](const char* name, result<std::string> content) -> result<void> {
    if (!content) return content.error();
    files.emplace_back(name, std::move(*content));
    return {};
  };
  if (auto r = add("reports.csv", reports_csv(db, ids, summary.rows["reports.csv"])); !r) return r.error();
  if (auto r = add("persons.csv", persons_csv(db, sealer, ids, today, summary)); !r) return r.error();
  if (auto r = add("cases.csv", cases_csv(db, ids, summary.rows["cases.csv"])); !r) return r.error();
  if (auto r = add("events.csv", events_csv(db, ids, summary.rows["events.csv"])); !r) return r.error();
  if (auto r = add("screenings.csv", screenings_csv(db, ids, summary.rows["screenings.csv"])); !r) return r.error();
  for (const auto& [name, content] : files)
    if (auto written = write_file(out, name, content); !written) return written.error();
  return summary;
}

}  // namespace casechain::core::research
