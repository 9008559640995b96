#include "core/triage/validity.hpp"

#include "core/store/intake_store.hpp"
#include "core/store/report_store.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/triage_store.hpp"
#include "core/triage/proposal.hpp"

#include <boost/json/parse.hpp>

#include <set>

namespace casechain::core::triage {

double cohens_kappa(const track_matrix& m) {
  double n = 0, diagonal = 0;
  std::array<double, 4> rows{}, columns{};
  for (size_t i = 1; i <= 3; ++i) {
    for (size_t j = 1; j <= 3; ++j) {
      auto v = static_cast<double>(m[i][j]);
      n += v;
      rows[i] += v;
      columns[j] += v;
      if (i == j) diagonal += v;
    }
  }
  if (n == 0) return 0;
  double observed = diagonal / n, expected = 0;
  for (size_t k = 1; k <= 3; ++k) expected += (rows[k] / n) * (columns[k] / n);
  if (expected >= 1) return observed >= 1 ? 1 : 0;
  return (observed - expected) / (1 - expected);
}

result<validity_figures> compute_validity(SQLite::Database& db, timestamp from, timestamp to) {
  auto pairs = store::decided_reports(db, from, to);
  if (!pairs) return pairs.error();
  validity_figures f;
  std::set<family_id> counted_families;
  for (const auto& pair : *pairs) {
    ++f.decisions;
    auto p = static_cast<size_t>(to_int(pair.proposed)), d = static_cast<size_t>(to_int(pair.decided));
    ++f.matrix[p][d];
    boost::system::error_code ec;
    // The fired rules' ids, kept in clear beside the sealed record: no record is opened here.
    auto rules = boost::json::parse(pair.fired_rules, ec);
    if (!ec && rules.is_array()) {
      for (const auto& rule : rules.get_array()) {
        if (!rule.is_string()) continue;
        auto& counts = f.rules[std::string(rule.get_string())];
        ++counts.fired;
        if (p != d) ++counts.overridden;
      }
    }
    // A family counts once, at its first decided report in the period.
    if (!counted_families.insert(pair.family).second) continue;
    auto again = store::has_report_within_year(db, pair.family, pair.report, pair.reported_at);
    if (!again) return again.error();
    ++f.repeats[d].families;
    if (*again) ++f.repeats[d].repeated;
  }
  std::int64_t diagonal = f.matrix[1][1] + f.matrix[2][2] + f.matrix[3][3];
  f.observed_agreement = f.decisions ? static_cast<double>(diagonal) / static_cast<double>(f.decisions) : 0;
  f.kappa = cohens_kappa(f.matrix);
  return f;
}

namespace {
constexpr auto reports_in_period_sql =
    "SELECT r.id, r.family_id, p.track FROM reports r JOIN triage_proposals p ON p.report_id = r.id "
    "WHERE r.reported_at >= ? AND r.reported_at < ? ORDER BY r.reported_at, r.id";
}  // namespace

result<replay_figures> replay(SQLite::Database& db, const crypto::field_protection& protection, const instrument& in, const lexicon_set& lexicons, timestamp from,
                              timestamp to, const std::function<void(std::int64_t)>& progress) {
  return store::guarded("replay the instrument", [&]() -> result<replay_figures> {
    replay_figures f;
    store::intake_store history_source(db, protection);
    SQLite::Statement reports(db, reports_in_period_sql);
    reports.bind(1, format_timestamp(from));
    reports.bind(2, format_timestamp(to));
    while (reports.executeStep()) {
      report_id id = reports.getColumn(0).getInt64();
      auto stored = store::get_report(db, protection.sealing, id);
      if (!stored) return stored.error();
      store::family_history history;
      if (!reports.getColumn(1).isNull())
        history = history_source.history(reports.getColumn(1).getInt64(), id, stored->report.reported_at,
                                         in.uses_earlier_tracks);
      auto old_track = static_cast<size_t>(reports.getColumn(2).getInt());
      auto replayed = evaluate(in, lexicons, stored->report, history);
      auto new_track = static_cast<size_t>(to_int(replayed.track));
      ++f.matrix[old_track][new_track];
      ++f.reports;
      if (old_track != new_track) ++f.changed;
      if (progress && f.reports % 10000 == 0) progress(f.reports);
    }
    return f;
  });
}

}  // namespace casechain::core::triage
