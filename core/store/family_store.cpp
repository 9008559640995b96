#include "core/store/family_store.hpp"

#include "core/intake/name_matching.hpp"
#include "core/store/person_sql.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/statement_binding.hpp"
#include "core/store/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>

namespace casechain::core::store {
namespace {

constexpr auto select_person_by_id_sql =
    "SELECT id, first_name, last_name, birth_date, gender, national_id, created_at FROM persons WHERE id = ?";
constexpr auto select_person_by_national_id_sql =
    "SELECT id, first_name, last_name, birth_date, gender, national_id, created_at FROM persons "
    "WHERE national_id = ?";
constexpr auto insert_family_sql = "INSERT INTO families (created_at) VALUES (?)";
constexpr auto insert_family_member_sql =
    "INSERT INTO family_members (family_id, person_id, role) VALUES (?, ?, ?)";
constexpr auto select_family_members_sql =
    "SELECT family_id, person_id, role FROM family_members WHERE family_id = ? ORDER BY person_id";
constexpr auto select_families_of_sql =
    "SELECT family_id FROM family_members WHERE person_id = ? ORDER BY family_id";

person read_person(SQLite::Statement& row) {
  person p;
  p.id = row.getColumn(0).getInt64();
  p.first_name = row.getColumn(1).getString();
  p.last_name = row.getColumn(2).getString();
  if (!row.getColumn(3).isNull()) p.birth_date = parse_date(row.getColumn(3).getString());
  p.gender = parse<gender>(row.getColumn(4).getString()).value_or(gender::unknown);
  p.national_id = row.getColumn(5).getString();  // NULL reads as ""
  p.created_at = parse_timestamp(row.getColumn(6).getString()).value_or(timestamp{});
  return p;
}

result<person> query_person(SQLite::Database& db, const char* sql, auto key) {
  return guarded("read person", [&]() -> result<person> {
    SQLite::Statement query(db, sql);
    query.bind(1, key);
    if (!query.executeStep()) return fail(errc::not_found, "no such person");
    return read_person(query);
  });
}

}  // namespace

result<person> add_person(SQLite::Database& db, const person& p) {
  if (p.first_name.size() > 200 || p.last_name.size() > 200 || p.national_id.size() > 32)
    return fail(errc::invalid_argument, "person: a name or national id is too long");
  return guarded("add person", [&]() -> result<person> {
    write_transaction transaction(db);
    SQLite::Statement insert(db, insert_person_sql);
    insert.bind(1, p.first_name);
    insert.bind(2, p.last_name);
    bind_optional_date(insert, 3, p.birth_date);
    insert.bind(4, std::string(to_string(p.gender)));
    bind_text_or_null(insert, 5, p.national_id);
    insert.bind(6, format_timestamp(p.created_at));
    insert.bind(7, intake::normalise_name(p.first_name));
    insert.bind(8, intake::normalise_name(p.last_name));
    insert.exec();
    person stored = p;
    stored.id = db.getLastInsertRowid();
    transaction.commit();
    return stored;
  });
}

result<person> get_person(SQLite::Database& db, person_id id) {
  return query_person(db, select_person_by_id_sql, id);
}

result<person> find_person_by_national_id(SQLite::Database& db, std::string_view national_id) {
  return query_person(db, select_person_by_national_id_sql, std::string(national_id));
}

result<family> add_family(SQLite::Database& db, timestamp now) {
  return guarded("add family", [&]() -> result<family> {
    write_transaction transaction(db);
    SQLite::Statement insert(db, insert_family_sql);
    insert.bind(1, format_timestamp(now));
    insert.exec();
    family created{db.getLastInsertRowid(), now};
    transaction.commit();
    return created;
  });
}

result<void> add_family_member(SQLite::Database& db, const family_member& member) {
  return guarded("add family member", [&]() -> result<void> {
    write_transaction transaction(db);
    SQLite::Statement insert(db, insert_family_member_sql);
    insert.bind(1, member.family);
    insert.bind(2, member.person);
    insert.bind(3, std::string(to_string(member.role)));
    insert.exec();
    transaction.commit();
    return {};
  });
}

result<std::vector<family_member>> family_members(SQLite::Database& db, family_id id) {
  return guarded("read family members", [&]() -> result<std::vector<family_member>> {
    SQLite::Statement query(db, select_family_members_sql);
    query.bind(1, id);
    std::vector<family_member> members;
    while (query.executeStep())
      members.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getInt64(),
                         parse<family_role>(query.getColumn(2).getString()).value_or(family_role::other)});
    return members;
  });
}

result<std::vector<family_id>> families_of(SQLite::Database& db, person_id p) {
  return guarded("read families of person", [&]() -> result<std::vector<family_id>> {
    SQLite::Statement query(db, select_families_of_sql);
    query.bind(1, p);
    std::vector<family_id> ids;
    while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
    return ids;
  });
}

}  // namespace casechain::core::store
