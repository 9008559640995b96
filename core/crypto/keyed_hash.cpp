#include "core/crypto/keyed_hash.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <stdexcept>

namespace casechain::core::crypto {

struct keyed_hash::mac_context {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  EVP_MAC_CTX* context = mac ? EVP_MAC_CTX_new(mac) : nullptr;
  ~mac_context() {
    EVP_MAC_CTX_free(context);  // the provider wipes the key as it frees it
    EVP_MAC_free(mac);
  }
};

keyed_hash::keyed_hash(const secret_key& key) : keyed_(std::make_unique<mac_context>()) {
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_construct_end()};
  if (keyed_->context == nullptr || EVP_MAC_init(keyed_->context, key.data(), key.size(), params) != 1)
    throw std::runtime_error("OpenSSL cannot set up HMAC-SHA256");
}

keyed_hash::~keyed_hash() = default;

lookup_hash keyed_hash::operator()(std::string_view purpose, std::string_view value) const {
  // purpose, a NUL, then the value: "a" + "b\0c" and "a\0b" + "c" cannot meet (purposes hold no NUL).
  static constexpr unsigned char separator = 0;
  lookup_hash out{};
  std::size_t length = 0;
  EVP_MAC_CTX* c = EVP_MAC_CTX_dup(keyed_->context);
  bool ok = c != nullptr &&
            EVP_MAC_update(c, reinterpret_cast<const unsigned char*>(purpose.data()), purpose.size()) == 1 &&
            EVP_MAC_update(c, &separator, 1) == 1 &&
            EVP_MAC_update(c, reinterpret_cast<const unsigned char*>(value.data()), value.size()) == 1 &&
            EVP_MAC_final(c, out.data(), &length, out.size()) == 1 && length == out.size();
  EVP_MAC_CTX_free(c);
  if (!ok) throw std::runtime_error("OpenSSL failed to compute a keyed hash");
  return out;
}

}  // namespace casechain::core::crypto
