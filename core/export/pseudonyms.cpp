#include "core/export/pseudonyms.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace casechain::core::research {

pseudonyms::pseudonyms() {
  if (RAND_bytes(key_.data(), static_cast<int>(key_.size())) != 1)
    throw std::runtime_error("the random generator failed; no export written");
}

std::string pseudonyms::of(std::string_view kind, std::int64_t id) const {
  std::string message(kind);
  message += ':';
  message += std::to_string(id);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), digest, &length);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out(kind);
  out += '-';
  for (unsigned i = 0; i < 8; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

}  // namespace casechain::core::research
