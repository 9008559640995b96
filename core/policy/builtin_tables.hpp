#pragma once
// The policy tables built into the binary (from core/policy/tables/),
// by file name.

#include "core/util/embedded_file.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace casechain::core::policy {

std::span<const embedded_file> builtin_files();

inline std::optional<std::string_view> builtin_file(std::string_view name) {
  for (const auto& file : builtin_files())
    if (file.name == name) return file.bytes;
  return std::nullopt;
}

}  // namespace casechain::core::policy
