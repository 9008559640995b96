#include "core/store/export_store.hpp"

#include "core/store/report_store.hpp"
#include "core/store/sqlite_error.hpp"

#include <SQLiteCpp/Statement.h>

#include <unordered_map>

namespace casechain::core::store {
namespace {

constexpr auto reports_sql =
    "SELECT r.id, r.family_id, r.police_zone, r.reported_at, r.relationship, "
    " coalesce(json_extract(r.violence, '$.physical'), 0), coalesce(json_extract(r.violence, '$.psychological'), 0), "
    " coalesce(json_extract(r.violence, '$.sexual'), 0), coalesce(json_extract(r.violence, '$.economic'), 0), "
    " coalesce(json_extract(r.violence, '$.threats'), 0), coalesce(json_extract(r.violence, '$.stalking'), 0), "
    " coalesce(p.track, 0), CASE WHEN d.status = 'decided' THEN d.track ELSE 0 END, r.arrest, r.red_file, "
    " r.order_from IS NOT NULL "
    "FROM reports r LEFT JOIN triage_proposals p ON p.report_id = r.id "
    "LEFT JOIN triage_decisions d ON d.report_id = r.id ORDER BY r.id";
constexpr auto persons_sql =
    "SELECT p.id, m.family_id, m.role, p.gender, coalesce(p.birth_date, ''), "
    " (SELECT count(*) FROM family_members h WHERE h.family_id = m.family_id) "
    "FROM persons p LEFT JOIN family_members m ON m.person_id = p.id "
    " AND m.family_id = (SELECT min(x.family_id) FROM family_members x WHERE x.person_id = p.id) "
    "ORDER BY p.id";
// The latest postcode per person, oldest first so the last one read wins.
constexpr auto postcodes_sql =
    "SELECT rp.person_id, rp.report_id, rp.position, rp.address_sealed FROM report_persons rp "
    "JOIN reports r ON r.id = rp.report_id "
    "WHERE rp.person_id IS NOT NULL AND rp.address_sealed IS NOT NULL ORDER BY r.reported_at, r.id";
constexpr auto cases_sql =
    "SELECT c.id, c.family_id, c.track, c.step, c.opened_at, coalesce(c.closed_at, ''), "
    " coalesce(c.closure_reason, ''), (SELECT count(*) FROM case_members m WHERE m.case_id = c.id) "
    "FROM cases c ORDER BY c.id";
constexpr auto events_sql =
    "SELECT e.case_id, e.at, e.kind, coalesce(json_extract(e.detail, '$.from'), ''), "
    " coalesce(json_extract(e.detail, '$.to'), ''), coalesce(json_extract(e.detail, '$.track'), 0) "
    "FROM case_events e ORDER BY e.id";
constexpr auto screenings_sql =
    "SELECT s.case_id, e.at, s.kind, s.scores FROM screenings s JOIN case_events e ON e.id = s.event_id ORDER BY s.id";

std::string text(SQLite::Statement& s, int column) {
  auto c = s.getColumn(column);
  return c.isNull() || !c.isText() ? std::string() : c.getString();
}

}  // namespace

result<void> visit_export_reports(SQLite::Database& db, const std::function<void(const export_report_row&)>& visit) {
  return guarded("read reports for export", [&]() -> result<void> {
    SQLite::Statement s(db, reports_sql);
    export_report_row r;
    while (s.executeStep()) {
      r.id = s.getColumn(0).getInt64();
      r.family = s.getColumn(1).isNull() ? std::nullopt : std::optional(s.getColumn(1).getInt64());
      r.police_zone = text(s, 2);
      r.reported_at = text(s, 3);
      r.relationship = text(s, 4);
      for (int i = 0; i < 6; ++i) r.violence[static_cast<size_t>(i)] = s.getColumn(5 + i).getInt() != 0;
      r.proposed = s.getColumn(11).getInt();
      r.decided = s.getColumn(12).getInt();
      r.arrest = s.getColumn(13).getInt() != 0;
      r.red_file = s.getColumn(14).getInt() != 0;
      r.restraining_order = s.getColumn(15).getInt() != 0;
      visit(r);
    }
    return {};
  });
}

result<void> visit_export_persons(SQLite::Database& db, const crypto::sealer& sealer,
                                  const std::function<void(const export_person_row&)>& visit) {
  return guarded("read persons for export", [&]() -> result<void> {
    std::unordered_map<std::int64_t, std::string> postcodes;
    SQLite::Statement codes(db, postcodes_sql);
    while (codes.executeStep()) {
      const auto& blob = codes.getColumn(3);
      auto address = open_address(sealer, codes.getColumn(1).getInt64(), codes.getColumn(2).getInt64(),
                                  {static_cast<const unsigned char*>(blob.getBlob()), static_cast<std::size_t>(blob.getBytes())});
      if (!address) return address.error();
      postcodes[codes.getColumn(0).getInt64()] = address->postcode;
    }
    SQLite::Statement s(db, persons_sql);
    export_person_row p;
    while (s.executeStep()) {
      p.id = s.getColumn(0).getInt64();
      p.family = s.getColumn(1).isNull() ? std::nullopt : std::optional(s.getColumn(1).getInt64());
      p.role = text(s, 2);
      p.gender = text(s, 3);
      p.birth_date = text(s, 4);
      auto code = postcodes.find(p.id);
      p.postcode = code == postcodes.end() ? std::string() : code->second;
      p.household = p.family ? s.getColumn(5).getInt64() : 0;
      visit(p);
    }
    return {};
  });
}

result<void> visit_export_cases(SQLite::Database& db, const std::function<void(const export_case_row&)>& visit) {
  return guarded("read cases for export", [&]() -> result<void> {
    SQLite::Statement s(db, cases_sql);
    export_case_row c;
    while (s.executeStep()) {
      c.id = s.getColumn(0).getInt64();
      c.family = s.getColumn(1).getInt64();
      c.track = s.getColumn(2).getInt();
      c.step = text(s, 3);
      c.opened_at = text(s, 4);
      c.closed_at = text(s, 5);
      c.closure_reason = text(s, 6);
      c.partners = s.getColumn(7).getInt64();
      visit(c);
    }
    return {};
  });
}

result<void> visit_export_events(SQLite::Database& db, const std::function<void(const export_event_row&)>& visit) {
  return guarded("read case events for export", [&]() -> result<void> {
    SQLite::Statement s(db, events_sql);
    export_event_row e;
    while (s.executeStep()) {
      e.case_id = s.getColumn(0).getInt64();
      e.at = text(s, 1);
      e.kind = text(s, 2);
      e.from = text(s, 3);
      e.to = text(s, 4);
      e.track = s.getColumn(5).isInteger() ? s.getColumn(5).getInt() : 0;
      visit(e);
    }
    return {};
  });
}

result<void> visit_export_screenings(SQLite::Database& db,
                                     const std::function<void(const export_screening_row&)>& visit) {
  return guarded("read screenings for export", [&]() -> result<void> {
    SQLite::Statement s(db, screenings_sql);
    export_screening_row r;
    while (s.executeStep()) {
      r.case_id = s.getColumn(0).getInt64();
      r.at = text(s, 1);
      r.kind = text(s, 2);
      r.scores = text(s, 3);
      visit(r);
    }
    return {};
  });
}

}  // namespace casechain::core::store
