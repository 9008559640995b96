#pragma once
// Keyed hashes (HMAC-SHA256) for equality lookups on sealed fields: the
// store keeps hash(value) beside the sealed value and looks rows up by it,
// so no plaintext is needed to find a match, and without the key (kept in
// the data key file, apart from the sealing keys) a hash cannot be tested
// against guessed values. The purpose (e.g. "report_persons.phone") is part
// of the input, so equal values in two purposes hash apart.
// Thread-safe: const.

#include "core/crypto/data_keys.hpp"

#include <array>
#include <string_view>

namespace casechain::core::crypto {

using lookup_hash = std::array<unsigned char, 32>;

class keyed_hash {
 public:
  explicit keyed_hash(const secret_key& key) : key_(key) {}
  // Throws std::runtime_error only when OpenSSL itself fails.
  lookup_hash operator()(std::string_view purpose, std::string_view value) const;

 private:
  secret_key key_;
};

}  // namespace casechain::core::crypto
