#include "core/crypto/keyed_hash.hpp"

#include <openssl/crypto.h>
#include <openssl/hmac.h>

#include <stdexcept>
#include <string>

namespace casechain::core::crypto {

lookup_hash keyed_hash::operator()(std::string_view purpose, std::string_view value) const {
  // purpose, a NUL, then the value: "a" + "b\0c" and "a\0b" + "c" cannot meet (purposes hold no NUL).
  std::string input;
  input.reserve(purpose.size() + 1 + value.size());
  input.append(purpose).append(1, '\0').append(value);
  lookup_hash out{};
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()), reinterpret_cast<const unsigned char*>(input.data()),
           input.size(), out.data(), &length) == nullptr ||
      length != out.size())
    throw std::runtime_error("OpenSSL failed to compute a keyed hash");
  OPENSSL_cleanse(input.data(), input.size());
  return out;
}

}  // namespace casechain::core::crypto
