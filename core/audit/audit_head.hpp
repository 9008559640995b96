#pragma once
// The audit trail's head outside the database: the id and hash of the newest
// entry known committed, in secrets/audit.head. A hash chain alone cannot show
// entries cut off its end (the shorter chain still verifies); checked against
// the head, it can. The head only moves forward, and may lag the trail by the
// entries committed since it was last written (the server writes it after
// every committed group of audit entries).

#include "core/audit/audit_chain.hpp"
#include "core/data_dir.hpp"
#include "core/error.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>

namespace casechain::core::audit {

struct audit_head {
  std::int64_t id = 0;
  entry_hash hash{};
};

std::filesystem::path audit_head_file(const data_dir& dir);
// The recorded head; none when no head was written yet. A damaged file is an error.
result<std::optional<audit_head>> read_audit_head(const data_dir& dir);
// Replaces the head atomically (a new file renamed over the old, mode 0600).
result<void> write_audit_head(const data_dir& dir, const audit_head& head);

}  // namespace casechain::core::audit
