#include "core/crypto/secret_key.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace casechain::core::crypto {

secret_key::~secret_key() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

secret_key secret_key::random() {
  secret_key key;
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
    throw std::runtime_error("no randomness available for a new key");
  return key;
}

}  // namespace casechain::core::crypto
