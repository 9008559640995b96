#pragma once
// The retention policies built into the binary (from core/retention/policies/), by file name.

#include "core/util/embedded_file.hpp"

#include <span>

namespace casechain::core::retention {

std::span<const embedded_file> builtin_files();

}  // namespace casechain::core::retention
