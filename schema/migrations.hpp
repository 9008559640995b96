#pragma once
// The schema migrations shipped in this binary, in the order they apply.
// Migration N is the file whose name starts with N (0001_initial.sql is 1);
// the store checks that the numbers run 1, 2, 3, ... without gaps.

#include "core/util/embedded_file.hpp"

#include <span>

namespace casechain::schema {

using core::embedded_file;

std::span<const embedded_file> migrations();

}  // namespace casechain::schema
