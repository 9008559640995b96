#include "core/store/backup.hpp"

#include "core/audit/audit_key.hpp"
#include "core/data_protection.hpp"
#include "core/store/audit_store.hpp"
#include "core/store/sealed_columns.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/util/atomic_file.hpp"

#include <SQLiteCpp/Statement.h>
#include <openssl/crypto.h>

#include <fstream>
#include <span>

namespace casechain::core::store {
namespace {

namespace fs = std::filesystem;

constexpr int busy_timeout_ms = 5000;
constexpr auto vacuum_into_sql = "VACUUM INTO ?";
constexpr auto integrity_sql = "PRAGMA integrity_check";
constexpr auto any_audit_entry_sql = "SELECT EXISTS (SELECT 1 FROM audit_entries)";
constexpr auto checkpoint_sql = "PRAGMA wal_checkpoint(TRUNCATE)";

// Opens the first sealed value of every sealed column; true when there was one.
result<bool> open_sealed_sample(const data_dir& dir, SQLite::Database& db) {
  auto any = has_sealed_data(db);
  if (!any) return any.error();
  if (!*any) return false;  // nothing sealed: nothing to open (and no key file made)
  // The keys only: the copy is read, never written (load_field_protection would seal what 0008 left in clear).
  auto keys = load_data_keys(dir, db);
  if (!keys) return keys.error();
  const crypto::sealer sealing(*keys);
  return guarded("read a sealed sample", [&]() -> result<bool> {
    for (const auto& column : sealed_columns()) {
      auto present = has_sealed_column(db, column);
      if (!present) return present.error();
      if (!*present) continue;  // a backup made before this column's migration
      SQLite::Statement first(db, column.batch_sql);
      first.bind(1, std::int64_t{0});
      if (column.keyed_by_position) first.bind(2, std::int64_t{-1});
      first.bind(column.keyed_by_position ? 3 : 2, 1);
      if (!first.executeStep()) continue;
      auto blob = first.getColumn(2);
      std::span<const unsigned char> bytes(static_cast<const unsigned char*>(blob.getBlob()),
                                           static_cast<std::size_t>(blob.getBytes()));
      auto value = sealing.open(bytes, {column.table, column.column, first.getColumn(0).getInt64(),
                                                 first.getColumn(1).getInt64()});
      if (!value)
        return fail(errc::failed_precondition, "the backup's sealed values do not open with this folder's data keys (" +
                                                   value.error().message + ")");
      OPENSSL_cleanse(value->data(), value->size());
    }
    return true;
  });
}

// Copies `from` into a synced temporary file beside `to`, left uncommitted.
result<atomic_file> copy_beside(const fs::path& from, const fs::path& to) {
  std::ifstream in(from, std::ios::binary);
  if (!in) return fail(errc::unavailable, "cannot read " + from.string());
  auto out = atomic_file::create(to);
  if (!out) return out.error();
  std::string chunk(1 << 20, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (!out->write(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount()))))
      return fail(errc::unavailable, "cannot write beside " + to.string());
  }
  if (in.bad()) return fail(errc::unavailable, "cannot read " + from.string());
  return out;
}

}  // namespace

result<void> write_backup(const fs::path& database, const fs::path& out) {
  if (!fs::is_regular_file(database)) return fail(errc::not_found, "there is no database " + database.string());
  // An empty 0600 file first: VACUUM INTO fills an empty file and keeps its mode.
  auto file = atomic_file::create(out);
  if (!file) return file.error();
  auto copied = guarded("take a backup", [&]() -> result<void> {
    // Read-only and unmigrated: opening for writing could wait on the write lock behind a busy server.
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY, busy_timeout_ms);
    SQLite::Statement vacuum(db, vacuum_into_sql);
    vacuum.bind(1, file->temporary_path().string());
    vacuum.exec();
    return {};
  });
  if (!copied) return copied;
  return file->commit();
}

result<backup_check> check_backup(const data_dir& dir, const fs::path& backup) {
  if (!fs::is_regular_file(backup)) return fail(errc::not_found, "there is no backup file " + backup.string());
  return guarded("check the backup", [&]() -> result<backup_check> {
    SQLite::Database db(backup.string(), SQLite::OPEN_READONLY);
    auto integrity = db.execAndGet(integrity_sql).getString();
    if (integrity != "ok") return fail(errc::failed_precondition, "the backup fails PRAGMA integrity_check");
    backup_check checked;
    // A folder gets its audit key with its first entry: without one, only an empty trail passes.
    auto key = audit::audit_key::existing(dir);
    if (!key && db.execAndGet(any_audit_entry_sql).getInt64() != 0) return key.error();
    if (key) {
      auto verified = verify_audit_trail(db, *key);
      if (!verified) return verified.error();
      if (verified->first_bad)
        return fail(errc::failed_precondition,
                    "the backup's audit trail does not verify with this folder's audit.key: " + verified->problem);
      checked.audit_entries = verified->entries;
      auto newest = newest_audit_entry(db);
      if (!newest) return newest.error();
      checked.newest_entry = *newest;
    }
    auto sample = open_sealed_sample(dir, db);
    if (!sample) return sample.error();
    checked.sealed_sample = *sample;
    return checked;
  });
}

result<backup_check> restore_backup(const data_dir& dir, const fs::path& backup) {
  auto checked = check_backup(dir, backup);
  if (!checked) return checked;
  const auto target = dir.database_file();
  auto copy = copy_beside(backup, target);
  if (!copy) return copy.error();
  // The head moves back to the backup's last entry before the database does: a stop in
  // between leaves a head that the old trail (which the backup is a prefix of) still holds.
  auto head_moved = checked->newest_entry ? audit::write_audit_head(dir, *checked->newest_entry) : [&]() -> result<void> {
    std::error_code ignored;
    fs::remove(audit::audit_head_file(dir), ignored);
    return {};
  }();
  if (!head_moved) return head_moved.error();
  if (fs::exists(target)) {
    // Nothing of the old database may stay in its WAL, to be replayed into the new one.
    auto emptied = guarded("checkpoint the old database", [&]() -> result<void> {
      SQLite::Database old(target.string(), SQLite::OPEN_READWRITE);
      old.exec(checkpoint_sql);
      return {};
    });
    if (!emptied) return emptied.error();
  }
  auto committed = copy->commit();
  if (!committed) return committed.error();
  std::error_code ignored;
  fs::remove(target.string() + "-wal", ignored);
  fs::remove(target.string() + "-shm", ignored);
  return checked;
}

}  // namespace casechain::core::store
