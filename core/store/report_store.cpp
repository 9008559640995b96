#include "core/store/report_store.hpp"

#include "core/store/sqlite_error.hpp"
#include "core/store/statement_binding.hpp"
#include "core/store/write_transaction.hpp"
#include "core/util/json_writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <boost/json/parse.hpp>

namespace casechain::core::store {
namespace {

// The id is allocated before the insert (max + 1, as SQLite itself would
// choose, inside the write transaction) so the sealed narrative can name its
// row in its associated data without a second write.
constexpr auto next_report_id_sql = "SELECT coalesce(max(id), 0) + 1 FROM reports";
constexpr auto insert_report_sql =
    "INSERT INTO reports (id, external_ref, police_zone, reported_at, incident_at, relationship, violence, "
    "indicators, order_from, order_until, arrest, red_file, narrative_sealed, received_at, family_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto insert_report_person_sql =
    "INSERT INTO report_persons (report_id, position, role, first_name, last_name, birth_date, gender, "
    "national_id, address_sealed, phone_sealed, phone_hash, person_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto select_report_sql =
    "SELECT external_ref, police_zone, reported_at, incident_at, relationship, violence, indicators, "
    "order_from, order_until, arrest, red_file, narrative_sealed, family_id, received_at FROM reports WHERE id = ?";
constexpr auto select_report_family_sql = "SELECT family_id FROM reports WHERE id = ?";
constexpr auto select_report_persons_sql =
    "SELECT role, first_name, last_name, birth_date, gender, national_id, address_sealed, phone_sealed, "
    "person_id, position FROM report_persons WHERE report_id = ? ORDER BY position";
constexpr auto select_reports_by_phone_sql =
    "SELECT DISTINCT report_id FROM report_persons WHERE phone_hash = ? ORDER BY report_id";
constexpr auto select_report_by_ref_sql =
    "SELECT id FROM reports WHERE police_zone = ? AND external_ref = ?";
constexpr auto update_report_family_sql = "UPDATE reports SET family_id = ? WHERE id = ?";
constexpr auto update_report_person_sql =
    "UPDATE report_persons SET person_id = ? WHERE report_id = ? AND position = ?";

constexpr std::string_view phone_purpose = "report_persons.phone";

crypto::field_address narrative_field(report_id id) { return {"reports", "narrative_sealed", id}; }
crypto::field_address person_field(std::string_view column, report_id id, std::int64_t position) {
  return {"report_persons", column, id, position};
}

// The phone number as compared: digits only (and a leading +), so
// "0470 12 34 56" and "0470/123456" find each other.
std::string phone_lookup_key(std::string_view phone) {
  std::string key;
  for (char c : phone) {
    if ((c >= '0' && c <= '9') || (c == '+' && key.empty())) key += c;
  }
  return key;
}

// An address as one value to seal: each part with a 4-byte length before it.
std::string encode_address(const postal_address& a) {
  std::string out;
  for (const std::string* part : {&a.street, &a.number, &a.postcode, &a.municipality}) {
    const auto size = static_cast<std::uint32_t>(part->size());
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((size >> shift) & 0xff);
    out += *part;
  }
  return out;
}

std::optional<postal_address> decode_address(std::string_view text) {
  postal_address a;
  for (std::string* part : {&a.street, &a.number, &a.postcode, &a.municipality}) {
    if (text.size() < 4) return std::nullopt;
    std::uint32_t size = 0;
    for (int i = 0; i < 4; ++i) size = (size << 8) | static_cast<unsigned char>(text[static_cast<size_t>(i)]);
    text.remove_prefix(4);
    if (text.size() < size) return std::nullopt;
    part->assign(text.substr(0, size));
    text.remove_prefix(size);
  }
  if (!text.empty()) return std::nullopt;
  return a;
}

void bind_blob(SQLite::Statement& statement, int index, std::span<const unsigned char> bytes) {
  statement.bind(index, bytes.data(), static_cast<int>(bytes.size()));
}

std::span<const unsigned char> blob_of(const SQLite::Column& column) {
  return {static_cast<const unsigned char*>(column.getBlob()), static_cast<size_t>(column.getBytes())};
}

void insert_person(SQLite::Statement& insert, const crypto::field_protection& protection, report_id id, int position,
                   const report_person& p, std::optional<person_id> linked) {
  insert.bind(1, id);
  insert.bind(2, position);
  insert.bind(3, std::string(to_string(p.role)));
  insert.bind(4, p.first_name);
  insert.bind(5, p.last_name);
  bind_optional_date(insert, 6, p.birth_date);
  insert.bind(7, std::string(to_string(p.gender)));
  bind_text_or_null(insert, 8, p.national_id);
  if (p.address) {
    bind_blob(insert, 9, protection.sealing.seal(encode_address(*p.address), person_field("address_sealed", id, position)));
  } else {
    insert.bind(9);
  }
  if (!p.phone.empty()) {
    bind_blob(insert, 10, protection.sealing.seal(p.phone, person_field("phone_sealed", id, position)));
    bind_blob(insert, 11, protection.lookup(phone_purpose, phone_lookup_key(p.phone)));
  } else {
    insert.bind(10);
    insert.bind(11);
  }
  bind_optional_id(insert, 12, linked);
  insert.exec();
  insert.tryReset();
}

result<report_person> read_person(SQLite::Statement& row, const crypto::sealer& sealer, report_id id) {
  report_person p;
  p.role = parse<family_role>(row.getColumn(0).getString()).value_or(family_role::other);
  p.first_name = row.getColumn(1).getString();
  p.last_name = row.getColumn(2).getString();
  if (!row.getColumn(3).isNull()) p.birth_date = parse_date(row.getColumn(3).getString());
  p.gender = parse<gender>(row.getColumn(4).getString()).value_or(gender::unknown);
  p.national_id = row.getColumn(5).getString();
  const auto position = row.getColumn(9).getInt64();
  if (!row.getColumn(6).isNull()) {
    const auto at = person_field("address_sealed", id, position);
    auto text = sealer.open(blob_of(row.getColumn(6)), at);
    if (!text) return text.error();
    p.address = decode_address(*text);
    if (!p.address) return fail(errc::failed_precondition, "report_persons.address_sealed of row " + std::to_string(id) +
                                                              " position " + std::to_string(position) + " is malformed");
  }
  if (!row.getColumn(7).isNull()) {
    auto phone = sealer.open(blob_of(row.getColumn(7)), person_field("phone_sealed", id, position));
    if (!phone) return phone.error();
    p.phone = std::move(*phone);
  }
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

report_writer::report_writer(SQLite::Database& db, const crypto::field_protection& protection, bool own_transaction)
    : db_(db), protection_(protection), own_transaction_(own_transaction), next_id_(db, next_report_id_sql),
      insert_report_(db, insert_report_sql), insert_person_(db, insert_report_person_sql) {}

result<report_id> report_writer::add(const police_report& r, timestamp received_at, std::optional<family_id> family,
                                     std::span<const person_id> persons) {
  if (!persons.empty() && persons.size() != r.persons.size())
    return fail(errc::invalid_argument, "add report: one linked person per reported person");
  auto stored = guarded("add report", [&]() -> result<report_id> {
    std::optional<write_transaction> transaction;
    if (own_transaction_) transaction.emplace(db_);
    next_id_.tryReset();
    next_id_.executeStep();
    const report_id id = next_id_.getColumn(0).getInt64();
    next_id_.tryReset();
    auto& insert = insert_report_;
    insert.tryReset();  // a statement that failed last time must not fail this time
    insert.bind(1, id);
    insert.bind(2, r.external_ref);
    insert.bind(3, r.police_zone);
    insert.bind(4, format_timestamp(r.reported_at));
    bind_optional_timestamp(insert, 5, r.incident_at);
    insert.bind(6, std::string(to_string(r.relationship)));
    insert.bind(7, violence_json(r.violence));
    insert.bind(8, indicators_json(r.indicators));
    if (r.measures.restraining_order) {
      insert.bind(9, format_date(r.measures.restraining_order->from));
      insert.bind(10, format_date(r.measures.restraining_order->until));
    } else {
      insert.bind(9);
      insert.bind(10);
    }
    insert.bind(11, r.measures.arrest ? 1 : 0);
    insert.bind(12, r.measures.red_file ? 1 : 0);
    bind_blob(insert, 13, protection_.sealing.seal(r.narrative, narrative_field(id)));
    insert.bind(14, format_timestamp(received_at));
    bind_optional_id(insert, 15, family);
    insert.exec();
    for (size_t i = 0; i < r.persons.size(); ++i) {
      insert_person_.tryReset();
      insert_person(insert_person_, protection_, id, static_cast<int>(i), r.persons[i],
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

result<report_id> add_report(SQLite::Database& db, const crypto::field_protection& protection, const police_report& r,
                             timestamp received_at) {
  return guarded("add report", [&]() -> result<report_id> {
    report_writer writer(db, protection);
    return writer.add(r, received_at);
  });
}

result<stored_report> get_report(SQLite::Database& db, const crypto::sealer& sealer, report_id id) {
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
    auto narrative = sealer.open(blob_of(query.getColumn(11)), narrative_field(id));
    if (!narrative) return narrative.error();
    r.narrative = std::move(*narrative);
    if (!query.getColumn(12).isNull()) s.family = query.getColumn(12).getInt64();
    s.received_at = parse_timestamp(query.getColumn(13).getString()).value_or(timestamp{});
    SQLite::Statement persons(db, select_report_persons_sql);
    persons.bind(1, id);
    while (persons.executeStep()) {
      auto person = read_person(persons, sealer, id);
      if (!person) return person.error();
      r.persons.push_back(std::move(*person));
      s.linked_persons.push_back(persons.getColumn(8).isNull() ? std::nullopt
                                                               : std::optional(persons.getColumn(8).getInt64()));
    }
    return s;
  });
}

result<std::optional<family_id>> get_report_family(SQLite::Database& db, report_id id) {
  return guarded("read report", [&]() -> result<std::optional<family_id>> {
    SQLite::Statement query(db, select_report_family_sql);
    query.bind(1, id);
    if (!query.executeStep()) return fail(errc::not_found, "no report with id " + std::to_string(id));
    return query.getColumn(0).isNull() ? std::nullopt : std::optional(query.getColumn(0).getInt64());
  });
}

result<std::vector<report_id>> reports_with_phone(SQLite::Database& db, const crypto::keyed_hash& lookup,
                                                  std::string_view phone) {
  return guarded("find reports by phone", [&]() -> result<std::vector<report_id>> {
    SQLite::Statement query(db, select_reports_by_phone_sql);
    bind_blob(query, 1, lookup(phone_purpose, phone_lookup_key(phone)));
    std::vector<report_id> ids;
    while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
    return ids;
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

crypto::sealed_blob seal_narrative(const crypto::sealer& sealer, report_id id, std::string_view narrative) {
  return sealer.seal(narrative, narrative_field(id));
}

crypto::sealed_blob seal_address(const crypto::sealer& sealer, report_id id, std::int64_t position, const postal_address& a) {
  return sealer.seal(encode_address(a), person_field("address_sealed", id, position));
}

crypto::sealed_blob seal_phone(const crypto::sealer& sealer, report_id id, std::int64_t position, std::string_view phone) {
  return sealer.seal(phone, person_field("phone_sealed", id, position));
}

result<std::string> open_narrative(const crypto::sealer& sealer, report_id id, std::span<const unsigned char> blob) {
  return sealer.open(blob, narrative_field(id));
}

result<postal_address> open_address(const crypto::sealer& sealer, report_id id, std::int64_t position,
                                    std::span<const unsigned char> blob) {
  auto text = sealer.open(blob, person_field("address_sealed", id, position));
  if (!text) return text.error();
  auto address = decode_address(*text);
  if (!address)
    return fail(errc::failed_precondition, "report_persons.address_sealed of row " + std::to_string(id) + " position " +
                                               std::to_string(position) + " is malformed");
  return *address;
}

result<std::string> open_phone(const crypto::sealer& sealer, report_id id, std::int64_t position,
                               std::span<const unsigned char> blob) {
  return sealer.open(blob, person_field("phone_sealed", id, position));
}

}  // namespace casechain::core::store
