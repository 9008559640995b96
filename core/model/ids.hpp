#pragma once
// Row identifiers. Plain integers (SQLite rowids); the names say which table.

#include <cstdint>

namespace casechain::core {

using organisation_id = std::int64_t;
using user_id = std::int64_t;
using person_id = std::int64_t;
using family_id = std::int64_t;
using report_id = std::int64_t;
using case_id = std::int64_t;
using event_id = std::int64_t;

}  // namespace casechain::core
