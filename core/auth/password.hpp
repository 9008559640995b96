#pragma once
// Password hashing (Argon2id with a per-user salt and a server-side pepper
// that never enters the database) and the password policy: 12 to 256
// characters, no composition rules, common passwords refused with the reason.
// Hashes are PHC strings: $argon2id$v=19$m=...,t=...,p=...$salt$hash.
// Thread-safe: a hasher holds only its pepper and parameters.

#include "core/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casechain::core::auth {

struct argon2_parameters {
  std::uint32_t memory_kib = 19456;  // OWASP's minimum for Argon2id
  std::uint32_t iterations = 2;
  std::uint32_t parallelism = 1;
};

class password_hasher {
 public:
  explicit password_hasher(std::string pepper, argon2_parameters parameters = {});

  // A new PHC string for `password`. Throws only if the system has no randomness.
  std::string hash(std::string_view password) const;
  // True when `password` matches `encoded`; false for a malformed hash.
  bool verify(std::string_view password, std::string_view encoded) const;

 private:
  std::string pepper_;
  argon2_parameters parameters_;
};

// Why `password` is not acceptable (in words for the user), or nullopt.
std::optional<std::string> password_problem(std::string_view password);

}  // namespace casechain::core::auth
