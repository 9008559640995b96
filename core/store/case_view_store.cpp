#include "core/store/case_view_store.hpp"

#include "core/store/report_store.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/statement_cache.hpp"

#include <SQLiteCpp/Statement.h>

#include <set>

namespace casechain::core::store {
namespace {

constexpr auto persons_sql =
    "SELECT p.id, m.role, p.first_name, p.last_name, p.birth_date, p.gender FROM family_members m "
    "JOIN persons p ON p.id = m.person_id WHERE m.family_id = ? ORDER BY p.id";
constexpr auto addresses_sql =
    "SELECT rp.person_id, rp.report_id, rp.position, rp.address_sealed, rp.phone_sealed "
    "FROM reports r JOIN report_persons rp ON rp.report_id = r.id "
    "WHERE r.family_id = ? AND rp.person_id IS NOT NULL ORDER BY r.reported_at DESC, r.id DESC";
constexpr auto reports_sql =
    "SELECT r.id, r.reported_at, r.police_zone, r.violence, r.narrative_sealed, r.order_from, r.order_until, r.arrest, "
    "r.red_file, p.track, d.track, coalesce(p.risk_level, '') FROM reports r "
    "LEFT JOIN triage_proposals p ON p.report_id = r.id LEFT JOIN triage_decisions d ON d.report_id = r.id "
    "WHERE r.family_id = ? ORDER BY r.reported_at DESC, r.id DESC LIMIT ?";

std::optional<date> optional_date(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return parse_date(c.getString());
}

std::span<const unsigned char> blob_of(const SQLite::Column& c) {
  return {static_cast<const unsigned char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes())};
}

std::optional<int> optional_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt();
}

}  // namespace

result<std::vector<family_person>> family_persons(SQLite::Database& db, family_id family) {
  return guarded("read the family", [&]() -> result<std::vector<family_person>> {
    statement_lease q(db, persons_sql);
    q->bind(1, family);
    std::vector<family_person> out;
    while (q->executeStep()) {
      family_person p;
      p.id = q->getColumn(0).getInt64();
      p.role = parse<family_role>(q->getColumn(1).getString()).value_or(family_role::other);
      p.first_name = q->getColumn(2).getString();
      p.last_name = q->getColumn(3).getString();
      if (!q->getColumn(4).isNull()) p.birth_date = parse_date(q->getColumn(4).getString());
      p.gender = parse<gender>(q->getColumn(5).getString()).value_or(gender::unknown);
      out.push_back(std::move(p));
    }
    return out;
  });
}

result<std::vector<contact_address>> family_contact_addresses(SQLite::Database& db, const crypto::sealer& sealer,
                                                              family_id family) {
  return guarded("read the family's addresses", [&]() -> result<std::vector<contact_address>> {
    statement_lease q(db, addresses_sql);
    q->bind(1, family);
    std::vector<contact_address> out;
    std::set<person_id> seen;
    while (q->executeStep()) {
      auto person = q->getColumn(0).getInt64();
      if (!seen.insert(person).second) continue;  // an older report of someone already placed
      auto report = q->getColumn(1).getInt64();
      auto position = q->getColumn(2).getInt64();
      contact_address a{person, {}, {}, {}, {}, {}};
      if (!q->getColumn(3).isNull()) {
        auto address = open_address(sealer, report, position, blob_of(q->getColumn(3)));
        if (!address) return address.error();
        a.street = address->street;
        a.house_number = address->number;
        a.postcode = address->postcode;
        a.municipality = address->municipality;
      }
      if (!q->getColumn(4).isNull()) {
        auto phone = open_phone(sealer, report, position, blob_of(q->getColumn(4)));
        if (!phone) return phone.error();
        a.phone = std::move(*phone);
      }
      out.push_back(std::move(a));
    }
    return out;
  });
}

result<std::vector<family_report>> family_reports(SQLite::Database& db, const crypto::sealer& sealer, family_id family,
                                                  int limit, bool with_narratives) {
  return guarded("read the family's reports", [&]() -> result<std::vector<family_report>> {
    statement_lease q(db, reports_sql);
    q->bind(1, family);
    q->bind(2, limit);
    std::vector<family_report> out;
    while (q->executeStep()) {
      family_report r;
      r.id = q->getColumn(0).getInt64();
      r.reported_at = parse_timestamp(q->getColumn(1).getString()).value_or(timestamp{});
      r.police_zone = q->getColumn(2).getString();
      r.violence = q->getColumn(3).getString();
      if (with_narratives) {
        auto narrative = open_narrative(sealer, r.id, blob_of(q->getColumn(4)));
        if (!narrative) return narrative.error();
        r.narrative = std::move(*narrative);
      }
      r.order_from = optional_date(q->getColumn(5));
      r.order_until = optional_date(q->getColumn(6));
      r.arrest = q->getColumn(7).getInt() != 0;
      r.red_file = q->getColumn(8).getInt() != 0;
      r.proposed_track = optional_int(q->getColumn(9));
      r.decided_track = optional_int(q->getColumn(10));
      r.risk_level = q->getColumn(11).getString();
      out.push_back(std::move(r));
    }
    return out;
  });
}

}  // namespace casechain::core::store
