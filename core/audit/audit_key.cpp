#include "core/audit/audit_key.hpp"

#include <openssl/crypto.h>

namespace casechain::core::audit {

result<audit_key> audit_key::of(const data_dir& dir) {
  auto secret = load_or_create_secret(dir.secrets_dir() / "audit.key", size);
  if (!secret) return secret.error();
  return from_bytes(std::move(*secret));
}

result<audit_key> audit_key::existing(const data_dir& dir) {
  auto file = dir.secrets_dir() / "audit.key";
  std::error_code ec;
  if (!std::filesystem::exists(file, ec))
    return fail(errc::not_found, file.string() + " is missing: the audit trail cannot be checked without its key");
  return of(dir);
}

result<audit_key> audit_key::from_bytes(std::string bytes) {
  if (bytes.size() != size) return fail(errc::invalid_argument, "an audit key has exactly 32 bytes");
  return audit_key(std::move(bytes));
}

audit_key::audit_key(audit_key&& other) noexcept : bytes_(std::move(other.bytes_)) { other.wipe(); }

audit_key& audit_key::operator=(audit_key&& other) noexcept {
  if (this != &other) {
    wipe();
    bytes_ = std::move(other.bytes_);
    other.wipe();
  }
  return *this;
}

audit_key::~audit_key() { wipe(); }

void audit_key::wipe() {
  if (!bytes_.empty()) OPENSSL_cleanse(bytes_.data(), bytes_.size());
  bytes_.clear();
}

}  // namespace casechain::core::audit
