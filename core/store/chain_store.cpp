#include "core/store/chain_store.hpp"

#include "core/store/case_store.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/statement_cache.hpp"
#include "core/store/statement_binding.hpp"
#include "core/store/write_transaction.hpp"
#include "core/util/json_writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <boost/json/parse.hpp>

#include <algorithm>

namespace casechain::core::store {
namespace {

constexpr auto insert_round_table_sql =
    "INSERT INTO round_tables (case_id, event_id, held_on, decisions) VALUES (?, ?, ?, ?)";
constexpr auto insert_participant_sql =
    "INSERT INTO round_table_participants (round_table_id, organisation_id) VALUES (?, ?)";
constexpr auto select_round_tables_sql =
    "SELECT id, event_id, held_on, decisions FROM round_tables WHERE case_id = ? ORDER BY id";
constexpr auto select_participants_sql =
    "SELECT organisation_id FROM round_table_participants WHERE round_table_id = ? ORDER BY organisation_id";
constexpr auto insert_goal_sql = "INSERT INTO plan_goals (case_id, event_id, text) VALUES (?, ?, ?)";
constexpr auto select_goals_sql = "SELECT id, event_id, text FROM plan_goals WHERE case_id = ? ORDER BY id";
constexpr auto insert_intervention_sql =
    "INSERT INTO interventions (case_id, event_id, goal_id, organisation_id, owner_id, description, due_on, status, "
    "result, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto select_intervention_sql =
    "SELECT id, case_id, event_id, goal_id, organisation_id, owner_id, description, due_on, status, result, "
    "updated_at FROM interventions WHERE id = ?";
constexpr auto select_interventions_of_case_sql =
    "SELECT id, case_id, event_id, goal_id, organisation_id, owner_id, description, due_on, status, result, "
    "updated_at FROM interventions WHERE case_id = ? ORDER BY id";
constexpr auto update_intervention_sql =
    "UPDATE interventions SET status = ?, result = ?, owner_id = ?, due_on = ?, updated_at = ? WHERE id = ?";
constexpr auto insert_screening_sql = "INSERT INTO screenings (case_id, event_id, kind, scores) VALUES (?, ?, ?, ?)";
constexpr auto select_screenings_sql =
    "SELECT id, event_id, kind, scores FROM screenings WHERE case_id = ? ORDER BY id";
constexpr auto insert_contact_sql =
    "INSERT INTO contacts (case_id, event_id, at, channel, outcome) VALUES (?, ?, ?, ?, ?)";
constexpr auto select_contacts_sql =
    "SELECT id, event_id, at, channel, outcome FROM contacts WHERE case_id = ? ORDER BY at, id";
constexpr auto cycle_start_sql =
    "SELECT max(id) FROM case_events WHERE case_id = ? AND kind IN ('opened', 'reopened')";
constexpr auto event_counts_sql =
    "SELECT kind, count(*) FROM case_events WHERE case_id = ? AND id >= ? GROUP BY kind";
constexpr auto round_table_count_sql = "SELECT count(*) FROM round_tables WHERE case_id = ? AND event_id >= ?";
constexpr auto goal_count_sql = "SELECT count(*) FROM plan_goals WHERE case_id = ? AND event_id >= ?";
constexpr auto intervention_counts_sql =
    "SELECT count(*), coalesce(sum(NOT (status = 'cancelled' OR (status = 'done' AND result <> ''))), 0) "
    "FROM interventions WHERE case_id = ? AND event_id >= ?";
constexpr auto screening_counts_sql =
    "SELECT kind, count(*) FROM screenings WHERE case_id = ? AND event_id >= ? GROUP BY kind";
constexpr auto contact_counts_sql =
    "SELECT outcome, count(*), max(at) FROM contacts WHERE case_id = ? AND event_id >= ? GROUP BY outcome";
constexpr auto insert_alert_sql =
    "INSERT OR IGNORE INTO alerts (case_id, user_id, kind, key, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)";
constexpr auto unseen_alerts_for_user_sql =
    "SELECT id, case_id, user_id, kind, key, detail, created_at FROM alerts WHERE seen_at IS NULL AND user_id = ? "
    "ORDER BY id DESC LIMIT ?";
constexpr auto unseen_alerts_sql =
    "SELECT id, case_id, user_id, kind, key, detail, created_at FROM alerts WHERE seen_at IS NULL "
    "ORDER BY id DESC LIMIT ?";
// The clock facts are kept per case by triggers (schema/0011_case_clock_facts.sql).
constexpr auto case_clocks_select =
    "SELECT c.id, c.track, c.step, c.case_manager_id, f.cycle_start, f.first_reached, f.last_reached, "
    " f.last_implementation, f.last_evaluation, "
    " (SELECT r.order_from FROM reports r WHERE r.family_id = c.family_id AND r.order_from IS NOT NULL "
    "   ORDER BY r.order_from DESC, r.id DESC LIMIT 1), "
    " (SELECT r.order_until FROM reports r WHERE r.family_id = c.family_id AND r.order_from IS NOT NULL "
    "   ORDER BY r.order_from DESC, r.id DESC LIMIT 1) "
    "FROM cases c LEFT JOIN case_clock_facts f ON f.case_id = c.id WHERE c.closed_at IS NULL";
constexpr auto undecided_reports_sql =
    "SELECT r.id, r.reported_at FROM triage_proposals p JOIN reports r ON r.id = p.report_id "
    "LEFT JOIN triage_decisions d ON d.report_id = r.id "
    "WHERE d.report_id IS NULL OR d.status = 'awaiting_confirmation' ORDER BY r.reported_at, r.id LIMIT ?";
constexpr auto mark_alert_seen_sql = "UPDATE alerts SET seen_at = ? WHERE id = ? AND seen_at IS NULL";

std::string scores_json(const std::vector<std::pair<std::string, int>>& scores) {
  std::string out;
  json_writer w(out);
  w.begin_object();
  for (const auto& [factor, score] : scores) w.field(factor, std::int64_t{score});
  w.end_object();
  return out;
}

std::vector<std::pair<std::string, int>> read_scores(const std::string& text) {
  std::vector<std::pair<std::string, int>> scores;
  auto value = boost::json::parse(text);  // kept alive for the loop
  for (const auto& [factor, score] : value.as_object())
    scores.emplace_back(std::string(factor), static_cast<int>(score.to_number<std::int64_t>()));
  return scores;
}

intervention read_intervention(SQLite::Statement& q) {
  intervention i;
  i.id = q.getColumn(0).getInt64();
  i.case_ = q.getColumn(1).getInt64();
  i.event = q.getColumn(2).getInt64();
  if (!q.getColumn(3).isNull()) i.goal = q.getColumn(3).getInt64();
  i.organisation = q.getColumn(4).getInt64();
  if (!q.getColumn(5).isNull()) i.owner = q.getColumn(5).getInt64();
  i.description = q.getColumn(6).getString();
  if (!q.getColumn(7).isNull()) i.due_on = parse_date(q.getColumn(7).getString());
  i.status = parse<intervention_status>(q.getColumn(8).getString()).value_or(intervention_status::planned);
  i.result = q.getColumn(9).getString();
  i.updated_at = parse_timestamp(q.getColumn(10).getString()).value_or(timestamp{});
  return i;
}

// Runs `write` (which inserts the record given the event's id) and the event in one transaction.
template <class Record, class Write>
result<Record> with_event(SQLite::Database& db, const char* operation, Record record, const case_event& event,
                          Write&& write) {
  if (event.case_ != record.case_) return fail(errc::invalid_argument, "the event belongs to another case");
  return guarded(operation, [&]() -> result<Record> {
    write_transaction transaction(db);
    record.event = insert_case_event(db, event).id;
    write(record);
    transaction.commit();
    return record;
  });
}

}  // namespace

result<round_table> add_round_table(SQLite::Database& db, round_table r, const case_event& event) {
  return with_event(db, "record round table", std::move(r), event, [&](round_table& rt) {
    statement_lease insert(db, insert_round_table_sql);
    insert->bind(1, rt.case_);
    insert->bind(2, rt.event);
    insert->bind(3, format_date(rt.held_on));
    insert->bind(4, rt.decisions);
    insert->exec();
    rt.id = db.getLastInsertRowid();
    std::sort(rt.participants.begin(), rt.participants.end());
    rt.participants.erase(std::unique(rt.participants.begin(), rt.participants.end()), rt.participants.end());
    statement_lease participant(db, insert_participant_sql);
    for (auto org : rt.participants) {
      participant->bind(1, rt.id);
      participant->bind(2, org);
      participant->exec();
      participant->reset();
    }
  });
}

result<std::vector<round_table>> round_tables(SQLite::Database& db, case_id c) {
  return guarded("read round tables", [&]() -> result<std::vector<round_table>> {
    statement_lease q(db, select_round_tables_sql);
    q->bind(1, c);
    std::vector<round_table> all;
    statement_lease participants(db, select_participants_sql);
    while (q->executeStep()) {
      round_table r{q->getColumn(0).getInt64(), c, q->getColumn(1).getInt64(),
                    parse_date(q->getColumn(2).getString()).value_or(date{}), {}, q->getColumn(3).getString()};
      participants->reset();
      participants->bind(1, r.id);
      while (participants->executeStep()) r.participants.push_back(participants->getColumn(0).getInt64());
      all.push_back(std::move(r));
    }
    return all;
  });
}

result<plan_goal> add_goal(SQLite::Database& db, plan_goal g, const case_event& event) {
  return with_event(db, "add goal", std::move(g), event, [&](plan_goal& goal) {
    statement_lease insert(db, insert_goal_sql);
    insert->bind(1, goal.case_);
    insert->bind(2, goal.event);
    insert->bind(3, goal.text);
    insert->exec();
    goal.id = db.getLastInsertRowid();
  });
}

result<std::vector<plan_goal>> goals(SQLite::Database& db, case_id c) {
  return guarded("read goals", [&]() -> result<std::vector<plan_goal>> {
    statement_lease q(db, select_goals_sql);
    q->bind(1, c);
    std::vector<plan_goal> all;
    while (q->executeStep()) all.push_back({q->getColumn(0).getInt64(), c, q->getColumn(1).getInt64(), q->getColumn(2).getString()});
    return all;
  });
}

result<intervention> add_intervention(SQLite::Database& db, intervention i, const case_event& event) {
  return with_event(db, "add intervention", std::move(i), event, [&](intervention& x) {
    statement_lease insert(db, insert_intervention_sql);
    insert->bind(1, x.case_);
    insert->bind(2, x.event);
    bind_optional_id(*insert, 3, x.goal);
    insert->bind(4, x.organisation);
    bind_optional_id(*insert, 5, x.owner);
    insert->bind(6, x.description);
    bind_optional_date(*insert, 7, x.due_on);
    insert->bind(8, std::string(to_string(x.status)));
    insert->bind(9, x.result);
    insert->bind(10, format_timestamp(x.updated_at));
    insert->exec();
    x.id = db.getLastInsertRowid();
  });
}

result<intervention> get_intervention(SQLite::Database& db, std::int64_t id) {
  return guarded("read intervention", [&]() -> result<intervention> {
    statement_lease q(db, select_intervention_sql);
    q->bind(1, id);
    if (!q->executeStep()) return fail(errc::not_found, "no such intervention");
    return read_intervention(*q);
  });
}

result<void> update_intervention(SQLite::Database& db, const intervention& i, const case_event& event) {
  if (event.case_ != i.case_) return fail(errc::invalid_argument, "the event belongs to another case");
  return guarded("update intervention", [&]() -> result<void> {
    write_transaction transaction(db);
    statement_lease update(db, update_intervention_sql);
    update->bind(1, std::string(to_string(i.status)));
    update->bind(2, i.result);
    bind_optional_id(*update, 3, i.owner);
    bind_optional_date(*update, 4, i.due_on);
    update->bind(5, format_timestamp(i.updated_at));
    update->bind(6, i.id);
    if (update->exec() == 0) return fail(errc::not_found, "no such intervention");
    insert_case_event(db, event);
    transaction.commit();
    return {};
  });
}

result<std::vector<intervention>> interventions(SQLite::Database& db, case_id c) {
  return guarded("read interventions", [&]() -> result<std::vector<intervention>> {
    statement_lease q(db, select_interventions_of_case_sql);
    q->bind(1, c);
    std::vector<intervention> all;
    while (q->executeStep()) all.push_back(read_intervention(*q));
    return all;
  });
}

result<screening> add_screening(SQLite::Database& db, screening s, const case_event& event) {
  return with_event(db, "record screening", std::move(s), event, [&](screening& x) {
    statement_lease insert(db, insert_screening_sql);
    insert->bind(1, x.case_);
    insert->bind(2, x.event);
    insert->bind(3, std::string(to_string(x.kind)));
    insert->bind(4, scores_json(x.scores));
    insert->exec();
    x.id = db.getLastInsertRowid();
  });
}

result<std::vector<screening>> screenings(SQLite::Database& db, case_id c) {
  return guarded("read screenings", [&]() -> result<std::vector<screening>> {
    statement_lease q(db, select_screenings_sql);
    q->bind(1, c);
    std::vector<screening> all;
    while (q->executeStep())
      all.push_back({q->getColumn(0).getInt64(), c, q->getColumn(1).getInt64(),
                     parse<screening_kind>(q->getColumn(2).getString()).value_or(screening_kind::risk),
                     read_scores(q->getColumn(3).getString())});
    return all;
  });
}

result<contact> add_contact(SQLite::Database& db, contact k, const case_event& event) {
  return with_event(db, "record contact", std::move(k), event, [&](contact& x) {
    statement_lease insert(db, insert_contact_sql);
    insert->bind(1, x.case_);
    insert->bind(2, x.event);
    insert->bind(3, format_timestamp(x.at));
    insert->bind(4, std::string(to_string(x.channel)));
    insert->bind(5, std::string(to_string(x.outcome)));
    insert->exec();
    x.id = db.getLastInsertRowid();
  });
}

result<std::vector<contact>> contacts(SQLite::Database& db, case_id c) {
  return guarded("read contacts", [&]() -> result<std::vector<contact>> {
    statement_lease q(db, select_contacts_sql);
    q->bind(1, c);
    std::vector<contact> all;
    while (q->executeStep())
      all.push_back({q->getColumn(0).getInt64(), c, q->getColumn(1).getInt64(),
                     parse_timestamp(q->getColumn(2).getString()).value_or(timestamp{}),
                     parse<contact_channel>(q->getColumn(3).getString()).value_or(contact_channel::call),
                     parse<contact_outcome>(q->getColumn(4).getString()).value_or(contact_outcome::reached)});
    return all;
  });
}

result<case_facts> load_case_facts(SQLite::Database& db, case_id c) {
  return guarded("read case facts", [&]() -> result<case_facts> {
    case_facts f;
    statement_lease start(db, cycle_start_sql);
    start->bind(1, c);
    if (!start->executeStep() || start->getColumn(0).isNull()) return fail(errc::not_found, "no such case");
    f.cycle_start = start->getColumn(0).getInt64();
    auto per_key = [&](const char* sql, std::map<std::string, int>& into) {
      statement_lease q(db, sql);
      q->bind(1, c);
      q->bind(2, f.cycle_start);
      while (q->executeStep()) into[q->getColumn(0).getString()] = q->getColumn(1).getInt();
    };
    auto single = [&](const char* sql) {
      statement_lease q(db, sql);
      q->bind(1, c);
      q->bind(2, f.cycle_start);
      return q->executeStep() ? q->getColumn(0).getInt() : 0;
    };
    per_key(event_counts_sql, f.events);
    per_key(screening_counts_sql, f.screenings);
    f.round_tables = single(round_table_count_sql);
    f.goals = single(goal_count_sql);
    statement_lease counts(db, intervention_counts_sql);
    counts->bind(1, c);
    counts->bind(2, f.cycle_start);
    if (counts->executeStep()) {
      f.interventions = counts->getColumn(0).getInt();
      f.unreported_interventions = counts->getColumn(1).getInt();
    }
    statement_lease contact_counts(db, contact_counts_sql);
    contact_counts->bind(1, c);
    contact_counts->bind(2, f.cycle_start);
    while (contact_counts->executeStep()) {
      auto outcome = contact_counts->getColumn(0).getString();
      f.contacts[outcome] = contact_counts->getColumn(1).getInt();
      if (outcome == "reached") f.last_reached = parse_timestamp(contact_counts->getColumn(2).getString());
    }
    return f;
  });
}

result<bool> add_alert(SQLite::Database& db, const alert& a) {
  return guarded("add alert", [&]() -> result<bool> {
    write_transaction transaction(db);
    statement_lease insert(db, insert_alert_sql);
    insert->bind(1, a.case_);
    bind_optional_id(*insert, 2, a.user);
    insert->bind(3, a.kind);
    insert->bind(4, a.key);
    insert->bind(5, a.detail.empty() ? std::string("{}") : a.detail);
    insert->bind(6, format_timestamp(a.created_at));
    bool added = insert->exec() > 0;
    transaction.commit();
    return added;
  });
}

result<std::vector<alert>> unseen_alerts(SQLite::Database& db, std::optional<user_id> user, int limit) {
  return guarded("read alerts", [&]() -> result<std::vector<alert>> {
    statement_lease q(db, user ? unseen_alerts_for_user_sql : unseen_alerts_sql);
    int next = 1;
    if (user) q->bind(next++, *user);
    q->bind(next, std::clamp(limit, 1, 1000));
    std::vector<alert> all;
    while (q->executeStep()) {
      alert a;
      a.id = q->getColumn(0).getInt64();
      a.case_ = q->getColumn(1).getInt64();
      if (!q->getColumn(2).isNull()) a.user = q->getColumn(2).getInt64();
      a.kind = q->getColumn(3).getString();
      a.key = q->getColumn(4).getString();
      a.detail = q->getColumn(5).getString();
      a.created_at = parse_timestamp(q->getColumn(6).getString()).value_or(timestamp{});
      all.push_back(std::move(a));
    }
    return all;
  });
}

result<void> mark_alert_seen(SQLite::Database& db, std::int64_t id, timestamp at) {
  return guarded("mark alert seen", [&]() -> result<void> {
    write_transaction transaction(db);
    statement_lease update(db, mark_alert_seen_sql);
    update->bind(1, format_timestamp(at));
    update->bind(2, id);
    if (update->exec() == 0) return fail(errc::not_found, "no such unseen alert");
    transaction.commit();
    return {};
  });
}


result<std::vector<open_case_clock_facts>> open_case_clocks(SQLite::Database& db, const case_clock_scope& scope) {
  return guarded("read case clocks", [&]() -> result<std::vector<open_case_clock_facts>> {
    static const std::string all_sql = std::string(case_clocks_select) + " ORDER BY c.id";
    static const std::string one_sql = std::string(case_clocks_select) + " AND c.id = ?";
    static const std::string managed_sql = std::string(case_clocks_select) + " AND c.case_manager_id = ? ORDER BY c.id";
    statement_lease q(db, scope.case_ ? one_sql : scope.case_manager ? managed_sql : all_sql);
    if (scope.case_) q->bind(1, *scope.case_);
    else if (scope.case_manager) q->bind(1, *scope.case_manager);
    std::vector<open_case_clock_facts> all;
    auto optional_time = [&](int column) -> std::optional<timestamp> {
      if (q->getColumn(column).isNull()) return std::nullopt;
      return parse_timestamp(q->getColumn(column).getString());
    };
    while (q->executeStep()) {
      open_case_clock_facts f;
      f.id = q->getColumn(0).getInt64();
      f.track = track_from_int(q->getColumn(1).getInt64()).value_or(track::help_offer);
      f.step = parse<case_step>(q->getColumn(2).getString()).value_or(case_step::intake);
      if (!q->getColumn(3).isNull()) f.case_manager = q->getColumn(3).getInt64();
      f.cycle_start = optional_time(4).value_or(timestamp{});
      f.first_reached = optional_time(5);
      f.last_reached = optional_time(6);
      f.last_implementation = optional_time(7);
      f.last_evaluation = optional_time(8);
      if (!q->getColumn(9).isNull()) f.order_from = parse_date(q->getColumn(9).getString());
      if (!q->getColumn(10).isNull()) f.order_until = parse_date(q->getColumn(10).getString());
      all.push_back(f);
    }
    return all;
  });
}

result<std::vector<undecided_report>> undecided_reports(SQLite::Database& db, int limit) {
  return guarded("read undecided reports", [&]() -> result<std::vector<undecided_report>> {
    statement_lease q(db, undecided_reports_sql);
    q->bind(1, std::max(limit, 1));
    std::vector<undecided_report> all;
    while (q->executeStep())
      all.push_back({q->getColumn(0).getInt64(), parse_timestamp(q->getColumn(1).getString()).value_or(timestamp{})});
    return all;
  });
}

}  // namespace casechain::core::store
