#include "core/store/retention_store.hpp"

#include "core/store/sqlite_error.hpp"
#include "core/store/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>


namespace casechain::core::store {
namespace {

constexpr auto family_of_case_sql = "SELECT family_id FROM cases WHERE id = ?";
constexpr auto family_exists_sql = "SELECT 1 FROM families WHERE id = ?";
constexpr auto insert_hold_sql =
    "INSERT INTO retention_holds (family_id, case_id, reason, placed_by, placed_at) VALUES (?, ?, ?, ?, ?)";
constexpr auto remove_case_holds_sql =
    "UPDATE retention_holds SET removed_by = ?1, removed_at = ?2 WHERE case_id = ?3 AND removed_at IS NULL";
constexpr auto remove_family_holds_sql =
    "UPDATE retention_holds SET removed_by = ?1, removed_at = ?2 "
    "WHERE family_id = ?3 AND case_id IS NULL AND removed_at IS NULL";
constexpr auto list_holds_sql =
    "SELECT id, family_id, case_id, reason, placed_by, placed_at FROM retention_holds WHERE removed_at IS NULL "
    "ORDER BY id";
constexpr auto dates_sql =
    "SELECT f.id, f.created_at, "
    " EXISTS (SELECT 1 FROM cases c WHERE c.family_id = f.id AND c.closed_at IS NULL), "
    " EXISTS (SELECT 1 FROM retention_holds h WHERE h.family_id = f.id AND h.removed_at IS NULL), "
    " (SELECT max(c.closed_at) FROM cases c WHERE c.family_id = f.id AND c.track = 1), "
    " (SELECT max(c.closed_at) FROM cases c WHERE c.family_id = f.id AND c.track <> 1), "
    " (SELECT max(r.reported_at) FROM reports r WHERE r.family_id = f.id) "
    "FROM families f WHERE f.id > ? ORDER BY f.id LIMIT ?";
constexpr auto erasable_sql =
    "SELECT EXISTS (SELECT 1 FROM cases WHERE family_id = ?1 AND closed_at IS NULL), "
    " EXISTS (SELECT 1 FROM retention_holds WHERE family_id = ?1 AND removed_at IS NULL), "
    " EXISTS (SELECT 1 FROM families WHERE id = ?1)";
constexpr auto family_cases_sql = "SELECT id FROM cases WHERE family_id = ? ORDER BY id";

// The erasure, in an order the foreign keys allow; ?1 is the family. Each
// step counts its rows under its name ("" for bookkeeping not reported).
struct erase_step {
  const char* counted_as;
  const char* sql;
};
#define FAMILY_CASES "(SELECT id FROM cases WHERE family_id = ?1)"
#define FAMILY_REPORTS "(SELECT id FROM reports WHERE family_id = ?1)"
constexpr erase_step erase_steps[] = {
    {"", "CREATE TEMP TABLE IF NOT EXISTS retention_persons (person_id INTEGER PRIMARY KEY)"},
    {"", "DELETE FROM temp.retention_persons"},
    {"", "INSERT OR IGNORE INTO temp.retention_persons SELECT person_id FROM family_members WHERE family_id = ?1"},
    {"", "INSERT OR IGNORE INTO temp.retention_persons SELECT person_id FROM report_persons "
         "WHERE report_id IN " FAMILY_REPORTS " AND person_id IS NOT NULL"},
    {"", "INSERT INTO retention_erasing (case_id) SELECT id FROM cases WHERE family_id = ?1"},
    {"round_tables", "DELETE FROM round_table_participants WHERE round_table_id IN "
                     "(SELECT id FROM round_tables WHERE case_id IN " FAMILY_CASES ")"},
    {"round_tables", "DELETE FROM round_tables WHERE case_id IN " FAMILY_CASES},
    {"interventions", "DELETE FROM interventions WHERE case_id IN " FAMILY_CASES},
    {"plan_goals", "DELETE FROM plan_goals WHERE case_id IN " FAMILY_CASES},
    {"screenings", "DELETE FROM screenings WHERE case_id IN " FAMILY_CASES},
    {"contacts", "DELETE FROM contacts WHERE case_id IN " FAMILY_CASES},
    {"alerts", "DELETE FROM alerts WHERE case_id IN " FAMILY_CASES},
    {"emergency_access", "DELETE FROM emergency_access WHERE case_id IN " FAMILY_CASES},
    {"danger_overrides", "DELETE FROM danger_overrides WHERE case_id IN " FAMILY_CASES},
    {"care_notes", "DELETE FROM care_notes WHERE case_id IN " FAMILY_CASES},
    {"case_members", "DELETE FROM case_members WHERE case_id IN " FAMILY_CASES},
    {"triage_decisions", "DELETE FROM triage_decisions WHERE case_id IN " FAMILY_CASES},
    {"triage_decisions", "DELETE FROM triage_decisions WHERE report_id IN " FAMILY_REPORTS},
    {"case_events", "DELETE FROM case_events WHERE case_id IN " FAMILY_CASES},
    {"", "DELETE FROM case_clock_facts WHERE case_id IN " FAMILY_CASES},
    {"", "DELETE FROM retention_holds WHERE family_id = ?1"},
    {"cases", "DELETE FROM cases WHERE family_id = ?1"},
    {"", "DELETE FROM retention_erasing"},
    {"triage_proposals", "DELETE FROM triage_records_to_seal WHERE report_id IN " FAMILY_REPORTS},
    {"triage_proposals", "DELETE FROM triage_proposals WHERE report_id IN " FAMILY_REPORTS},
    {"link_flags", "DELETE FROM link_flags WHERE report_id IN " FAMILY_REPORTS},
    {"report_persons", "DELETE FROM report_persons WHERE report_id IN " FAMILY_REPORTS},
    {"reports", "DELETE FROM reports WHERE family_id = ?1"},
    {"exclusions", "DELETE FROM exclusions WHERE family_id = ?1"},
    {"family_members", "DELETE FROM family_members WHERE family_id = ?1"},
    {"families", "DELETE FROM families WHERE id = ?1"},
    // Persons no other family or report names any more: kept out of the list below.
    {"", "DELETE FROM temp.retention_persons WHERE "
         "EXISTS (SELECT 1 FROM family_members m WHERE m.person_id = retention_persons.person_id) "
         "OR EXISTS (SELECT 1 FROM report_persons rp WHERE rp.person_id = retention_persons.person_id)"},
};
constexpr erase_step erase_person_steps[] = {
    {"consents", "DELETE FROM consents WHERE person_id IN (SELECT person_id FROM temp.retention_persons)"},
    {"link_flags", "DELETE FROM link_flags WHERE person_id IN (SELECT person_id FROM temp.retention_persons) "
                   "OR candidate_id IN (SELECT person_id FROM temp.retention_persons)"},
    {"persons", "DELETE FROM persons WHERE id IN (SELECT person_id FROM temp.retention_persons)"},
    {"", "DELETE FROM temp.retention_persons"},
};
#undef FAMILY_CASES
#undef FAMILY_REPORTS

std::optional<timestamp> optional_timestamp(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return parse_timestamp(c.getString());
}

result<family_id> family_of(SQLite::Database& db, std::optional<case_id> on_case, std::optional<family_id> on_family) {
  if (on_case.has_value() == on_family.has_value())
    return fail(errc::invalid_argument, "a hold is placed on a case or on a family: give one of --case and --family");
  if (on_case) {
    SQLite::Statement q(db, family_of_case_sql);
    q.bind(1, *on_case);
    if (!q.executeStep()) return fail(errc::not_found, "no case " + std::to_string(*on_case));
    return q.getColumn(0).getInt64();
  }
  SQLite::Statement q(db, family_exists_sql);
  q.bind(1, *on_family);
  if (!q.executeStep()) return fail(errc::not_found, "no family " + std::to_string(*on_family));
  return *on_family;
}

}  // namespace

result<std::int64_t> add_hold(SQLite::Database& db, std::optional<case_id> on_case, std::optional<family_id> on_family,
                              const std::string& reason, const std::string& by, timestamp at) {
  if (reason.size() < 3 || reason.size() > 500)
    return fail(errc::invalid_argument, "reason: from 3 to 500 characters");
  return guarded("place a legal hold", [&]() -> result<std::int64_t> {
    write_transaction transaction(db);
    auto family = family_of(db, on_case, on_family);
    if (!family) return family.error();
    SQLite::Statement s(db, insert_hold_sql);
    s.bind(1, *family);
    if (on_case) s.bind(2, *on_case);
    else s.bind(2);
    s.bind(3, reason);
    s.bind(4, by);
    s.bind(5, format_timestamp(at));
    s.exec();
    auto id = db.getLastInsertRowid();
    transaction.commit();
    return id;
  });
}

result<std::int64_t> remove_holds(SQLite::Database& db, std::optional<case_id> on_case,
                                  std::optional<family_id> on_family, const std::string& by, timestamp at) {
  return guarded("remove a legal hold", [&]() -> result<std::int64_t> {
    write_transaction transaction(db);
    auto family = family_of(db, on_case, on_family);
    if (!family) return family.error();
    SQLite::Statement s(db, on_case ? remove_case_holds_sql : remove_family_holds_sql);
    s.bind(1, by);
    s.bind(2, format_timestamp(at));
    s.bind(3, on_case ? *on_case : *on_family);
    auto removed = s.exec();
    if (removed == 0) return fail(errc::not_found, on_case ? "no active hold on that case" : "no active hold on that family");
    transaction.commit();
    return static_cast<std::int64_t>(removed);
  });
}

result<std::vector<retention_hold>> list_holds(SQLite::Database& db) {
  return guarded("list legal holds", [&]() -> result<std::vector<retention_hold>> {
    SQLite::Statement q(db, list_holds_sql);
    std::vector<retention_hold> holds;
    while (q.executeStep()) {
      retention_hold h;
      h.id = q.getColumn(0).getInt64();
      h.family = q.getColumn(1).getInt64();
      if (!q.getColumn(2).isNull()) h.case_ = q.getColumn(2).getInt64();
      h.reason = q.getColumn(3).getString();
      h.placed_by = q.getColumn(4).getString();
      h.placed_at = parse_timestamp(q.getColumn(5).getString()).value_or(timestamp{});
      holds.push_back(std::move(h));
    }
    return holds;
  });
}

result<std::vector<family_retention_dates>> family_retention_dates_batch(SQLite::Database& db, family_id after_family,
                                                                         int limit) {
  return guarded("read families' retention dates", [&]() -> result<std::vector<family_retention_dates>> {
    SQLite::Statement q(db, dates_sql);
    q.bind(1, after_family);
    q.bind(2, limit);
    std::vector<family_retention_dates> batch;
    while (q.executeStep()) {
      family_retention_dates d;
      d.family = q.getColumn(0).getInt64();
      d.created_at = parse_timestamp(q.getColumn(1).getString()).value_or(timestamp{});
      d.open_case = q.getColumn(2).getInt() != 0;
      d.held = q.getColumn(3).getInt() != 0;
      d.help_offer_closed = optional_timestamp(q.getColumn(4));
      d.chain_case_closed = optional_timestamp(q.getColumn(5));
      d.latest_report = optional_timestamp(q.getColumn(6));
      batch.push_back(d);
    }
    return batch;
  });
}

result<erasability> family_erasability(SQLite::Database& db, family_id family) {
  return guarded("check a family's erasability", [&]() -> result<erasability> {
    SQLite::Statement q(db, erasable_sql);
    q.bind(1, family);
    q.executeStep();
    if (q.getColumn(2).getInt() == 0) return erasability::gone;
    if (q.getColumn(0).getInt() != 0) return erasability::open_case;
    if (q.getColumn(1).getInt() != 0) return erasability::held;
    return erasability::erasable;
  });
}

result<erasure_counts> erase_family(SQLite::Database& db, family_id family) {
  return guarded("erase a family's records", [&]() -> result<erasure_counts> {
    write_transaction transaction(db);
    auto state = family_erasability(db, family);
    if (!state) return state.error();
    switch (*state) {
      case erasability::erasable: break;
      case erasability::gone: return fail(errc::not_found, "no family " + std::to_string(family));
      case erasability::open_case:
        return fail(errc::failed_precondition, "family " + std::to_string(family) + " has an open case");
      case erasability::held:
        return fail(errc::failed_precondition, "family " + std::to_string(family) + " is under a legal hold");
    }
    erasure_counts counts;
    {
      SQLite::Statement q(db, family_cases_sql);
      q.bind(1, family);
      while (q.executeStep()) counts.cases.push_back(q.getColumn(0).getInt64());
    }
    auto run = [&](const erase_step& step) {
      SQLite::Statement s(db, step.sql);
      if (s.getBindParameterCount() > 0) s.bind(1, family);
      auto changed = s.exec();
      if (*step.counted_as) counts.rows[step.counted_as] += changed;
    };
    for (const auto& step : erase_steps) run(step);
    for (const auto& step : erase_person_steps) run(step);
    transaction.commit();
    return counts;
  });
}

}  // namespace casechain::core::store
