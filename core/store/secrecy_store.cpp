#include "core/store/secrecy_store.hpp"

#include "core/store/case_store.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/write_transaction.hpp"
#include "core/store/statement_cache.hpp"

#include <SQLiteCpp/Statement.h>

namespace casechain::core::store {
namespace {

constexpr auto excluded_sql =
    "SELECT 1 FROM exclusions WHERE user_id = ? AND family_id = ? AND lifted_at IS NULL LIMIT 1";
constexpr auto emergency_sql =
    "SELECT 1 FROM emergency_access WHERE user_id = ? AND case_id = ? AND granted_at <= ? AND expires_at > ? LIMIT 1";
constexpr auto live_consents_sql =
    "SELECT c.category, c.person_id FROM consents c JOIN family_members m ON m.person_id = c.person_id "
    "WHERE m.family_id = ? AND c.organisation_id = ? AND c.revoked_at IS NULL AND c.given_at <= ? AND c.valid_until > ?";
constexpr auto live_overrides_sql =
    "SELECT category FROM danger_overrides WHERE case_id = ? AND organisation_id = ? AND made_at <= ? AND expires_at > ?";
constexpr auto insert_consent_sql =
    "INSERT INTO consents (person_id, organisation_id, category, given_by, given_at, valid_until) VALUES (?, ?, ?, ?, ?, ?)";
constexpr auto revoke_consent_sql =
    "UPDATE consents SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL "
    "AND person_id IN (SELECT person_id FROM family_members WHERE family_id = ?)";
constexpr auto family_consents_sql =
    "SELECT c.id, c.person_id, c.organisation_id, c.category, c.given_by, c.given_at, c.valid_until, c.revoked_at "
    "FROM consents c JOIN family_members m ON m.person_id = c.person_id WHERE m.family_id = ? ORDER BY c.id";
constexpr auto insert_grant_sql =
    "INSERT INTO emergency_access (user_id, case_id, reason, granted_at, expires_at) VALUES (?, ?, ?, ?, ?)";
constexpr auto grants_of_case_sql =
    "SELECT id, user_id, case_id, reason, granted_at, expires_at, reviewed_at, reviewed_by, review_note FROM emergency_access "
    "WHERE case_id = ? ORDER BY id";
constexpr auto unreviewed_grants_sql =
    "SELECT id, user_id, case_id, reason, granted_at, expires_at, reviewed_at, reviewed_by, review_note FROM emergency_access "
    "WHERE reviewed_at IS NULL ORDER BY id LIMIT ?";
constexpr auto review_grant_sql =
    "UPDATE emergency_access SET reviewed_at = ?, reviewed_by = ?, review_note = ? WHERE id = ? AND reviewed_at IS NULL";
constexpr auto insert_override_sql =
    "INSERT INTO danger_overrides (case_id, organisation_id, category, justification, made_by, made_at, expires_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr auto case_overrides_sql =
    "SELECT id, case_id, organisation_id, category, justification, made_by, made_at, expires_at, reviewed_at "
    "FROM danger_overrides WHERE case_id = ? ORDER BY id";
constexpr auto insert_exclusion_sql =
    "INSERT INTO exclusions (user_id, family_id, reason, made_by, made_at) VALUES (?, ?, ?, ?, ?)";
constexpr auto next_note_id_sql = "SELECT coalesce(max(id), 0) + 1 FROM care_notes";
constexpr auto insert_note_sql =
    "INSERT INTO care_notes (id, case_id, organisation_id, author_id, written_at, text_sealed) VALUES (?, ?, ?, ?, ?, ?)";
constexpr auto case_notes_sql =
    "SELECT id, case_id, organisation_id, author_id, written_at, text_sealed FROM care_notes WHERE case_id = ? ORDER BY id";

crypto::field_address note_field(std::int64_t id) { return {"care_notes", "text_sealed", id}; }

timestamp time_of(const SQLite::Column& c) { return parse_timestamp(c.getString()).value_or(timestamp{}); }
std::optional<timestamp> optional_time(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return time_of(c);
}

emergency_grant read_grant(SQLite::Statement& q) {
  emergency_grant g;
  g.id = q.getColumn(0).getInt64();
  g.user = q.getColumn(1).getInt64();
  g.case_ref = q.getColumn(2).getInt64();
  g.reason = q.getColumn(3).getString();
  g.granted_at = time_of(q.getColumn(4));
  g.expires_at = time_of(q.getColumn(5));
  g.reviewed_at = optional_time(q.getColumn(6));
  if (!q.getColumn(7).isNull()) g.reviewed_by = q.getColumn(7).getInt64();
  g.review_note = q.getColumn(8).getString();
  return g;
}

std::string_view to_string(exclusion_reason r) {
  return r == exclusion_reason::declared_relation ? "declared_relation" : "conflict_of_interest";
}

}  // namespace

result<policy::secrecy_facts> load_secrecy_facts(SQLite::Database& db, const case_record& c, const user& u, timestamp now) {
  return guarded("read the secrecy facts", [&]() -> result<policy::secrecy_facts> {
    policy::secrecy_facts f;
    f.case_manager = c.case_manager;
    auto members = case_members(db, c.id);
    if (!members) return members.error();
    for (const auto& m : *members) f.members.push_back(m.organisation);
    auto when = format_timestamp(now);
    {
      statement_lease q(db, excluded_sql);
      q->bind(1, u.id);
      q->bind(2, c.family);
      f.excluded = q->executeStep();
    }
    {
      statement_lease q(db, emergency_sql);
      q->bind(1, u.id);
      q->bind(2, c.id);
      q->bind(3, when);
      q->bind(4, when);
      f.emergency = q->executeStep();
    }
    {
      statement_lease q(db, live_consents_sql);
      q->bind(1, c.family);
      q->bind(2, u.organisation);
      q->bind(3, when);
      q->bind(4, when);
      while (q->executeStep())
        if (auto what = policy::parse_category(q->getColumn(0).getString()))
          f.consents.push_back({*what, q->getColumn(1).getInt64()});
    }
    {
      statement_lease q(db, live_overrides_sql);
      q->bind(1, c.id);
      q->bind(2, u.organisation);
      q->bind(3, when);
      q->bind(4, when);
      while (q->executeStep())
        if (auto what = policy::parse_category(q->getColumn(0).getString())) f.danger_overrides.push_back(*what);
    }
    return f;
  });
}

result<consent_record> add_consent(SQLite::Database& db, consent_record c) {
  return guarded("record a consent", [&]() -> result<consent_record> {
    statement_lease q(db, insert_consent_sql);
    q->bind(1, c.person);
    q->bind(2, c.recipient);
    q->bind(3, std::string(policy::to_string(c.what)));
    q->bind(4, c.given_by);
    q->bind(5, format_timestamp(c.given_at));
    q->bind(6, format_timestamp(c.valid_until));
    q->exec();
    c.id = db.getLastInsertRowid();
    return c;
  });
}

result<void> revoke_consent(SQLite::Database& db, std::int64_t id, family_id family, user_id by, timestamp at) {
  return guarded("revoke a consent", [&]() -> result<void> {
    statement_lease q(db, revoke_consent_sql);
    q->bind(1, format_timestamp(at));
    q->bind(2, by);
    q->bind(3, id);
    q->bind(4, family);
    if (q->exec() == 0) return fail(errc::not_found, "there is no such live consent in this case");
    return {};
  });
}

result<std::vector<consent_record>> consents_of_family(SQLite::Database& db, family_id family) {
  return guarded("read consents", [&]() -> result<std::vector<consent_record>> {
    statement_lease q(db, family_consents_sql);
    q->bind(1, family);
    std::vector<consent_record> out;
    while (q->executeStep()) {
      consent_record c;
      c.id = q->getColumn(0).getInt64();
      c.person = q->getColumn(1).getInt64();
      c.recipient = q->getColumn(2).getInt64();
      c.what = policy::parse_category(q->getColumn(3).getString()).value_or(policy::category::identity);
      c.given_by = q->getColumn(4).getInt64();
      c.given_at = time_of(q->getColumn(5));
      c.valid_until = time_of(q->getColumn(6));
      c.revoked_at = optional_time(q->getColumn(7));
      out.push_back(c);
    }
    return out;
  });
}

result<emergency_grant> add_emergency_grant(SQLite::Database& db, emergency_grant g) {
  return guarded("record emergency access", [&]() -> result<emergency_grant> {
    statement_lease q(db, insert_grant_sql);
    q->bind(1, g.user);
    q->bind(2, g.case_ref);
    q->bind(3, g.reason);
    q->bind(4, format_timestamp(g.granted_at));
    q->bind(5, format_timestamp(g.expires_at));
    q->exec();
    g.id = db.getLastInsertRowid();
    return g;
  });
}

result<std::vector<emergency_grant>> emergency_grants_of_case(SQLite::Database& db, case_id c) {
  return guarded("read emergency access", [&]() -> result<std::vector<emergency_grant>> {
    statement_lease q(db, grants_of_case_sql);
    q->bind(1, c);
    std::vector<emergency_grant> out;
    while (q->executeStep()) out.push_back(read_grant(*q));
    return out;
  });
}

result<std::vector<emergency_grant>> emergency_review_queue(SQLite::Database& db, int limit) {
  return guarded("read the emergency access review queue", [&]() -> result<std::vector<emergency_grant>> {
    statement_lease q(db, unreviewed_grants_sql);
    q->bind(1, limit);
    std::vector<emergency_grant> out;
    while (q->executeStep()) out.push_back(read_grant(*q));
    return out;
  });
}

result<void> review_emergency_grant(SQLite::Database& db, std::int64_t id, user_id reviewer, std::string_view note,
                                    timestamp at) {
  return guarded("review emergency access", [&]() -> result<void> {
    statement_lease q(db, review_grant_sql);
    q->bind(1, format_timestamp(at));
    q->bind(2, reviewer);
    q->bind(3, std::string(note));
    q->bind(4, id);
    if (q->exec() == 0) return fail(errc::not_found, "there is no such emergency access awaiting review");
    return {};
  });
}

result<danger_override> add_danger_override(SQLite::Database& db, danger_override d) {
  return guarded("record a danger override", [&]() -> result<danger_override> {
    statement_lease q(db, insert_override_sql);
    q->bind(1, d.case_ref);
    q->bind(2, d.recipient);
    q->bind(3, std::string(policy::to_string(d.what)));
    q->bind(4, d.justification);
    q->bind(5, d.made_by);
    q->bind(6, format_timestamp(d.made_at));
    q->bind(7, format_timestamp(d.expires_at));
    q->exec();
    d.id = db.getLastInsertRowid();
    return d;
  });
}

result<std::vector<danger_override>> danger_overrides_of_case(SQLite::Database& db, case_id c) {
  return guarded("read danger overrides", [&]() -> result<std::vector<danger_override>> {
    statement_lease q(db, case_overrides_sql);
    q->bind(1, c);
    std::vector<danger_override> out;
    while (q->executeStep()) {
      danger_override d;
      d.id = q->getColumn(0).getInt64();
      d.case_ref = q->getColumn(1).getInt64();
      d.recipient = q->getColumn(2).getInt64();
      d.what = policy::parse_category(q->getColumn(3).getString()).value_or(policy::category::identity);
      d.justification = q->getColumn(4).getString();
      d.made_by = q->getColumn(5).getInt64();
      d.made_at = time_of(q->getColumn(6));
      d.expires_at = time_of(q->getColumn(7));
      d.reviewed_at = optional_time(q->getColumn(8));
      out.push_back(d);
    }
    return out;
  });
}

result<exclusion> add_exclusion(SQLite::Database& db, exclusion e) {
  return guarded("record an exclusion", [&]() -> result<exclusion> {
    statement_lease q(db, insert_exclusion_sql);
    q->bind(1, e.user);
    q->bind(2, e.family);
    q->bind(3, std::string(to_string(e.reason)));
    q->bind(4, e.made_by);
    q->bind(5, format_timestamp(e.made_at));
    q->exec();
    e.id = db.getLastInsertRowid();
    return e;
  });
}

result<care_note> add_care_note(SQLite::Database& db, const crypto::sealer& sealer, care_note n) {
  return guarded("write a care note", [&]() -> result<care_note> {
    write_transaction transaction(db);
    n.id = db.execAndGet(next_note_id_sql).getInt64();
    auto sealed = sealer.seal(n.text, note_field(n.id));
    SQLite::Statement q(db, insert_note_sql);
    q.bind(1, n.id);
    q.bind(2, n.case_ref);
    q.bind(3, n.owner);
    q.bind(4, n.author);
    q.bind(5, format_timestamp(n.written_at));
    q.bind(6, static_cast<const void*>(sealed.data()), static_cast<int>(sealed.size()));
    q.exec();
    transaction.commit();
    return n;
  });
}

result<std::vector<care_note>> care_notes_of_case(SQLite::Database& db, const crypto::sealer& sealer, case_id c) {
  return guarded("read care notes", [&]() -> result<std::vector<care_note>> {
    statement_lease q(db, case_notes_sql);
    q->bind(1, c);
    std::vector<care_note> out;
    while (q->executeStep()) {
      care_note n;
      n.id = q->getColumn(0).getInt64();
      n.case_ref = q->getColumn(1).getInt64();
      n.owner = q->getColumn(2).getInt64();
      n.author = q->getColumn(3).getInt64();
      n.written_at = time_of(q->getColumn(4));
      const auto& blob = q->getColumn(5);
      auto text = sealer.open({static_cast<const unsigned char*>(blob.getBlob()), static_cast<std::size_t>(blob.getBytes())},
                              note_field(n.id));
      if (!text) return text.error();
      n.text = std::move(*text);
      out.push_back(std::move(n));
    }
    return out;
  });
}

}  // namespace casechain::core::store
