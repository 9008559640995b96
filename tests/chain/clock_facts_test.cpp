// The clock facts the triggers keep per case (schema/0011) always equal their
// definition — the correlated subqueries over the case's events and contacts
// that the overdue work used to run for every open case — after any sequence
// of actions, and a database of the older schema gets them from its history.
#include "core/store/chain_store.hpp"
#include "schema/migrations.hpp"
#include "tests/support/chain_fixture.hpp"
#include "tests/support/random_chain_actions.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace casechain;
using namespace casechain::core;

namespace {

using facts_row = std::vector<std::optional<std::string>>;

// The definition: what the overdue work computed per case before the facts were kept.
constexpr auto defined_sql =
    "SELECT c.id, "
    " (SELECT max(at) FROM case_events e WHERE e.case_id = c.id AND e.kind IN ('opened', 'reopened', 'track_changed')), "
    " (SELECT min(k.at) FROM contacts k JOIN case_events e ON e.id = k.event_id WHERE k.case_id = c.id "
    "   AND k.outcome = 'reached' AND e.id >= (SELECT max(id) FROM case_events s WHERE s.case_id = c.id "
    "   AND s.kind IN ('opened', 'reopened', 'track_changed'))), "
    " (SELECT max(k.at) FROM contacts k WHERE k.case_id = c.id AND k.outcome = 'reached'), "
    " (SELECT max(at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'transition' "
    "   AND json_extract(e.detail, '$.to') = 'implementation'), "
    " (SELECT max(at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'transition' "
    "   AND json_extract(e.detail, '$.to') = 'evaluation') "
    "FROM cases c ORDER BY c.id";
constexpr auto kept_sql =
    "SELECT c.id, f.cycle_start, f.first_reached, f.last_reached, f.last_implementation, f.last_evaluation "
    "FROM cases c LEFT JOIN case_clock_facts f ON f.case_id = c.id ORDER BY c.id";

std::map<case_id, facts_row> rows(SQLite::Database& db, const char* sql) {
  SQLite::Statement q(db, sql);
  std::map<case_id, facts_row> out;
  while (q.executeStep()) {
    facts_row r;
    for (int i = 1; i < q.getColumnCount(); ++i)
      r.push_back(q.getColumn(i).isNull() ? std::nullopt : std::optional(q.getColumn(i).getString()));
    out[q.getColumn(0).getInt64()] = r;
  }
  return out;
}

std::optional<std::string> text_of(const std::optional<timestamp>& t) {
  if (!t) return std::nullopt;
  return format_timestamp(*t);
}

// What open_case_clocks (the overdue work's read) gives, in the definition's columns.
std::map<case_id, facts_row> read_by_the_clocks(SQLite::Database& db) {
  std::map<case_id, facts_row> out;
  for (const auto& f : store::open_case_clocks(db).value())
    out[f.id] = {text_of(f.cycle_start), text_of(f.first_reached), text_of(f.last_reached),
                 text_of(f.last_implementation), text_of(f.last_evaluation)};
  return out;
}

std::map<case_id, facts_row> defined_for_open_cases(SQLite::Database& db) {
  auto all = rows(db, defined_sql);
  std::map<case_id, facts_row> open;
  SQLite::Statement q(db, "SELECT id FROM cases WHERE closed_at IS NULL");
  while (q.executeStep()) open[q.getColumn(0).getInt64()] = all.at(q.getColumn(0).getInt64());
  return open;
}

struct acted {
  int succeeded = 0, refused = 0;
};

acted act_at_random(test::chain_fixture& f, std::vector<case_id>& cases, int rounds, std::uint64_t seed,
                    const std::function<void(case_id)>& after_each = {}) {
  test::random_chain_actions actions{{f.police.id, f.caw.id, f.fjc.id},
                                     {f.manager.id, f.other_manager.id, f.social_worker.id},
                                     std::mt19937_64(seed)};
  for (int i = 0; i < 12; ++i) cases.push_back(f.open(static_cast<track>(1 + i % 3)).id);
  // Random steps rarely pass track 2's guards: some cases start in implementation.
  for (int i = 0; i < 4; ++i) {
    cases.push_back(f.open(track::chain).id);
    f.walk_to_implementation(cases.back());
    if (i % 2) continue;
    auto planned = store::interventions(f.t.sql(), cases.back()).value();
    REQUIRE(chain::report_intervention(f.t.sql(), planned.at(0).id, intervention_status::done, "went well", f.who));
    REQUIRE(chain::transition(f.t.sql(), cases.back(), case_step::evaluation, f.who));
  }
  acted a;
  for (int round = 0; round < rounds; ++round) {
    auto c = cases[actions.pick(cases.size())];
    f.who.at += std::chrono::hours{1 + static_cast<int>(actions.pick(72))};
    (actions.act(f.t.sql(), c, f.who) ? a.succeeded : a.refused)++;
    if (after_each) after_each(c);
  }
  return a;
}

}  // namespace

TEST_SUITE("chain/clock facts") {
  TEST_CASE("after every action the kept facts equal their definition, and the clocks read them") {
    test::chain_fixture f;
    std::vector<case_id> cases;
    auto a = act_at_random(f, cases, 1500, 20261202, [&](case_id c) {
      auto defined = rows(f.t.sql(), defined_sql), kept = rows(f.t.sql(), kept_sql);
      CAPTURE(c);
      REQUIRE(kept.at(c) == defined.at(c));
    });
    CHECK(rows(f.t.sql(), kept_sql) == rows(f.t.sql(), defined_sql));
    CHECK(read_by_the_clocks(f.t.sql()) == defined_for_open_cases(f.t.sql()));
    // The sequence must have reached what the facts are about, or it tested little.
    auto kept = rows(f.t.sql(), kept_sql);
    int reached_in_cycle = 0, reopened_or_changed = 0, evaluated = 0;
    for (const auto& [c, r] : kept) {
      reached_in_cycle += r[1].has_value();
      evaluated += r[4].has_value();
    }
    reopened_or_changed = f.t.sql().execAndGet("SELECT count(*) FROM case_events WHERE kind IN ('reopened', 'track_changed')").getInt();
    CHECK(reached_in_cycle > 0);
    CHECK(evaluated > 0);
    CHECK(reopened_or_changed > 0);
    CHECK(a.succeeded > 300);
  }

  TEST_CASE("a database of the older schema gets its facts from its history") {
    const std::vector<embedded_file> version_10(schema::migrations().begin(), schema::migrations().begin() + 10);
    REQUIRE(std::string(version_10.back().name).rfind("0010_", 0) == 0);
    test::chain_fixture f(version_10);
    std::vector<case_id> cases;
    act_at_random(f, cases, 800, 7);
    auto defined = rows(f.t.sql(), defined_sql);
    f.t.db = store::database::open(f.t.dir / "test.db").value();  // migrates to the current schema
    CHECK(rows(f.t.sql(), kept_sql) == defined);
    CHECK(read_by_the_clocks(f.t.sql()) == defined_for_open_cases(f.t.sql()));
  }
}
