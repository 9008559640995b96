#include "core/store/sealed_columns.hpp"

#include "core/store/sqlite_error.hpp"
#include "core/store/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>
#include <openssl/crypto.h>

#include <array>
#include <vector>

namespace casechain::core::store {
namespace {

// Names spelled out in each query: SQL is never built from strings.
constexpr std::array<sealed_column, 5> columns{{
    {"reports", "narrative_sealed", false,
     "SELECT 1 FROM reports WHERE narrative_sealed IS NOT NULL LIMIT 1",
     "SELECT substr(narrative_sealed, 1, 5), count(*) FROM reports WHERE narrative_sealed IS NOT NULL GROUP BY 1",
     "SELECT id, 0, narrative_sealed FROM reports WHERE id > ?1 AND narrative_sealed IS NOT NULL ORDER BY id LIMIT ?2",
     "UPDATE reports SET narrative_sealed = ?1 WHERE id = ?2"},
    {"report_persons", "address_sealed", true,
     "SELECT 1 FROM report_persons WHERE address_sealed IS NOT NULL LIMIT 1",
     "SELECT substr(address_sealed, 1, 5), count(*) FROM report_persons WHERE address_sealed IS NOT NULL GROUP BY 1",
     "SELECT report_id, position, address_sealed FROM report_persons WHERE (report_id, position) > (?1, ?2) "
     "AND address_sealed IS NOT NULL ORDER BY report_id, position LIMIT ?3",
     "UPDATE report_persons SET address_sealed = ?1 WHERE report_id = ?2 AND position = ?3"},
    {"report_persons", "phone_sealed", true,
     "SELECT 1 FROM report_persons WHERE phone_sealed IS NOT NULL LIMIT 1",
     "SELECT substr(phone_sealed, 1, 5), count(*) FROM report_persons WHERE phone_sealed IS NOT NULL GROUP BY 1",
     "SELECT report_id, position, phone_sealed FROM report_persons WHERE (report_id, position) > (?1, ?2) "
     "AND phone_sealed IS NOT NULL ORDER BY report_id, position LIMIT ?3",
     "UPDATE report_persons SET phone_sealed = ?1 WHERE report_id = ?2 AND position = ?3"},
    {"care_notes", "text_sealed", false,
     "SELECT 1 FROM care_notes LIMIT 1",
     "SELECT substr(text_sealed, 1, 5), count(*) FROM care_notes GROUP BY 1",
     "SELECT id, 0, text_sealed FROM care_notes WHERE id > ?1 ORDER BY id LIMIT ?2",
     "UPDATE care_notes SET text_sealed = ?1 WHERE id = ?2"},
    {"triage_proposals", "record_sealed", false,
     "SELECT 1 FROM triage_proposals WHERE record_sealed IS NOT NULL LIMIT 1",
     "SELECT substr(record_sealed, 1, 5), count(*) FROM triage_proposals WHERE record_sealed IS NOT NULL GROUP BY 1",
     "SELECT report_id, 0, record_sealed FROM triage_proposals WHERE report_id > ?1 AND record_sealed IS NOT NULL "
     "ORDER BY report_id LIMIT ?2",
     "UPDATE triage_proposals SET record_sealed = ?1 WHERE report_id = ?2"},
}};

std::span<const unsigned char> blob_of(const SQLite::Column& column) {
  return {static_cast<const unsigned char*>(column.getBlob()), static_cast<size_t>(column.getBytes())};
}

}  // namespace

std::span<const sealed_column> sealed_columns() { return columns; }

result<bool> has_sealed_column(SQLite::Database& db, const sealed_column& column) {
  return guarded("look for a sealed column", [&]() -> result<bool> {
    SQLite::Statement present(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    present.bind(1, std::string(column.table));
    present.bind(2, std::string(column.column));
    return present.executeStep();
  });
}

result<bool> has_sealed_data(SQLite::Database& db) {
  return guarded("look for sealed data", [&]() -> result<bool> {
    for (const auto& c : columns) {
      auto present = has_sealed_column(db, c);
      if (!present) return present.error();
      if (!*present) continue;  // an older schema's database (a backup)
      SQLite::Statement any(db, c.any_sql);
      if (any.executeStep()) return true;
    }
    return false;
  });
}

result<std::map<crypto::key_version, std::int64_t>> count_sealed_by_version(SQLite::Database& db) {
  return guarded("count sealed values", [&]() -> result<std::map<crypto::key_version, std::int64_t>> {
    std::map<crypto::key_version, std::int64_t> counts;
    for (const auto& c : columns) {
      SQLite::Statement count(db, c.count_sql);
      while (count.executeStep()) {
        // Grouped by the blob's first 5 bytes: its format and key version.
        auto head = blob_of(count.getColumn(0));
        crypto::key_version version = 0;
        if (head.size() == 5 && head[0] == crypto::sealed_format)
          for (size_t i = 1; i < 5; ++i) version = (version << 8) | head[i];
        counts[version] += count.getColumn(1).getInt64();
      }
    }
    return counts;
  });
}

result<std::int64_t> reseal_batch(SQLite::Database& db, const crypto::sealer& sealer, const sealed_column& column,
                                  reseal_cursor& cursor, int batch_size) {
  return guarded("re-seal a batch", [&]() -> result<std::int64_t> {
    write_transaction transaction(db);
    SQLite::Statement batch(db, column.batch_sql);
    SQLite::Statement update(db, column.update_sql);
    batch.bind(1, cursor.row);
    if (column.keyed_by_position) batch.bind(2, cursor.position);
    batch.bind(column.keyed_by_position ? 3 : 2, batch_size);
    const auto active = sealer.active_version();
    struct stale_value {
      crypto::field_address at;
      crypto::sealed_blob blob;
    };
    // Read the batch whole before updating: no update runs under an open scan of its table.
    std::vector<stale_value> stale;
    std::int64_t read = 0;
    while (batch.executeStep()) {
      ++read;
      cursor.row = batch.getColumn(0).getInt64();
      cursor.position = batch.getColumn(1).getInt64();
      auto blob = blob_of(batch.getColumn(2));
      if (crypto::sealer::version_of(blob) == active) continue;
      stale.push_back({{column.table, column.column, cursor.row, cursor.position}, {blob.begin(), blob.end()}});
    }
    for (const auto& s : stale) {
      auto value = sealer.open(s.blob, s.at);
      if (!value) return value.error();
      auto sealed = sealer.seal(*value, s.at);
      OPENSSL_cleanse(value->data(), value->size());
      update.bind(1, sealed.data(), static_cast<int>(sealed.size()));
      update.bind(2, s.at.row);
      if (column.keyed_by_position) update.bind(3, s.at.position);
      update.exec();
      update.reset();
    }
    transaction.commit();
    if (read < batch_size) cursor.done = true;
    return static_cast<std::int64_t>(stale.size());
  });
}

}  // namespace casechain::core::store
