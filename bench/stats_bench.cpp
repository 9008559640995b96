// Evaluation-figures benchmark (the evaluation issue's target): on a database
// of N generated reports, every figure for a whole year (chain_figures, the
// code behind `casechain stats` and GET /api/v1/stats), timed next to a plain
//   SELECT p.track, count(*) FROM reports r JOIN triage_proposals p ... GROUP BY p.track
// over the same year in the same run; target: all figures within 10x that query.
// The database is made once per size in --dir and reused: the reports are
// imported for real (linking and triage), then decisions, cases, events,
// contacts and members are added in bulk by the SQL below (a fixture, not product code).
// Usage: casechain_bench_stats [--reports 1000000] [--seed 1] [--dir DIR] [--runs 3]
#include "chain/figures.hpp"
#include "core/crypto/field_protection.hpp"
#include "core/demo/report_generator.hpp"
#include "core/intake/importer.hpp"
#include "core/model/report_json.hpp"
#include "core/store/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

using namespace casechain;
namespace fs = std::filesystem;

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t) {
  return std::chrono::duration<double>(clock_type::now() - t).count();
}

// The chain's work on the imported reports, in bulk: 98 % decided within 0-59 hours, one case per
// family (a third closed after 60 days), opening and closing events, a reached contact for 7 cases
// in 10, one or two partners per case, a round table for every fourth case.
constexpr const char* chain_fixture_sql[] = {
    "INSERT INTO organisations (name, sector, created_at) VALUES ('Bench police', 'police', '2025-01-01T00:00:00Z'), "
    " ('Bench care', 'care', '2025-01-01T00:00:00Z')",
    "INSERT INTO users (username, organisation_id, password_hash, created_at) VALUES ('bench', 1, '$h', '2025-01-01T00:00:00Z')",
    "INSERT INTO triage_decisions (report_id, track, decided_by, decided_at, status) "
    " SELECT p.report_id, p.track, 1, strftime('%Y-%m-%dT%H:%M:%SZ', r.reported_at, '+' || (r.id % 60) || ' hours'), "
    " 'decided' FROM triage_proposals p JOIN reports r ON r.id = p.report_id WHERE r.id % 50 <> 0",
    "INSERT INTO cases (family_id, track, step, case_manager_id, opened_at, closed_at, closure_reason, updated_at) "
    " SELECT r.family_id, max(d.track), CASE WHEN r.family_id % 3 = 0 THEN 'closed' WHEN max(d.track) = 1 THEN 'contact' "
    "   ELSE 'intake' END, CASE WHEN r.family_id % 4 = 0 THEN NULL ELSE 1 END, min(d.decided_at), "
    "   CASE WHEN r.family_id % 3 = 0 THEN strftime('%Y-%m-%dT%H:%M:%SZ', min(d.decided_at), '+60 days') END, "
    "   CASE WHEN r.family_id % 3 = 0 THEN 'goals_met' END, min(d.decided_at) "
    " FROM triage_decisions d JOIN reports r ON r.id = d.report_id WHERE r.family_id IS NOT NULL GROUP BY r.family_id",
    "CREATE INDEX bench_cases_family ON cases (family_id)",
    "UPDATE triage_decisions SET case_id = (SELECT c.id FROM cases c JOIN reports r ON r.family_id = c.family_id "
    " WHERE r.id = triage_decisions.report_id)",
    "DROP INDEX bench_cases_family",
    "INSERT INTO case_events (case_id, at, kind, detail) SELECT id, opened_at, 'opened', '{}' FROM cases",
    "INSERT INTO case_events (case_id, at, kind, detail) SELECT id, closed_at, 'transition', "
    " '{\"from\":\"intake\",\"to\":\"closed\"}' FROM cases WHERE closed_at IS NOT NULL",
    "INSERT INTO case_events (case_id, at, kind, detail) SELECT id, "
    " strftime('%Y-%m-%dT%H:%M:%SZ', opened_at, '+' || (id % 9) || ' days'), 'contact', '{}' FROM cases WHERE id % 10 < 7",
    "INSERT INTO contacts (case_id, event_id, at, channel, outcome) "
    " SELECT case_id, id, at, 'call', 'reached' FROM case_events WHERE kind = 'contact'",
    "INSERT INTO case_members (case_id, organisation_id, admitted_at) SELECT id, 1, opened_at FROM cases",
    "INSERT INTO case_members (case_id, organisation_id, admitted_at) SELECT id, 2, opened_at FROM cases WHERE id % 5 < 3",
    "INSERT INTO case_events (case_id, at, kind, detail) SELECT id, "
    " strftime('%Y-%m-%dT%H:%M:%SZ', opened_at, '+5 days'), 'round_table', '{}' FROM cases WHERE id % 4 = 0",
    "INSERT INTO round_tables (case_id, event_id, held_on, decisions) "
    " SELECT case_id, id, substr(at, 1, 10), 'x' FROM case_events WHERE kind = 'round_table'",
    "ANALYZE",
};

constexpr auto plain_query_sql =
    "SELECT p.track, count(*) FROM reports r JOIN triage_proposals p ON p.report_id = r.id "
    "WHERE r.reported_at >= ? AND r.reported_at < ? GROUP BY p.track";

void build_database(const fs::path& db_file, const fs::path& ndjson, std::int64_t reports, std::uint64_t seed) {
  auto began = clock_type::now();
  {
    core::demo::report_generator generator({seed, reports});
    std::ofstream out(ndjson, std::ios::binary);
    core::police_report report;
    std::string line;
    while (generator.next(report)) {
      line.clear();
      core::append_report_json(line, report);
      line += '\n';
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
  }
  auto db = core::store::database::open(db_file, {.create = true}).value();
  auto protection = core::crypto::ephemeral_protection();
  core::intake::report_importer importer(db.sql(), *protection, core::triage::builtin_instrument(),
                                         core::triage::builtin_lexicons());
  std::ifstream in(ndjson, std::ios::binary);
  auto summary = importer.import_batch(in, core::batch_format::ndjson, core::now_utc(), {}).value();
  fs::remove(ndjson);
  std::printf("  imported %lld reports in %.0f s; ", static_cast<long long>(summary.imported), seconds_since(began));
  began = clock_type::now();
  SQLite::Transaction transaction(db.sql());
  for (const char* sql : chain_fixture_sql) db.sql().exec(sql);
  transaction.commit();
  std::printf("chain work added in %.0f s\n", seconds_since(began));
}

// CPU seconds of this process: the machine may be shared, wall time alone would measure the neighbours.
double cpu_now() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t reports = 1000000;
  std::uint64_t seed = 1;
  int runs = 3;
  fs::path dir = fs::temp_directory_path() / "casechain-bench-stats";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--reports") reports = std::stoll(value);
    else if (flag == "--seed") seed = std::stoull(value);
    else if (flag == "--dir") dir = value;
    else if (flag == "--runs") runs = std::max(1, std::stoi(value));
    else {
      std::cerr << "usage: casechain_bench_stats [--reports N] [--seed S] [--dir DIR] [--runs R]\n";
      return 2;
    }
  }
  fs::create_directories(dir);
  auto db_file = dir / ("stats-" + std::to_string(reports) + "-" + std::to_string(seed) + ".db");
  std::printf("Evaluation figures on %lld generated reports (%s)\n", static_cast<long long>(reports), db_file.c_str());
  if (!fs::exists(db_file)) build_database(db_file, dir / "reports.ndjson", reports, seed);
  auto db = core::store::database::open(db_file).value();
  for (const char* table : {"reports", "triage_decisions", "cases", "case_events", "contacts"})
    std::printf("  %-18s %10lld rows\n", table,
                static_cast<long long>(db.sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64()));

  // The generator's year: 2025.
  auto q = core::stats::make_query(core::parse_date("2025-01-01").value(), core::parse_date("2025-12-31").value(),
                                   core::date_of(core::now_utc())).value();
  std::vector<double> plain, all, store_only, overdue_only, plain_cpu, all_cpu;
  std::int64_t plain_total = 0, received = 0;
  chain::working_calendar calendar;
  chain::clock_settings settings;
  for (int run = 0; run < runs; ++run) {
    auto began = clock_type::now();
    auto cpu = cpu_now();
    SQLite::Statement s(db.sql(), plain_query_sql);
    s.bind(1, q.start_instant());
    s.bind(2, q.end_instant());
    plain_total = 0;
    while (s.executeStep()) plain_total += s.getColumn(1).getInt64();
    plain.push_back(seconds_since(began));
    plain_cpu.push_back(cpu_now() - cpu);
    began = clock_type::now();
    cpu = cpu_now();
    auto figures = chain::chain_figures(db.sql(), q, calendar, settings).value();
    all.push_back(seconds_since(began));
    all_cpu.push_back(cpu_now() - cpu);
    received = figures.reports.received;
    // The two halves of chain_figures, for where the time goes.
    began = clock_type::now();
    core::stats::compute(db.sql(), q, chain::stats_clock_rules(calendar, settings)).value();
    store_only.push_back(seconds_since(began));
    began = clock_type::now();
    chain::due_work(db.sql(), calendar, settings, q.as_of).value();
    overdue_only.push_back(seconds_since(began));
  }
  std::printf("  plain count(*) GROUP BY track, one year: %8.3f s wall, %8.3f s CPU (median of %d; %lld reports)\n",
              median(plain), median(plain_cpu), runs, static_cast<long long>(plain_total));
  std::printf("  all figures, one year:                  %8.3f s wall, %8.3f s CPU (median of %d; %lld reports)\n",
              median(all), median(all_cpu), runs, static_cast<long long>(received));
  std::printf("    of which figures from the store %.3f s, overdue work (chain clocks, due_work) %.3f s\n",
              median(store_only), median(overdue_only));
  std::printf("  ratio: %.1fx wall, %.1fx CPU (target: at most 10x)\n", median(all) / median(plain),
              median(all_cpu) / median(plain_cpu));
  return 0;
}
