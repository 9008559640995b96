#pragma once
// Seals one field value with AES-256-GCM (OpenSSL EVP) under the ring's
// active key, and opens it again. Each seal draws a fresh random 96-bit
// nonce. The associated data binds the blob to where it is stored — table,
// column, row (and position, for tables keyed by two numbers) — and to its
// key version, so a blob copied to another row or column, or relabelled
// with another key version, does not open.
//
// Blob layout (33 bytes + the value's length):
//   [0]       format version (1)
//   [1..4]    key version, big-endian
//   [5..16]   nonce (12 bytes)
//   [17..n-17] ciphertext (as long as the value)
//   [n-16..n) GCM tag (16 bytes)
//
// Errors name the table, column and row, never the value: open() answers
// failed_precondition for a blob that is cut short, of an unknown format,
// sealed under a key version the ring does not hold (retired or from another
// ring), or that fails authentication (tampered, or stored elsewhere).
// The sealer takes the ring as it is when made (later changes to the ring
// are not seen): each key's cipher context is set up once, and each call
// works on its own copy. Nonces are drawn from RAND_bytes in blocks (a
// fresh block after a fork). Thread-safe.

#include "core/crypto/data_keys.hpp"
#include "core/error.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace casechain::core::crypto {

using sealed_blob = std::vector<unsigned char>;

// Where a sealed value lives. `position` is the second part of the key of a
// table keyed by two numbers (report_persons: report id, position); 0 otherwise.
struct field_address {
  std::string_view table;
  std::string_view column;
  std::int64_t row = 0;
  std::int64_t position = 0;
};

inline constexpr std::uint8_t sealed_format = 1;
inline constexpr std::size_t sealed_overhead = 1 + 4 + 12 + 16;

class sealer {
 public:
  // Sets up a cipher context per key of the ring. Throws std::runtime_error
  // only when OpenSSL itself fails (no AES-256-GCM).
  explicit sealer(std::shared_ptr<const data_keys> keys);
  ~sealer();
  sealer(const sealer&) = delete;
  sealer& operator=(const sealer&) = delete;

  // Under the active key. Throws std::runtime_error only when OpenSSL fails (no randomness).
  sealed_blob seal(std::string_view value, const field_address& at) const;
  result<std::string> open(std::span<const unsigned char> blob, const field_address& at) const;

  // The key version a blob names, without opening it; nullopt for a blob too short or of an unknown format.
  static std::optional<key_version> version_of(std::span<const unsigned char> blob);

  key_version active_version() const { return active_; }

 private:
  key_version active_;
  struct contexts;  // OpenSSL's AES-256-GCM and a context per key, keyed once
  std::unique_ptr<contexts> contexts_;
  struct nonce_pool;
  std::unique_ptr<nonce_pool> nonces_;
};

}  // namespace casechain::core::crypto
