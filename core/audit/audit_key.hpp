#pragma once
// The key of the audit trail's keyed hash chain: 32 random bytes in
// secrets/audit.key (mode 0600), outside the database, so whoever can edit
// the database cannot recompute the chain. Wiped from memory when freed.

#include "core/data_dir.hpp"
#include "core/error.hpp"

#include <string>

namespace casechain::core::audit {

class audit_key {
 public:
  static constexpr std::size_t size = 32;
  // Reads the data folder's key, creating it on first use.
  static result<audit_key> of(const data_dir& dir);
  // Reads the data folder's key; not_found when there is none (verifying
  // must never make a new key).
  static result<audit_key> existing(const data_dir& dir);
  // For tests: a key from given bytes (exactly `size` of them).
  static result<audit_key> from_bytes(std::string bytes);

  audit_key(const audit_key&) = delete;
  audit_key& operator=(const audit_key&) = delete;
  audit_key(audit_key&& other) noexcept;
  audit_key& operator=(audit_key&& other) noexcept;
  ~audit_key();

  std::string_view bytes() const { return bytes_; }

 private:
  explicit audit_key(std::string bytes) : bytes_(std::move(bytes)) {}
  void wipe();
  std::string bytes_;
};

}  // namespace casechain::core::audit
