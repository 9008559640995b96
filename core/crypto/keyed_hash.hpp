#pragma once
// Keyed hashes (HMAC-SHA256) for equality lookups on sealed fields: the
// store keeps hash(value) beside the sealed value and looks rows up by it,
// so no plaintext is needed to find a match, and without the key (kept in
// the data key file, apart from the sealing keys) a hash cannot be tested
// against guessed values. The purpose (e.g. "report_persons.phone") is part
// of the input, so equal values in two purposes hash apart.
// Thread-safe: the keyed MAC context is set up once; each call works on its
// own copy.

#include "core/crypto/secret_key.hpp"

#include <array>
#include <memory>
#include <string_view>

namespace casechain::core::crypto {

using lookup_hash = std::array<unsigned char, 32>;

class keyed_hash {
 public:
  // Throws std::runtime_error only when OpenSSL itself fails (no HMAC-SHA256).
  explicit keyed_hash(const secret_key& key);
  ~keyed_hash();
  keyed_hash(const keyed_hash&) = delete;
  keyed_hash& operator=(const keyed_hash&) = delete;

  lookup_hash operator()(std::string_view purpose, std::string_view value) const;

 private:
  struct mac_context;  // HMAC-SHA256 keyed once; wiped when freed
  std::unique_ptr<mac_context> keyed_;
};

}  // namespace casechain::core::crypto
