#pragma once
// The keyed hash chain: hash(n) = HMAC-SHA256(key, hash(n-1) || fields(n)),
// with hash(0) a fixed start value. Fields are length-prefixed, so no two
// different entries encode alike; the id is included, so a row cannot move.

#include "core/audit/audit_entry.hpp"
#include "core/audit/audit_key.hpp"

namespace casechain::core::audit {

// The value the first entry chains from.
entry_hash chain_start(const audit_key& key);

entry_hash chain_hash(const audit_key& key, const entry_hash& previous, const audit_entry& e);

}  // namespace casechain::core::audit
