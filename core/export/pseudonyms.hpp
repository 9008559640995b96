#pragma once
// Per-export pseudonyms: an HMAC-SHA256 of the kind and the internal id under
// a 256-bit key drawn from OpenSSL's CSPRNG when the export starts and never
// stored, so one export is consistent within itself and two exports cannot be
// joined. Throws std::runtime_error when the CSPRNG fails (nothing is written then).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace casechain::core::research {

class pseudonyms {
 public:
  pseudonyms();  // draws the key
  // e.g. of("F", 42) -> "F-3f9a0c1d2e4b5a69" (16 hex digits: 64 bits).
  std::string of(std::string_view kind, std::int64_t id) const;

 private:
  std::array<unsigned char, 32> key_{};
};

}  // namespace casechain::core::research
