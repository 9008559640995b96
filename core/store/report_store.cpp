#include "core/store/report_store.hpp"

#include "core/store/sqlite_error.hpp"
#include "core/store/statement_binding.hpp"
#include "core/store/write_transaction.hpp"
#include "core/util/json_writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <boost/json/parse.hpp>

namespace casechain::core::store {
namespace {

constexpr auto insert_report_sql =
    "INSERT INTO reports (external_ref, police_zone, reported_at, incident_at, relationship, violence, "
    "indicators, order_from, order_until, arrest, red_file, narrative, received_at, family_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto insert_report_person_sql =
    "INSERT INTO report_persons (report_id, position, role, first_name, last_name, birth_date, gender, "
    "national_id, street, house_number, postcode, municipality, phone, person_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto select_report_sql =
    "SELECT external_ref, police_zone, reported_at, incident_at, relationship, violence, indicators, "
    "order_from, order_until, arrest, red_file, narrative, family_id, received_at FROM reports WHERE id = ?";
constexpr auto select_report_persons_sql =
    "SELECT role, first_name, last_name, birth_date, gender, national_id, street, house_number, postcode, "
    "municipality, phone, person_id FROM report_persons WHERE report_id = ? ORDER BY position";
constexpr auto select_report_by_ref_sql =
    "SELECT id FROM reports WHERE police_zone = ? AND external_ref = ?";
constexpr auto update_report_family_sql = "UPDATE reports SET family_id = ? WHERE id = ?";
constexpr auto update_report_person_sql =
    "UPDATE report_persons SET person_id = ? WHERE report_id = ? AND position = ?";

void insert_person(SQLite::Statement& insert, report_id id, int position, const report_person& p,
                   std::optional<person_id> linked) {
  insert.bind(1, id);
  insert.bind(2, position);
  insert.bind(3, std::string(to_string(p.role)));
  insert.bind(4, p.first_name);
  insert.bind(5, p.last_name);
  bind_optional_date(insert, 6, p.birth_date);
  insert.bind(7, std::string(to_string(p.gender)));
  bind_text_or_null(insert, 8, p.national_id);
  if (p.address) {
    insert.bind(9, p.address->street);
    insert.bind(10, p.address->number);
    insert.bind(11, p.address->postcode);
    insert.bind(12, p.address->municipality);
  } else {
    for (int column = 9; column <= 12; ++column) insert.bind(column);
  }
  bind_text_or_null(insert, 13, p.phone);
  bind_optional_id(insert, 14, linked);
  insert.exec();
  insert.tryReset();
}

report_person read_person(SQLite::Statement& row) {
  report_person p;
  p.role = parse<family_role>(row.getColumn(0).getString()).value_or(family_role::other);
  p.first_name = row.getColumn(1).getString();
  p.last_name = row.getColumn(2).getString();
  if (!row.getColumn(3).isNull()) p.birth_date = parse_date(row.getColumn(3).getString());
  p.gender = parse<gender>(row.getColumn(4).getString()).value_or(gender::unknown);
  p.national_id = row.getColumn(5).getString();
  if (!row.getColumn(6).isNull())
    p.address = postal_address{row.getColumn(6).getString(), row.getColumn(7).getString(),
                               row.getColumn(8).getString(), row.getColumn(9).getString()};
  p.phone = row.getColumn(10).getString();
  return p;
}

violence_kinds read_violence(const std::string& text) {
  violence_kinds v;
  auto value = boost::json::parse(text);
  const auto& object = value.as_object();
  auto flag = [&](const char* name) {
    auto it = object.find(name);
    return it != object.end() && it->value().is_bool() && it->value().get_bool();
  };
  v.physical = flag("physical");
  v.psychological = flag("psychological");
  v.sexual = flag("sexual");
  v.economic = flag("economic");
  v.threats = flag("threats");
  v.stalking = flag("stalking");
  return v;
}

std::vector<indicator> read_indicators(const std::string& text) {
  std::vector<indicator> indicators;
  auto value = boost::json::parse(text);
  for (const auto& [item, answer] : value.as_object()) {
    tri_state state = answer.is_bool() ? (answer.get_bool() ? tri_state::yes : tri_state::no) : tri_state::unknown;
    indicators.push_back({std::string(item), state});
  }
  return indicators;
}

}  // namespace

std::string violence_json(const violence_kinds& v) {
  std::string out;
  json_writer w(out);
  w.begin_object();
  w.field("physical", v.physical);
  w.field("psychological", v.psychological);
  w.field("sexual", v.sexual);
  w.field("economic", v.economic);
  w.field("threats", v.threats);
  w.field("stalking", v.stalking);
  w.end_object();
  return out;
}

std::string indicators_json(const std::vector<indicator>& indicators) {
  std::string out;
  json_writer w(out);
  w.begin_object();
  for (const auto& i : indicators) {
    w.key(i.item);
    if (i.value == tri_state::unknown) w.null();
    else w.boolean(i.value == tri_state::yes);
  }
  w.end_object();
  return out;
}

report_writer::report_writer(SQLite::Database& db, bool own_transaction)
    : db_(db), own_transaction_(own_transaction), insert_report_(db, insert_report_sql),
      insert_person_(db, insert_report_person_sql) {}

result<report_id> report_writer::add(const police_report& r, timestamp received_at, std::optional<family_id> family,
                                     std::span<const person_id> persons) {
  if (!persons.empty() && persons.size() != r.persons.size())
    return fail(errc::invalid_argument, "add report: one linked person per reported person");
  auto stored = guarded("add report", [&]() -> result<report_id> {
    std::optional<write_transaction> transaction;
    if (own_transaction_) transaction.emplace(db_);
    auto& insert = insert_report_;
    insert.tryReset();  // a statement that failed last time must not fail this time
    insert.bind(1, r.external_ref);
    insert.bind(2, r.police_zone);
    insert.bind(3, format_timestamp(r.reported_at));
    bind_optional_timestamp(insert, 4, r.incident_at);
    insert.bind(5, std::string(to_string(r.relationship)));
    insert.bind(6, violence_json(r.violence));
    insert.bind(7, indicators_json(r.indicators));
    if (r.measures.restraining_order) {
      insert.bind(8, format_date(r.measures.restraining_order->from));
      insert.bind(9, format_date(r.measures.restraining_order->until));
    } else {
      insert.bind(8);
      insert.bind(9);
    }
    insert.bind(10, r.measures.arrest ? 1 : 0);
    insert.bind(11, r.measures.red_file ? 1 : 0);
    insert.bind(12, r.narrative);
    insert.bind(13, format_timestamp(received_at));
    bind_optional_id(insert, 14, family);
    insert.exec();
    auto id = db_.getLastInsertRowid();
    for (size_t i = 0; i < r.persons.size(); ++i) {
      insert_person_.tryReset();
      insert_person(insert_person_, id, static_cast<int>(i), r.persons[i],
                    persons.empty() ? std::nullopt : std::optional(persons[i]));
    }
    if (transaction) transaction->commit();
    return id;
  });
  if (!stored && stored.error().code == errc::already_exists)
    return fail(errc::already_exists, "report " + r.external_ref + " from police zone " + r.police_zone +
                                          " is already stored (a duplicate)");
  return stored;
}

result<report_id> add_report(SQLite::Database& db, const police_report& r, timestamp received_at) {
  return guarded("add report", [&]() -> result<report_id> {
    report_writer writer(db);
    return writer.add(r, received_at);
  });
}

result<stored_report> get_report(SQLite::Database& db, report_id id) {
  return guarded("read report", [&]() -> result<stored_report> {
    SQLite::Statement query(db, select_report_sql);
    query.bind(1, id);
    if (!query.executeStep()) return fail(errc::not_found, "no report with id " + std::to_string(id));
    stored_report s;
    s.id = id;
    auto& r = s.report;
    r.external_ref = query.getColumn(0).getString();
    r.police_zone = query.getColumn(1).getString();
    r.reported_at = parse_timestamp(query.getColumn(2).getString()).value_or(timestamp{});
    if (!query.getColumn(3).isNull()) r.incident_at = parse_timestamp(query.getColumn(3).getString());
    r.relationship = parse<relationship>(query.getColumn(4).getString()).value_or(relationship::other);
    r.violence = read_violence(query.getColumn(5).getString());
    r.indicators = read_indicators(query.getColumn(6).getString());
    if (!query.getColumn(7).isNull()) {
      auto from = parse_date(query.getColumn(7).getString());
      auto until = parse_date(query.getColumn(8).getString());
      if (from && until) r.measures.restraining_order = restraining_order{*from, *until};
    }
    r.measures.arrest = query.getColumn(9).getInt() != 0;
    r.measures.red_file = query.getColumn(10).getInt() != 0;
    r.narrative = query.getColumn(11).getString();
    if (!query.getColumn(12).isNull()) s.family = query.getColumn(12).getInt64();
    s.received_at = parse_timestamp(query.getColumn(13).getString()).value_or(timestamp{});
    SQLite::Statement persons(db, select_report_persons_sql);
    persons.bind(1, id);
    while (persons.executeStep()) {
      r.persons.push_back(read_person(persons));
      s.linked_persons.push_back(persons.getColumn(11).isNull() ? std::nullopt
                                                                : std::optional(persons.getColumn(11).getInt64()));
    }
    return s;
  });
}

result<report_id> find_report(SQLite::Database& db, std::string_view police_zone, std::string_view external_ref) {
  return guarded("find report", [&]() -> result<report_id> {
    SQLite::Statement query(db, select_report_by_ref_sql);
    query.bind(1, std::string(police_zone));
    query.bind(2, std::string(external_ref));
    if (!query.executeStep()) return fail(errc::not_found, "no report " + std::string(external_ref));
    return query.getColumn(0).getInt64();
  });
}

result<void> set_report_family(SQLite::Database& db, report_id report, family_id family) {
  return guarded("set report family", [&]() -> result<void> {
    write_transaction transaction(db);
    SQLite::Statement update(db, update_report_family_sql);
    update.bind(1, family);
    update.bind(2, report);
    if (update.exec() == 0) return fail(errc::not_found, "no report with id " + std::to_string(report));
    transaction.commit();
    return {};
  });
}

result<void> link_report_person(SQLite::Database& db, report_id report, int position, person_id person) {
  return guarded("link report person", [&]() -> result<void> {
    write_transaction transaction(db);
    SQLite::Statement update(db, update_report_person_sql);
    update.bind(1, person);
    update.bind(2, report);
    update.bind(3, position);
    if (update.exec() == 0)
      return fail(errc::not_found, "report " + std::to_string(report) + " has no person at position " +
                                       std::to_string(position));
    transaction.commit();
    return {};
  });
}

}  // namespace casechain::core::store
