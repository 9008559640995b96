#include "core/store/case_store.hpp"

#include "core/store/sqlite_error.hpp"
#include "core/store/statement_cache.hpp"
#include "core/store/statement_binding.hpp"
#include "core/store/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>

namespace casechain::core::store {
namespace {

constexpr auto insert_case_sql =
    "INSERT INTO cases (family_id, track, step, case_manager_id, opened_at, closed_at, closure_reason, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto update_case_sql =
    "UPDATE cases SET family_id = ?, track = ?, step = ?, case_manager_id = ?, opened_at = ?, closed_at = ?, "
    "closure_reason = ?, updated_at = ? WHERE id = ?";
constexpr auto select_case_by_id_sql =
    "SELECT id, family_id, track, step, case_manager_id, opened_at, closed_at, closure_reason, updated_at "
    "FROM cases WHERE id = ?";
constexpr auto select_open_case_sql =
    "SELECT id, family_id, track, step, case_manager_id, opened_at, closed_at, closure_reason, updated_at "
    "FROM cases WHERE family_id = ? AND closed_at IS NULL";
constexpr auto list_cases_sql =
    "SELECT id, family_id, track, step, case_manager_id, opened_at, closed_at, closure_reason, updated_at "
    "FROM cases c WHERE "
    " (?1 = 1 OR c.case_manager_id = ?2 OR EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id "
    "   AND m.organisation_id = ?3)) "
    " AND (?4 IS NULL OR c.track = ?4) AND (?5 IS NULL OR c.step = ?5) "
    " AND (?6 = 0 OR c.case_manager_id = ?2) AND (?7 = 0 OR c.closed_at IS NULL) "
    // Must-not-know: a family the viewer is excluded from is not listed at all.
    " AND NOT EXISTS (SELECT 1 FROM exclusions x WHERE x.user_id = ?2 AND x.family_id = c.family_id "
    "   AND x.lifted_at IS NULL) "
    "ORDER BY c.id DESC LIMIT ?8 OFFSET ?9";
constexpr auto insert_event_sql =
    "INSERT INTO case_events (case_id, at, actor_id, kind, detail, reason) VALUES (?, ?, ?, ?, ?, ?)";
constexpr auto select_events_sql =
    "SELECT id, case_id, at, actor_id, kind, detail, reason FROM case_events WHERE case_id = ? ORDER BY id";
constexpr auto insert_member_sql =
    "INSERT INTO case_members (case_id, organisation_id, admitted_at, admitted_by) VALUES (?, ?, ?, ?)";
constexpr auto select_members_sql =
    "SELECT case_id, organisation_id, admitted_at, admitted_by FROM case_members WHERE case_id = ? "
    "ORDER BY organisation_id";

// Binds the case's columns in the order of insert_case_sql / update_case_sql.
void bind_case(SQLite::Statement& s, const case_record& c) {
  s.bind(1, c.family);
  s.bind(2, to_int(c.track));
  s.bind(3, std::string(to_string(c.step)));
  bind_optional_id(s, 4, c.case_manager);
  s.bind(5, format_timestamp(c.opened_at));
  bind_optional_timestamp(s, 6, c.closed_at);
  bind_text_or_null(s, 7, c.closure_reason);
  s.bind(8, format_timestamp(c.updated_at));
}

case_record read_case(SQLite::Statement& row) {
  case_record c;
  c.id = row.getColumn(0).getInt64();
  c.family = row.getColumn(1).getInt64();
  c.track = track_from_int(row.getColumn(2).getInt64()).value_or(track::help_offer);
  c.step = parse<case_step>(row.getColumn(3).getString()).value_or(case_step::intake);
  if (!row.getColumn(4).isNull()) c.case_manager = row.getColumn(4).getInt64();
  c.opened_at = parse_timestamp(row.getColumn(5).getString()).value_or(timestamp{});
  if (!row.getColumn(6).isNull()) c.closed_at = parse_timestamp(row.getColumn(6).getString());
  c.closure_reason = row.getColumn(7).getString();
  c.updated_at = parse_timestamp(row.getColumn(8).getString()).value_or(timestamp{});
  return c;
}

}  // namespace

case_event insert_case_event(SQLite::Database& db, case_event e) {
  statement_lease insert(db, insert_event_sql);
  insert->bind(1, e.case_);
  insert->bind(2, format_timestamp(e.at));
  bind_optional_id(*insert, 3, e.actor);
  insert->bind(4, e.kind);
  insert->bind(5, e.detail.empty() ? std::string("{}") : e.detail);
  bind_text_or_null(*insert, 6, e.reason);
  insert->exec();
  e.id = db.getLastInsertRowid();
  return e;
}

namespace {

result<case_record> query_case(SQLite::Database& db, const char* sql, std::int64_t key) {
  return guarded("read case", [&]() -> result<case_record> {
    statement_lease query(db, sql);
    query->bind(1, key);
    if (!query->executeStep()) return fail(errc::not_found, "no such case");
    return read_case(*query);
  });
}

}  // namespace

result<case_record> open_case(SQLite::Database& db, const case_record& c, const case_event& opened) {
  auto created = guarded("open case", [&]() -> result<case_record> {
    write_transaction transaction(db);
    statement_lease insert(db, insert_case_sql);
    bind_case(*insert, c);
    insert->exec();
    case_record stored = c;
    stored.id = db.getLastInsertRowid();
    case_event event = opened;
    event.case_ = stored.id;
    event.kind = "opened";
    insert_case_event(db, event);
    transaction.commit();
    return stored;
  });
  if (!created && created.error().code == errc::already_exists)
    return fail(errc::already_exists, "the family already has an open case");
  return created;
}

result<case_record> get_case(SQLite::Database& db, case_id id) { return query_case(db, select_case_by_id_sql, id); }

result<std::vector<case_record>> list_cases(SQLite::Database& db, const case_filter& f) {
  if (f.limit < 1 || f.limit > 500) return fail(errc::invalid_argument, "limit: expected 1 to 500");
  if (f.offset < 0) return fail(errc::invalid_argument, "offset: expected 0 or more");
  return guarded("list cases", [&]() -> result<std::vector<case_record>> {
    statement_lease q(db, list_cases_sql);
    q->bind(1, f.all_visible ? 1 : 0);
    q->bind(2, f.viewer);
    q->bind(3, f.viewer_organisation);
    if (f.track) q->bind(4, to_int(*f.track));
    else q->bind(4);
    if (f.step) q->bind(5, std::string(to_string(*f.step)));
    else q->bind(5);
    q->bind(6, f.mine ? 1 : 0);
    q->bind(7, f.open_only ? 1 : 0);
    q->bind(8, f.limit);
    q->bind(9, f.offset);
    std::vector<case_record> all;
    while (q->executeStep()) all.push_back(read_case(*q));
    return all;
  });
}

result<case_record> find_open_case(SQLite::Database& db, family_id family) {
  return query_case(db, select_open_case_sql, family);
}

result<case_event> update_case(SQLite::Database& db, const case_record& c, const case_event& event) {
  if (event.case_ != c.id) return fail(errc::invalid_argument, "the event belongs to another case");
  return guarded("update case", [&]() -> result<case_event> {
    write_transaction transaction(db);
    statement_lease update(db, update_case_sql);
    bind_case(*update, c);
    update->bind(9, c.id);
    if (update->exec() == 0) return fail(errc::not_found, "no such case");
    auto stored = insert_case_event(db, event);
    transaction.commit();
    return stored;
  });
}

result<case_event> append_case_event(SQLite::Database& db, const case_event& event) {
  return guarded("append case event", [&]() -> result<case_event> {
    write_transaction transaction(db);
    auto stored = insert_case_event(db, event);
    transaction.commit();
    return stored;
  });
}

result<std::vector<case_event>> case_events(SQLite::Database& db, case_id id) {
  return guarded("read case events", [&]() -> result<std::vector<case_event>> {
    statement_lease query(db, select_events_sql);
    query->bind(1, id);
    std::vector<case_event> events;
    while (query->executeStep()) {
      case_event e;
      e.id = query->getColumn(0).getInt64();
      e.case_ = query->getColumn(1).getInt64();
      e.at = parse_timestamp(query->getColumn(2).getString()).value_or(timestamp{});
      if (!query->getColumn(3).isNull()) e.actor = query->getColumn(3).getInt64();
      e.kind = query->getColumn(4).getString();
      e.detail = query->getColumn(5).getString();
      e.reason = query->getColumn(6).getString();
      events.push_back(std::move(e));
    }
    return events;
  });
}

result<void> add_case_member(SQLite::Database& db, const case_member& member, const case_event& event) {
  if (event.case_ != member.case_) return fail(errc::invalid_argument, "the event belongs to another case");
  auto added = guarded("admit case member", [&]() -> result<void> {
    write_transaction transaction(db);
    statement_lease insert(db, insert_member_sql);
    insert->bind(1, member.case_);
    insert->bind(2, member.organisation);
    insert->bind(3, format_timestamp(member.admitted_at));
    bind_optional_id(*insert, 4, member.admitted_by);
    insert->exec();
    insert_case_event(db, event);
    transaction.commit();
    return {};
  });
  if (!added && added.error().code == errc::already_exists)
    return fail(errc::already_exists, "the organisation is already a member of the case");
  return added;
}

result<std::vector<case_member>> case_members(SQLite::Database& db, case_id id) {
  return guarded("read case members", [&]() -> result<std::vector<case_member>> {
    statement_lease query(db, select_members_sql);
    query->bind(1, id);
    std::vector<case_member> members;
    while (query->executeStep()) {
      case_member m;
      m.case_ = query->getColumn(0).getInt64();
      m.organisation = query->getColumn(1).getInt64();
      m.admitted_at = parse_timestamp(query->getColumn(2).getString()).value_or(timestamp{});
      if (!query->getColumn(3).isNull()) m.admitted_by = query->getColumn(3).getInt64();
      members.push_back(m);
    }
    return members;
  });
}

}  // namespace casechain::core::store
