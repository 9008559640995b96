#pragma once
// What the store needs to protect sensitive fields, made from one key ring:
// the sealer (AES-256-GCM per value) and the keyed hash for equality
// lookups. Load the ring once per process (core/data_protection.hpp) and
// share this; thread-safe: const.

#include "core/crypto/data_keys.hpp"
#include "core/crypto/keyed_hash.hpp"
#include "core/crypto/sealer.hpp"

#include <memory>

namespace casechain::core::crypto {

struct field_protection {
  explicit field_protection(std::shared_ptr<const data_keys> keys)
      : sealing(keys), lookup(keys->hash_key()) {}

  crypto::sealer sealing;
  crypto::keyed_hash lookup;
};

// A protection over a fresh in-memory ring: for tests and benchmarks.
inline std::shared_ptr<const field_protection> ephemeral_protection() {
  return std::make_shared<const field_protection>(std::make_shared<const data_keys>(data_keys::generate()));
}

}  // namespace casechain::core::crypto
