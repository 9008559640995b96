#include "core/store/audit_store.hpp"

#include "core/audit/audit_chain.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/statement_cache.hpp"
#include "core/store/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstring>

namespace casechain::core::store {
namespace {

using audit::audit_entry;
using audit::entry_hash;

constexpr auto select_last_sql = "SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1";
constexpr auto select_hash_sql = "SELECT hash FROM audit_entries WHERE id = ?";
constexpr auto insert_sql =
    "INSERT INTO audit_entries (id, at, user_id, organisation_id, roles, action, case_id, category, legal_basis, "
    "purpose, outcome, request_id, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto columns =
    "SELECT id, at, user_id, organisation_id, roles, action, case_id, category, legal_basis, purpose, outcome, "
    "request_id, hash FROM audit_entries";

void bind_optional(SQLite::Statement& s, int index, const std::optional<std::int64_t>& value) {
  if (value) s.bind(index, *value);
  else s.bind(index);
}

std::optional<std::int64_t> optional_integer(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

// A stored hash; all zeros when damaged (it then fails verification).
entry_hash read_hash(const SQLite::Column& c) {
  entry_hash h{};
  if (c.getBytes() == static_cast<int>(h.size())) std::memcpy(h.data(), c.getBlob(), h.size());
  return h;
}

audit_entry read_entry(SQLite::Statement& row) {
  audit_entry e;
  e.id = row.getColumn(0).getInt64();
  e.at = parse_timestamp(row.getColumn(1).getString()).value_or(timestamp{});
  e.user = optional_integer(row.getColumn(2));
  e.organisation = optional_integer(row.getColumn(3));
  e.roles = row.getColumn(4).getString();
  e.action = row.getColumn(5).getString();
  e.case_ref = optional_integer(row.getColumn(6));
  e.category = row.getColumn(7).getString();
  e.legal_basis = row.getColumn(8).getString();
  e.purpose = row.getColumn(9).getString();
  e.result = audit::parse_outcome(row.getColumn(10).getString()).value_or(audit::outcome::failed);
  e.request_id = row.getColumn(11).getString();
  e.hash = read_hash(row.getColumn(12));
  return e;
}

// Text as stored: bounded like the table's checks, so an over-long purpose
// or category never fails the change it records.
std::string bounded(std::string_view text, std::size_t limit) { return std::string(text.substr(0, limit)); }

}  // namespace

result<void> append_audit_entries(SQLite::Database& db, const audit::audit_key& key, std::span<audit_entry> entries) {
  if (entries.empty()) return {};
  return guarded("append to the audit trail", [&]() -> result<void> {
    write_transaction transaction(db);
    std::int64_t last_id = 0;
    entry_hash last = audit::chain_start(key);
    {
      statement_lease query(db, select_last_sql);
      if (query->executeStep()) {
        last_id = query->getColumn(0).getInt64();
        last = read_hash(query->getColumn(1));
      }
    }
    statement_lease insert(db, insert_sql);
    for (auto& e : entries) {
      e.id = ++last_id;
      e.roles = bounded(e.roles, 200);
      e.category = bounded(e.category, 300);
      e.legal_basis = bounded(e.legal_basis, 300);
      e.purpose = bounded(e.purpose, 300);
      e.request_id = bounded(e.request_id, 64);
      e.hash = audit::chain_hash(key, last, e);
      last = e.hash;
      insert->bind(1, e.id);
      insert->bind(2, format_timestamp(e.at));
      bind_optional(*insert, 3, e.user);
      bind_optional(*insert, 4, e.organisation);
      insert->bind(5, e.roles);
      insert->bind(6, e.action);
      bind_optional(*insert, 7, e.case_ref);
      insert->bind(8, e.category);
      insert->bind(9, e.legal_basis);
      insert->bind(10, e.purpose);
      insert->bind(11, std::string(audit::to_string(e.result)));
      insert->bind(12, e.request_id);
      insert->bind(13, static_cast<const void*>(e.hash.data()), static_cast<int>(e.hash.size()));
      insert->exec();
      insert->reset();
    }
    transaction.commit();
    return {};
  });
}

result<std::vector<audit_entry>> list_audit_entries(SQLite::Database& db, const audit_filter& f) {
  return guarded("read the audit trail", [&]() -> result<std::vector<audit_entry>> {
    std::string sql = std::string(columns) + " WHERE 1";
    if (f.case_ref) sql += " AND case_id = :case";
    if (f.user) sql += " AND user_id = :user";
    if (f.from) sql += " AND at >= :from";
    if (f.until) sql += " AND at < :until";
    if (f.before_id > 0) sql += " AND id < :before";
    sql += " ORDER BY id DESC LIMIT :limit";
    SQLite::Statement query(db, sql);
    if (f.case_ref) query.bind(":case", *f.case_ref);
    if (f.user) query.bind(":user", *f.user);
    if (f.from) query.bind(":from", format_timestamp(*f.from));
    if (f.until) query.bind(":until", format_timestamp(*f.until));
    if (f.before_id > 0) query.bind(":before", f.before_id);
    query.bind(":limit", std::clamp(f.limit, 1, 1000));
    std::vector<audit_entry> out;
    while (query.executeStep()) out.push_back(read_entry(query));
    return out;
  });
}

result<std::optional<audit::audit_head>> newest_audit_entry(SQLite::Database& db) {
  return guarded("read the newest audit entry", [&]() -> result<std::optional<audit::audit_head>> {
    statement_lease q(db, select_last_sql);
    if (!q->executeStep()) return std::optional<audit::audit_head>{};
    return std::optional<audit::audit_head>{audit::audit_head{q->getColumn(0).getInt64(), read_hash(q->getColumn(1))}};
  });
}

result<std::optional<entry_hash>> audit_entry_hash(SQLite::Database& db, std::int64_t id) {
  return guarded("read an audit entry's hash", [&]() -> result<std::optional<entry_hash>> {
    statement_lease q(db, select_hash_sql);
    q->bind(1, id);
    if (!q->executeStep()) return std::optional<entry_hash>{};
    return std::optional<entry_hash>{read_hash(q->getColumn(0))};
  });
}

result<audit_verification> verify_audit_trail(SQLite::Database& db, const audit::audit_key& key,
                                              const std::optional<audit::audit_head>& head,
                                              const std::function<void(std::int64_t)>& progress) {
  return guarded("verify the audit trail", [&]() -> result<audit_verification> {
    audit_verification v;
    SQLite::Statement query(db, std::string(columns) + " ORDER BY id");
    entry_hash previous = audit::chain_start(key);
    std::int64_t expected_id = 1;
    while (query.executeStep()) {
      auto e = read_entry(query);
      if (e.id != expected_id) {
        v.first_bad = e.id;
        v.problem = e.id > expected_id
                        ? "entry " + std::to_string(e.id) + " follows entry " + std::to_string(expected_id - 1) +
                              ": entries in between are missing"
                        : "entry ids are out of order";
        return v;
      }
      if (audit::chain_hash(key, previous, e) != e.hash) {
        v.first_bad = e.id;
        v.problem = "entry " + std::to_string(e.id) + " does not match its hash: it was changed, moved, or chained "
                    "with another key";
        return v;
      }
      if (head && e.id == head->id && e.hash != head->hash) {
        v.first_bad = e.id;
        v.problem = "entry " + std::to_string(e.id) + " is not the one recorded in secrets/audit.head: the trail was "
                    "cut back and written again";
        return v;
      }
      previous = e.hash;
      ++expected_id;
      if (++v.entries % 100000 == 0 && progress) progress(v.entries);
    }
    if (head && head->id >= expected_id) {
      v.first_bad = expected_id;
      v.problem = "the trail ends at entry " + std::to_string(expected_id - 1) + ", but entry " +
                  std::to_string(head->id) + " was committed (secrets/audit.head): entries were cut off its end";
    }
    return v;
  });
}

}  // namespace casechain::core::store
