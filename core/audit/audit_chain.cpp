#include "core/audit/audit_chain.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace casechain::core::audit {
namespace {

// Appends `text` as an 8-byte big-endian length and its bytes.
void put(std::string& out, std::string_view text) {
  auto n = static_cast<std::uint64_t>(text.size());
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xff));
  out.append(text);
}

void put(std::string& out, std::optional<std::int64_t> value) {
  put(out, value ? std::to_string(*value) : std::string_view{});
}

entry_hash hmac(const audit_key& key, std::string_view message) {
  entry_hash out{};
  unsigned int length = 0;
  auto k = key.bytes();
  if (!HMAC(EVP_sha256(), k.data(), static_cast<int>(k.size()), reinterpret_cast<const unsigned char*>(message.data()),
            message.size(), out.data(), &length) ||
      length != out.size())
    throw std::runtime_error("HMAC-SHA256 failed");
  return out;
}

}  // namespace

entry_hash chain_start(const audit_key& key) { return hmac(key, "casechain audit trail v1"); }

entry_hash chain_hash(const audit_key& key, const entry_hash& previous, const audit_entry& e) {
  std::string message(reinterpret_cast<const char*>(previous.data()), previous.size());
  message.reserve(256);
  put(message, std::optional<std::int64_t>{e.id});
  put(message, format_timestamp(e.at));
  put(message, e.user);
  put(message, e.organisation);
  put(message, e.roles);
  put(message, e.action);
  put(message, e.case_ref);
  put(message, e.category);
  put(message, e.legal_basis);
  put(message, e.purpose);
  put(message, to_string(e.result));
  put(message, e.request_id);
  return hmac(key, message);
}

}  // namespace casechain::core::audit
