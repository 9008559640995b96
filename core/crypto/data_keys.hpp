#pragma once
// The data key ring: the versioned AES-256 keys that seal sensitive fields,
// and the separate key of the keyed hashes used for equality lookups. It is
// kept in a file outside the database (secrets/data.keys, mode 0600):
//
//   casechain-data-keys 1
//   hash <base64 of 32 bytes>
//   key <version> <base64 of 32 bytes>      one line per live version
//   active <version>
//
// Rotation adds a version and makes it active; a version is retired (its
// line removed) once no sealed value uses it, after which what it sealed can
// no longer be opened. The hash key is not rotated: the lookup hashes would
// all change with it. Keys are wiped from memory when the ring is freed and
// never printed. Errors: not_found for a missing file, permission_denied for
// a file others may read, failed_precondition for a damaged file,
// unavailable when it cannot be read or written. Not thread-safe to change;
// const use from many threads is fine.

#include "core/crypto/secret_key.hpp"
#include "core/error.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <vector>

namespace casechain::core::crypto {

using key_version = std::uint32_t;

class data_keys {
 public:
  // A new ring in memory: key version 1 (active) and a hash key.
  static data_keys generate();
  // Reads the ring; refuses a file whose mode grants group or others anything.
  static result<data_keys> load(const std::filesystem::path& file);
  // Writes a new ring to `file` (mode 0600) unless one exists; exclusively,
  // so two processes starting at once never make two rings: the loser loads
  // the winner's.
  static result<data_keys> create(const std::filesystem::path& file);
  // Replaces `file` atomically (mode 0600); used by rotation.
  result<void> save(const std::filesystem::path& file) const;

  key_version active_version() const { return active_; }
  // nullptr for a version the ring does not hold (never made, or retired).
  const secret_key* find(key_version version) const;
  std::vector<key_version> versions() const;  // ascending
  const secret_key& hash_key() const { return hash_key_; }

  // Adds a key one version above the highest and makes it active.
  key_version add_version();
  // Forgets a version's key; failed_precondition for the active one,
  // not_found for a version not held.
  result<void> retire(key_version version);

 private:
  data_keys() = default;
  std::string to_text() const;
  static result<data_keys> from_text(std::string_view text, const std::filesystem::path& file);

  std::map<key_version, secret_key> keys_;
  key_version active_ = 0;
  secret_key hash_key_;
};

}  // namespace casechain::core::crypto
