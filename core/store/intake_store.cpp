#include "core/store/intake_store.hpp"

#include "core/store/person_sql.hpp"
#include "core/store/statement_binding.hpp"
#include "core/store/triage_store.hpp"

#include <chrono>

namespace casechain::core::store {
namespace {

constexpr auto has_report_sql = "SELECT 1 FROM reports WHERE police_zone = ? AND external_ref = ?";
// Only the id: the index persons_national_id covers it, so no person row is read.
constexpr auto person_by_national_id_sql = "SELECT id FROM persons WHERE national_id = ?";
// One seek into the covering index persons_birth_last and a scan of the
// persons born that day, filtered on the index's own columns (migration
// 0010): about as cheap as four seeks into two indexes, and one index fewer
// to keep up on every new person. The scan is bounded by the persons sharing
// a birthday (about 70 a day with two million persons).
constexpr auto name_candidates_sql =
    "SELECT id, first_key, last_key, national_id FROM persons "
    "WHERE birth_date = ?1 AND (last_key IN (?2, ?3) OR first_key IN (?2, ?3))";
constexpr auto update_national_id_sql = "UPDATE persons SET national_id = ? WHERE id = ? AND national_id IS NULL";
constexpr auto newest_family_sql =
    "SELECT family_id FROM family_members WHERE person_id = ? ORDER BY family_id DESC LIMIT 1";
constexpr auto insert_family_sql = "INSERT INTO families (created_at) VALUES (?)";
constexpr auto insert_member_sql =
    "INSERT OR IGNORE INTO family_members (family_id, person_id, role) VALUES (?, ?, ?)";
constexpr auto insert_flag_sql =
    "INSERT INTO link_flags (report_id, position, person_id, candidate_id, reason, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr auto count_recent_sql =
    "SELECT count(*) FROM reports WHERE family_id = ? AND id <> ? AND reported_at >= ? AND reported_at <= ?";
constexpr auto earlier_tracks_sql =
    "SELECT coalesce(d.track, p.track) FROM reports r "
    "LEFT JOIN triage_decisions d ON d.report_id = r.id LEFT JOIN triage_proposals p ON p.report_id = r.id "
    "WHERE r.family_id = ? AND r.id <> ? AND r.reported_at <= ? AND coalesce(d.track, p.track) IS NOT NULL "
    "ORDER BY r.reported_at DESC LIMIT 20";
constexpr auto insert_proposal_sql =
    "INSERT INTO triage_proposals (report_id, instrument, track, risk_level, score, complexity, unknowns, "
    "fired_rules, record_sealed, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto open_case_sql =
    "SELECT id, track, case_manager_id FROM cases WHERE family_id = ? AND closed_at IS NULL";

person_candidate read_candidate(SQLite::Statement& row) {
  return {row.getColumn(0).getInt64(), row.getColumn(1).getString(), row.getColumn(2).getString(),
          row.getColumn(3).getString()};
}

// Clears a cached statement for its next use.
SQLite::Statement& fresh(SQLite::Statement& s) {
  s.tryReset();  // reset() would throw the previous step's error again
  s.clearBindings();
  return s;
}

// Resets a cached query when the reading is done. A query left on a row
// keeps its read snapshot open, and the write-ahead log can then never be
// checkpointed: it grows without bound and every read slows down.
class done_reading {
 public:
  explicit done_reading(SQLite::Statement& s) : s_(s) {}
  ~done_reading() { s_.tryReset(); }
  done_reading(const done_reading&) = delete;
  done_reading& operator=(const done_reading&) = delete;

 private:
  SQLite::Statement& s_;
};

}  // namespace

intake_store::intake_store(SQLite::Database& db, const crypto::field_protection& protection)
    : db_(db),
      protection_(protection),
      reports_(db, protection, /*own_transaction=*/false),  // intake runs each report in its own transaction
      has_report_(db, has_report_sql),
      by_national_id_(db, person_by_national_id_sql),
      by_birth_date_(db, name_candidates_sql),
      insert_person_(db, insert_person_sql),
      update_national_id_(db, update_national_id_sql),
      newest_family_(db, newest_family_sql),
      insert_family_(db, insert_family_sql),
      insert_member_(db, insert_member_sql),
      insert_flag_(db, insert_flag_sql),
      count_recent_(db, count_recent_sql),
      earlier_tracks_(db, earlier_tracks_sql),
      open_case_(db, open_case_sql),
      insert_proposal_(db, insert_proposal_sql) {}

bool intake_store::has_report(const std::string& police_zone, const std::string& external_ref) {
  auto& q = fresh(has_report_);
  done_reading q_done(q);
  q.bind(1, police_zone);
  q.bind(2, external_ref);
  return q.executeStep();
}

std::optional<person_id> intake_store::person_by_national_id(const std::string& national_id) {
  auto& q = fresh(by_national_id_);
  done_reading q_done(q);
  q.bind(1, national_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::vector<person_candidate> intake_store::name_candidates(date birth_date, const std::string& first_key,
                                                            const std::string& last_key) {
  auto& q = fresh(by_birth_date_);
  done_reading q_done(q);
  q.bind(1, format_date(birth_date));
  q.bind(2, last_key);
  q.bind(3, first_key);
  std::vector<person_candidate> candidates;
  while (q.executeStep()) candidates.push_back(read_candidate(q));
  return candidates;
}

person_id intake_store::add_person(const report_person& p, const std::string& first_key, const std::string& last_key,
                                   timestamp now) {
  auto& s = fresh(insert_person_);
  s.bind(1, p.first_name);
  s.bind(2, p.last_name);
  bind_optional_date(s, 3, p.birth_date);
  s.bind(4, std::string(to_string(p.gender)));
  bind_text_or_null(s, 5, p.national_id);
  s.bind(6, format_timestamp(now));
  s.bind(7, first_key);
  s.bind(8, last_key);
  s.exec();
  return db_.getLastInsertRowid();
}

void intake_store::set_national_id(person_id id, const std::string& national_id) {
  auto& s = fresh(update_national_id_);
  s.bind(1, national_id);
  s.bind(2, id);
  s.exec();
}

std::optional<family_id> intake_store::newest_family_of(person_id id) {
  auto& q = fresh(newest_family_);
  done_reading q_done(q);
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

family_id intake_store::add_family(timestamp now) {
  auto& s = fresh(insert_family_);
  s.bind(1, format_timestamp(now));
  s.exec();
  return db_.getLastInsertRowid();
}

void intake_store::add_family_member(family_id family, person_id person, family_role role) {
  auto& s = fresh(insert_member_);
  s.bind(1, family);
  s.bind(2, person);
  s.bind(3, std::string(to_string(role)));
  s.exec();
}

void intake_store::add_link_flag(report_id report, int position, person_id person, person_id candidate,
                                 const std::string& reason, timestamp now) {
  auto& s = fresh(insert_flag_);
  s.bind(1, report);
  s.bind(2, position);
  s.bind(3, person);
  s.bind(4, candidate);
  s.bind(5, reason);
  s.bind(6, format_timestamp(now));
  s.exec();
}

family_history intake_store::history(family_id family, report_id report, timestamp reported_at,
                                     bool with_earlier_tracks) {
  family_history h;
  auto since = std::chrono::sys_days{date_of(reported_at)} - std::chrono::days{365};
  auto& count = fresh(count_recent_);
  done_reading count_done(count);
  count.bind(1, family);
  count.bind(2, report);
  count.bind(3, format_timestamp(timestamp{since}));
  count.bind(4, format_timestamp(reported_at));
  if (count.executeStep()) h.reports_last_12_months = count.getColumn(0).getInt();
  if (with_earlier_tracks) {
    auto& tracks = fresh(earlier_tracks_);
    done_reading tracks_done(tracks);
    tracks.bind(1, family);
    tracks.bind(2, report);
    tracks.bind(3, format_timestamp(reported_at));
    while (tracks.executeStep())
      if (auto t = track_from_int(tracks.getColumn(0).getInt64())) h.earlier_tracks.push_back(*t);
  }
  auto& open = fresh(open_case_);
  done_reading open_done(open);
  open.bind(1, family);
  if (open.executeStep()) {
    h.open_case = open.getColumn(0).getInt64();
    h.open_case_track = track_from_int(open.getColumn(1).getInt64());
    if (!open.getColumn(2).isNull()) h.open_case_manager = open.getColumn(2).getInt64();
  }
  return h;
}

void intake_store::save_proposal(report_id report, const proposal_row& row, timestamp now) {
  auto& s = fresh(insert_proposal_);
  s.bind(1, report);
  s.bind(2, row.instrument);
  s.bind(3, row.track);
  s.bind(4, row.risk_level);
  s.bind(5, row.score);
  s.bind(6, row.complexity);
  s.bind(7, row.unknowns);
  s.bind(8, row.fired_rules);
  auto sealed = seal_proposal_record(protection_.sealing, report, row.record);
  s.bind(9, sealed.data(), static_cast<int>(sealed.size()));
  s.bind(10, format_timestamp(now));
  s.exec();
}

}  // namespace casechain::core::store
