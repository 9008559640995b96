#include "core/store/triage_store.hpp"

#include "core/store/sqlite_error.hpp"
#include "core/store/statement_binding.hpp"
#include "core/store/statement_cache.hpp"
#include "core/store/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <chrono>
#include <span>
#include <utility>
#include <vector>

namespace casechain::core::store {
namespace {

constexpr auto select_proposal_sql =
    "SELECT instrument, track, risk_level, score, fired_rules, proposed_at FROM triage_proposals WHERE report_id = ?";
constexpr auto select_record_sql = "SELECT record_sealed FROM triage_proposals WHERE report_id = ?";
constexpr auto select_decision_sql =
    "SELECT track, reason, decided_by, decided_at, status, confirmed_by, confirmed_at, case_id "
    "FROM triage_decisions WHERE report_id = ?";
constexpr auto insert_decision_sql =
    "INSERT INTO triage_decisions (report_id, track, reason, decided_by, decided_at, status, confirmed_by, "
    "confirmed_at, case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto confirm_decision_sql =
    "UPDATE triage_decisions SET status = 'decided', confirmed_by = ?, confirmed_at = ?, case_id = ? "
    "WHERE report_id = ? AND status = 'awaiting_confirmation'";
constexpr auto set_decision_case_sql = "UPDATE triage_decisions SET case_id = ? WHERE report_id = ?";
constexpr auto queue_sql =
    "SELECT r.id, r.external_ref, r.police_zone, r.reported_at, p.track, d.status "
    "FROM triage_proposals p JOIN reports r ON r.id = p.report_id "
    "LEFT JOIN triage_decisions d ON d.report_id = r.id "
    "WHERE d.report_id IS NULL OR d.status = 'awaiting_confirmation' "
    "ORDER BY r.reported_at, r.id LIMIT ?";
constexpr auto decided_sql =
    "SELECT r.id, r.family_id, r.reported_at, p.track, d.track, p.fired_rules "
    "FROM triage_decisions d JOIN triage_proposals p ON p.report_id = d.report_id "
    "JOIN reports r ON r.id = d.report_id "
    "WHERE d.status = 'decided' AND r.reported_at >= ? AND r.reported_at < ? ORDER BY r.reported_at, r.id";
constexpr auto later_report_sql =
    "SELECT 1 FROM reports WHERE family_id = ? AND id <> ? AND reported_at > ? AND reported_at <= ? LIMIT 1";

constexpr auto records_to_seal_sql = "SELECT report_id, record FROM triage_records_to_seal ORDER BY report_id LIMIT ?";
constexpr auto store_sealed_record_sql = "UPDATE triage_proposals SET record_sealed = ? WHERE report_id = ?";
constexpr auto forget_clear_record_sql = "DELETE FROM triage_records_to_seal WHERE report_id = ?";

const char* status_name(decision_status s) {
  return s == decision_status::decided ? "decided" : "awaiting_confirmation";
}

}  // namespace

result<stored_proposal> get_proposal(SQLite::Database& db, report_id report) {
  return guarded("read triage proposal", [&]() -> result<stored_proposal> {
    SQLite::Statement q(db, select_proposal_sql);
    q.bind(1, report);
    if (!q.executeStep()) return fail(errc::not_found, "report " + std::to_string(report) + " has no triage proposal");
    stored_proposal p;
    p.report = report;
    p.instrument = q.getColumn(0).getString();
    p.track = track_from_int(q.getColumn(1).getInt64()).value_or(track::help_offer);
    p.risk_level = q.getColumn(2).getString();
    p.score = q.getColumn(3).getInt();
    p.fired_rules = q.getColumn(4).getString();
    p.proposed_at = parse_timestamp(q.getColumn(5).getString()).value_or(timestamp{});
    return p;
  });
}

crypto::sealed_blob seal_proposal_record(const crypto::sealer& sealer, report_id report, std::string_view record) {
  return sealer.seal(record, {"triage_proposals", "record_sealed", report, 0});
}

result<std::string> open_proposal_record(SQLite::Database& db, const crypto::sealer& sealer, report_id report) {
  return guarded("open triage decision record", [&]() -> result<std::string> {
    statement_lease q(db, select_record_sql);
    q->bind(1, report);
    if (!q->executeStep()) return fail(errc::not_found, "report " + std::to_string(report) + " has no triage proposal");
    const auto& blob = q->getColumn(0);
    // NULL only between migration 0008 and the first load of the data keys, which seals it.
    if (blob.isNull())
      return fail(errc::failed_precondition, "the decision record of report " + std::to_string(report) + " is not sealed yet");
    std::span<const unsigned char> bytes(static_cast<const unsigned char*>(blob.getBlob()),
                                         static_cast<std::size_t>(blob.getBytes()));
    return sealer.open(bytes, {"triage_proposals", "record_sealed", report, 0});
  });
}

result<std::int64_t> seal_records_left_in_clear(SQLite::Database& db, const crypto::sealer& sealer, int batch_size) {
  return guarded("seal decision records left in clear", [&]() -> result<std::int64_t> {
    std::int64_t sealed = 0;
    for (;;) {
      write_transaction transaction(db);
      std::vector<std::pair<report_id, std::string>> batch;
      {
        SQLite::Statement q(db, records_to_seal_sql);
        q.bind(1, batch_size);
        while (q.executeStep()) batch.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
      }
      if (batch.empty()) break;
      SQLite::Statement store(db, store_sealed_record_sql);
      SQLite::Statement forget(db, forget_clear_record_sql);
      for (auto& [report, record] : batch) {
        auto blob = seal_proposal_record(sealer, report, record);
        OPENSSL_cleanse(record.data(), record.size());
        store.bind(1, blob.data(), static_cast<int>(blob.size()));
        store.bind(2, report);
        store.exec();
        store.reset();
        forget.bind(1, report);
        forget.exec();
        forget.reset();
      }
      transaction.commit();
      sealed += static_cast<std::int64_t>(batch.size());
    }
    // The clear records' pages may still be in the log: copy back and truncate it.
    if (sealed > 0) db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return sealed;
  });
}

result<stored_decision> get_decision(SQLite::Database& db, report_id report) {
  return guarded("read triage decision", [&]() -> result<stored_decision> {
    SQLite::Statement q(db, select_decision_sql);
    q.bind(1, report);
    if (!q.executeStep()) return fail(errc::not_found, "report " + std::to_string(report) + " has no decision");
    stored_decision d;
    d.report = report;
    d.track = track_from_int(q.getColumn(0).getInt64()).value_or(track::help_offer);
    d.reason = q.getColumn(1).getString();
    d.decided_by = q.getColumn(2).getInt64();
    d.decided_at = parse_timestamp(q.getColumn(3).getString()).value_or(timestamp{});
    d.status = q.getColumn(4).getString() == "decided" ? decision_status::decided : decision_status::awaiting_confirmation;
    if (!q.getColumn(5).isNull()) d.confirmed_by = q.getColumn(5).getInt64();
    if (!q.getColumn(6).isNull()) d.confirmed_at = parse_timestamp(q.getColumn(6).getString());
    if (!q.getColumn(7).isNull()) d.case_ = q.getColumn(7).getInt64();
    return d;
  });
}

result<void> insert_decision(SQLite::Database& db, const stored_decision& d) {
  return guarded("record triage decision", [&]() -> result<void> {
    write_transaction transaction(db);
    SQLite::Statement s(db, insert_decision_sql);
    s.bind(1, d.report);
    s.bind(2, to_int(d.track));
    bind_text_or_null(s, 3, d.reason);
    s.bind(4, d.decided_by);
    s.bind(5, format_timestamp(d.decided_at));
    s.bind(6, status_name(d.status));
    bind_optional_id(s, 7, d.confirmed_by);
    bind_optional_timestamp(s, 8, d.confirmed_at);
    bind_optional_id(s, 9, d.case_);
    s.exec();
    transaction.commit();
    return {};
  });
}

result<void> confirm_decision(SQLite::Database& db, report_id report, user_id by, timestamp at,
                              std::optional<case_id> opened) {
  return guarded("confirm triage decision", [&]() -> result<void> {
    write_transaction transaction(db);
    SQLite::Statement s(db, confirm_decision_sql);
    s.bind(1, by);
    s.bind(2, format_timestamp(at));
    bind_optional_id(s, 3, opened);
    s.bind(4, report);
    if (s.exec() == 0) return fail(errc::failed_precondition, "the decision is not awaiting confirmation");
    transaction.commit();
    return {};
  });
}

result<void> set_decision_case(SQLite::Database& db, report_id report, case_id c) {
  return guarded("link decision to case", [&]() -> result<void> {
    write_transaction transaction(db);
    SQLite::Statement s(db, set_decision_case_sql);
    s.bind(1, c);
    s.bind(2, report);
    if (s.exec() == 0) return fail(errc::not_found, "report " + std::to_string(report) + " has no decision");
    transaction.commit();
    return {};
  });
}

result<std::vector<queue_entry>> triage_queue(SQLite::Database& db, int limit) {
  return guarded("read triage queue", [&]() -> result<std::vector<queue_entry>> {
    SQLite::Statement q(db, queue_sql);
    q.bind(1, std::clamp(limit, 1, 1000));
    std::vector<queue_entry> entries;
    while (q.executeStep()) {
      entries.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                         parse_timestamp(q.getColumn(3).getString()).value_or(timestamp{}),
                         track_from_int(q.getColumn(4).getInt64()).value_or(track::help_offer),
                         !q.getColumn(5).isNull()});
    }
    return entries;
  });
}

result<std::vector<decided_pair>> decided_reports(SQLite::Database& db, timestamp from, timestamp to) {
  return guarded("read decided reports", [&]() -> result<std::vector<decided_pair>> {
    SQLite::Statement q(db, decided_sql);
    q.bind(1, format_timestamp(from));
    q.bind(2, format_timestamp(to));
    std::vector<decided_pair> pairs;
    while (q.executeStep()) {
      pairs.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                       parse_timestamp(q.getColumn(2).getString()).value_or(timestamp{}),
                       track_from_int(q.getColumn(3).getInt64()).value_or(track::help_offer),
                       track_from_int(q.getColumn(4).getInt64()).value_or(track::help_offer), q.getColumn(5).getString()});
    }
    return pairs;
  });
}

result<bool> has_report_within_year(SQLite::Database& db, family_id family, report_id report, timestamp after) {
  return guarded("look for a repeat report", [&]() -> result<bool> {
    SQLite::Statement q(db, later_report_sql);
    q.bind(1, family);
    q.bind(2, report);
    q.bind(3, format_timestamp(after));
    q.bind(4, format_timestamp(after + std::chrono::days{365}));
    return q.executeStep();
  });
}

}  // namespace casechain::core::store
