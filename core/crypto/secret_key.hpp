#pragma once
// 32 bytes of key material that wipe themselves (OPENSSL_cleanse) when freed,
// so a key never lingers in freed memory. Copies wipe on their own too.
// Never printed: there is no conversion to text.

#include <array>
#include <cstddef>

namespace casechain::core::crypto {

inline constexpr std::size_t key_bytes = 32;  // AES-256 and HMAC-SHA256 keys alike

class secret_key {
 public:
  secret_key() = default;
  secret_key(const secret_key&) = default;
  secret_key& operator=(const secret_key&) = default;
  ~secret_key();

  // A fresh key from RAND_bytes; throws std::runtime_error without randomness.
  static secret_key random();

  unsigned char* data() { return bytes_.data(); }
  const unsigned char* data() const { return bytes_.data(); }
  static constexpr std::size_t size() { return key_bytes; }

 private:
  std::array<unsigned char, key_bytes> bytes_{};
};

}  // namespace casechain::core::crypto
