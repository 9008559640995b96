#pragma once
// The data key ring of a data folder (secrets/data.keys, beside the pepper):
// loading it for the app and the commands, and rotating it. The ring is
// created (mode 0600) only for a database that holds no sealed value yet; a
// missing or unreadable key file for a database that does is an error, never
// a silent new key, since the sealed values would be lost. Nothing here
// prints or returns key material. Errors: data_keys.hpp's and the store's.
// Not thread-safe: run one rotation at a time, with the server stopped (a
// running server keeps sealing under the key version it loaded).

#include "core/crypto/field_protection.hpp"
#include "core/data_dir.hpp"

#include <SQLiteCpp/Database.h>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace casechain::core {

std::filesystem::path data_keys_file(const data_dir& dir);

// Loads the folder's key ring, creating it when missing and `db` holds no sealed value.
result<std::shared_ptr<const crypto::data_keys>> load_data_keys(const data_dir& dir, SQLite::Database& db);
// The same, ready for the store; first seals what a migration left in clear
// for want of the key (decision records, schema/0008), so `db` must be a
// migrated, writable connection.
result<std::shared_ptr<const crypto::field_protection>> load_field_protection(const data_dir& dir, SQLite::Database& db);

struct data_key_status {
  crypto::key_version active = 0;
  std::vector<crypto::key_version> versions;                 // held in the key file
  std::map<crypto::key_version, std::int64_t> sealed_values;  // per version in use (0: unknown format)
};
result<data_key_status> read_data_key_status(const data_dir& dir, SQLite::Database& db);

struct rotation_progress {
  std::int64_t resealed = 0;  // so far, this run
  std::int64_t to_reseal = 0;  // not under the active key when this run began
};
struct rotation_outcome {
  crypto::key_version active = 0;
  bool resumed = false;  // an interrupted rotation was carried on, no new version made
  std::int64_t resealed = 0;
  std::vector<crypto::key_version> retired;
  std::map<crypto::key_version, std::int64_t> still_in_use;  // old versions that could not be retired
};

// Makes a new active key version (saved before anything is re-sealed), then
// re-seals every sealed value under it, one transaction per `batch_size`
// values, calling `progress` after each; then retires every old version no
// value uses any more. Interrupted, it is safe to run again: a ring that
// still holds old versions is carried on with its active key, not rotated
// once more.
result<rotation_outcome> rotate_data_keys(const data_dir& dir, SQLite::Database& db,
                                          const std::function<void(const rotation_progress&)>& progress,
                                          int batch_size = 1000);

}  // namespace casechain::core
