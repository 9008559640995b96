#include "core/store/stats_store.hpp"

#include "core/store/sqlite_error.hpp"

#include <SQLiteCpp/Statement.h>

namespace casechain::core::store {
namespace {

// The filters every case figure shares (docs/figures.md): the case's police
// zone is that of the family's first report; the organisation filter keeps
// cases whose consultation admits it. A literal, so queries stay constants.
#define CASECHAIN_STATS_CASE_FILTER                                                                              \
  " (:zone IS NULL OR (SELECT r.police_zone FROM reports r WHERE r.family_id = c.family_id "                    \
  "   ORDER BY r.reported_at, r.id LIMIT 1) = :zone) "                                                          \
  " AND (:track IS NULL OR c.track = :track) "                                                                  \
  " AND (:org IS NULL OR EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.organisation_id = :org)) "

#define CASECHAIN_STATS_CLOSED_EVENT "e.kind = 'transition' AND json_extract(e.detail, '$.to') = 'closed'"

constexpr auto reports_sql =
    "SELECT t.proposed, t.decided, t.reported_at, t.decided_at, t.case_id, "
    " (SELECT min(k.at) FROM contacts k WHERE k.case_id = t.case_id AND k.outcome = 'reached' AND k.at >= t.decided_at) "
    "FROM (SELECT r.reported_at, coalesce(p.track, 0) AS proposed, "
    "        CASE WHEN d.status = 'decided' THEN d.track ELSE 0 END AS decided, "
    "        CASE WHEN d.status = 'decided' THEN coalesce(d.confirmed_at, d.decided_at) END AS decided_at, "
    "        CASE WHEN d.status = 'decided' THEN d.case_id END AS case_id "
    "      FROM reports r LEFT JOIN triage_proposals p ON p.report_id = r.id "
    "      LEFT JOIN triage_decisions d ON d.report_id = r.id "
    "      WHERE r.reported_at >= :start AND r.reported_at < :end AND (:zone IS NULL OR r.police_zone = :zone)) t";
constexpr auto case_events_sql =
    "SELECT c.track, CASE WHEN e.kind = 'transition' THEN 'closed' ELSE e.kind END, count(*) "
    "FROM case_events e JOIN cases c ON c.id = e.case_id "
    "WHERE (e.kind IN ('opened', 'reopened') OR (" CASECHAIN_STATS_CLOSED_EVENT ")) "
    " AND e.at >= :start AND e.at < :end AND " CASECHAIN_STATS_CASE_FILTER " GROUP BY 1, 2";
constexpr auto open_cases_sql =
    "SELECT c.track, c.step, count(*) FROM cases c WHERE c.closed_at IS NULL AND " CASECHAIN_STATS_CASE_FILTER
    " GROUP BY 1, 2";
constexpr auto partners_sql =
    "SELECT (SELECT count(*) FROM case_members m WHERE m.case_id = c.id) FROM cases c "
    "WHERE c.opened_at < :end AND (c.closed_at IS NULL OR c.closed_at >= :start) AND " CASECHAIN_STATS_CASE_FILTER;
constexpr auto round_tables_sql =
    "SELECT count(*), count(DISTINCT t.case_id) FROM round_tables t JOIN cases c ON c.id = t.case_id "
    "WHERE t.held_on >= :from AND t.held_on <= :to AND " CASECHAIN_STATS_CASE_FILTER;
constexpr auto interventions_sql =
    "SELECT o.name || char(9) || i.status, count(*) FROM interventions i "
    "JOIN case_events e ON e.id = i.event_id JOIN cases c ON c.id = i.case_id "
    "JOIN organisations o ON o.id = i.organisation_id "
    "WHERE e.at >= :start AND e.at < :end AND (:org IS NULL OR i.organisation_id = :org) AND "
    CASECHAIN_STATS_CASE_FILTER " GROUP BY o.name, i.status ORDER BY o.name, i.status";
constexpr auto caseload_sql =
    "SELECT coalesce(c.case_manager_id, ''), count(*) FROM cases c WHERE c.closed_at IS NULL AND "
    CASECHAIN_STATS_CASE_FILTER " GROUP BY c.case_manager_id ORDER BY c.case_manager_id";
// 12 months by SQLite's date arithmetic: 2027-02-28 + 12 months is 2028-02-28; 2028-02-29 gives 2029-03-01.
#define CASECHAIN_STATS_WINDOW_END(at) "strftime('%Y-%m-%dT%H:%M:%SZ', " at ", '+12 months')"
constexpr auto closures_sql =
    "SELECT c.track, " CASECHAIN_STATS_WINDOW_END("e.at") ", "
    " EXISTS (SELECT 1 FROM reports r WHERE r.family_id = c.family_id AND r.reported_at > e.at "
    "   AND r.reported_at <= " CASECHAIN_STATS_WINDOW_END("e.at") ") "
    "FROM case_events e JOIN cases c ON c.id = e.case_id "
    "WHERE " CASECHAIN_STATS_CLOSED_EVENT " AND e.at >= :start AND e.at < :end AND " CASECHAIN_STATS_CASE_FILTER;
constexpr auto help_offers_sql =
    "SELECT 1, " CASECHAIN_STATS_WINDOW_END("o.at") ", "
    " EXISTS (SELECT 1 FROM reports r WHERE r.family_id = o.family_id AND r.reported_at > o.at "
    "   AND r.reported_at <= " CASECHAIN_STATS_WINDOW_END("o.at") ") "
    "FROM (SELECT c.family_id, min(k.at) AS at FROM cases c JOIN contacts k ON k.case_id = c.id "
    "      WHERE c.track = 1 AND " CASECHAIN_STATS_CASE_FILTER " GROUP BY c.id) o "
    "WHERE o.at >= :start AND o.at < :end";
constexpr auto screening_pairs_sql =
    "SELECT (SELECT s.scores FROM screenings s WHERE s.case_id = c.id AND s.kind = 'plan_start' ORDER BY s.id DESC LIMIT 1), "
    " (SELECT s.scores FROM screenings s WHERE s.case_id = c.id AND s.kind = 'closing' ORDER BY s.id DESC LIMIT 1) "
    "FROM cases c WHERE EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND " CASECHAIN_STATS_CLOSED_EVENT
    "   AND e.at >= :start AND e.at < :end) AND " CASECHAIN_STATS_CASE_FILTER;
constexpr auto undecided_in_zone_sql =
    "SELECT r.id FROM reports r JOIN triage_proposals p ON p.report_id = r.id "
    "LEFT JOIN triage_decisions d ON d.report_id = r.id "
    "WHERE (d.report_id IS NULL OR d.status <> 'decided') AND (:zone IS NULL OR r.police_zone = :zone)";
constexpr auto open_case_ids_sql = "SELECT c.id FROM cases c WHERE c.closed_at IS NULL AND " CASECHAIN_STATS_CASE_FILTER;

#undef CASECHAIN_STATS_CASE_FILTER
#undef CASECHAIN_STATS_CLOSED_EVENT
#undef CASECHAIN_STATS_WINDOW_END

// Binds the query's values to the named parameters the statement uses; the
// filters left out stay NULL, which the queries read as "any".
void bind_query(SQLite::Statement& s, const stats::query& q) {
  auto set = [&](const char* name, const auto& value) {
    if (int index = s.getIndex(name)) s.bind(index, value);
  };
  set(":start", q.start_instant());
  set(":end", q.end_instant());
  set(":from", format_date(q.from));
  set(":to", format_date(q.to));
  if (q.zone) set(":zone", *q.zone);
  if (q.track) set(":track", to_int(*q.track));
  if (q.organisation) set(":org", static_cast<std::int64_t>(*q.organisation));
}

std::optional<std::string> optional_text(SQLite::Statement& s, int column) {
  if (s.getColumn(column).isNull()) return std::nullopt;
  return s.getColumn(column).getString();
}

result<std::vector<stats_count>> counts(SQLite::Database& db, const stats::query& q, const char* sql,
                                        const char* operation, bool with_track) {
  return guarded(operation, [&]() -> result<std::vector<stats_count>> {
    SQLite::Statement s(db, sql);
    bind_query(s, q);
    std::vector<stats_count> out;
    int column = with_track ? 1 : 0;
    while (s.executeStep())
      out.push_back({with_track ? s.getColumn(0).getInt() : 0, s.getColumn(column).getString(),
                     s.getColumn(column + 1).getInt64()});
    return out;
  });
}

result<std::vector<stats_moment>> moments(SQLite::Database& db, const stats::query& q, const char* sql,
                                          const char* operation) {
  return guarded(operation, [&]() -> result<std::vector<stats_moment>> {
    SQLite::Statement s(db, sql);
    bind_query(s, q);
    std::vector<stats_moment> out;
    while (s.executeStep()) out.push_back({s.getColumn(0).getInt(), s.getColumn(1).getString(), s.getColumn(2).getInt() != 0});
    return out;
  });
}

result<void> ids(SQLite::Database& db, const stats::query& q, const char* sql, const char* operation,
                 std::unordered_set<std::int64_t>& into) {
  return guarded(operation, [&]() -> result<void> {
    SQLite::Statement s(db, sql);
    bind_query(s, q);
    while (s.executeStep()) into.insert(s.getColumn(0).getInt64());
    return {};
  });
}

}  // namespace

result<void> visit_stats_reports(SQLite::Database& db, const stats::query& q,
                                 const std::function<void(const stats_report_row&)>& visit) {
  return guarded("read reports for figures", [&]() -> result<void> {
    SQLite::Statement s(db, reports_sql);
    bind_query(s, q);
    stats_report_row row;
    while (s.executeStep()) {
      row.proposed = s.getColumn(0).getInt();
      row.decided = s.getColumn(1).getInt();
      row.reported_at = s.getColumn(2).getString();
      row.decided_at = optional_text(s, 3);
      row.has_case = !s.getColumn(4).isNull();
      row.first_reached_at = optional_text(s, 5);
      visit(row);
    }
    return {};
  });
}

result<std::vector<stats_count>> stats_case_events(SQLite::Database& db, const stats::query& q) {
  return counts(db, q, case_events_sql, "count case events for figures", true);
}

result<std::vector<stats_count>> stats_open_cases(SQLite::Database& db, const stats::query& q) {
  return counts(db, q, open_cases_sql, "count open cases for figures", true);
}

result<std::vector<std::int64_t>> stats_partners_per_case(SQLite::Database& db, const stats::query& q) {
  return guarded("count partners for figures", [&]() -> result<std::vector<std::int64_t>> {
    SQLite::Statement s(db, partners_sql);
    bind_query(s, q);
    std::vector<std::int64_t> out;
    while (s.executeStep()) out.push_back(s.getColumn(0).getInt64());
    return out;
  });
}

result<std::pair<std::int64_t, std::int64_t>> stats_round_tables(SQLite::Database& db, const stats::query& q) {
  return guarded("count round tables for figures", [&]() -> result<std::pair<std::int64_t, std::int64_t>> {
    SQLite::Statement s(db, round_tables_sql);
    bind_query(s, q);
    s.executeStep();
    return std::pair{s.getColumn(0).getInt64(), s.getColumn(1).getInt64()};
  });
}

result<std::vector<stats_count>> stats_interventions(SQLite::Database& db, const stats::query& q) {
  return counts(db, q, interventions_sql, "count interventions for figures", false);
}

result<std::vector<stats_count>> stats_caseload(SQLite::Database& db, const stats::query& q) {
  return counts(db, q, caseload_sql, "count caseload for figures", false);
}

result<std::vector<stats_moment>> stats_closures(SQLite::Database& db, const stats::query& q) {
  return moments(db, q, closures_sql, "read closures for figures");
}

result<std::vector<stats_moment>> stats_help_offers(SQLite::Database& db, const stats::query& q) {
  return moments(db, q, help_offers_sql, "read help offers for figures");
}

result<std::vector<std::pair<std::string, std::string>>> stats_screening_pairs(SQLite::Database& db,
                                                                               const stats::query& q) {
  return guarded("read screenings for figures", [&]() -> result<std::vector<std::pair<std::string, std::string>>> {
    SQLite::Statement s(db, screening_pairs_sql);
    bind_query(s, q);
    std::vector<std::pair<std::string, std::string>> out;
    while (s.executeStep())
      if (!s.getColumn(0).isNull() && !s.getColumn(1).isNull())
        out.emplace_back(s.getColumn(0).getString(), s.getColumn(1).getString());
    return out;
  });
}

result<void> stats_report_ids_in_zone(SQLite::Database& db, const stats::query& q, std::unordered_set<std::int64_t>& into) {
  return ids(db, q, undecided_in_zone_sql, "read undecided reports for figures", into);
}

result<void> stats_open_case_ids(SQLite::Database& db, const stats::query& q, std::unordered_set<std::int64_t>& into) {
  return ids(db, q, open_case_ids_sql, "read open cases for figures", into);
}

}  // namespace casechain::core::store
