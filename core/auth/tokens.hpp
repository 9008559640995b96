#pragma once
// Secret tokens for sessions and CSRF: 256 random bits from OpenSSL's
// CSPRNG, written as base64url without padding (43 characters, safe in
// cookies, headers and URLs), and their SHA-256 hashes, which are all the
// store ever sees. A plain hash (no salt, no Argon2) is enough because the
// tokens are random and long: there is nothing to guess from a dictionary.
// Errors: new_token and token_hash throw std::runtime_error only if OpenSSL
// has no randomness or no SHA-256 (unexpected; nothing a caller can fix).
// Thread safety: all functions are (RAND_bytes is thread-safe in OpenSSL 3).

#include <cstddef>
#include <string>
#include <string_view>

namespace casechain::core::auth {

inline constexpr std::size_t token_length = 43;  // base64url of 32 bytes, no padding

// A fresh token: 43 characters of A-Z a-z 0-9 '-' '_'.
std::string new_token();
// True when `text` has the shape of a token (length and alphabet), so
// obvious garbage is refused before hashing or asking the database.
bool looks_like_token(std::string_view text);
// SHA-256 of `token` as 32 raw bytes; any input (even empty) is hashed.
std::string token_hash(std::string_view token);
// Constant-time equality for secrets of equal length; unequal lengths
// return false at once (lengths are not secret: hashes are always 32 bytes).
bool same_secret(std::string_view a, std::string_view b);

}  // namespace casechain::core::auth
