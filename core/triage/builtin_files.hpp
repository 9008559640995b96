#pragma once
// The instrument and lexicon files built into the binary (from
// core/triage/instruments/ and core/triage/lexicons/), by file name.

#include "core/util/embedded_file.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace casechain::core::triage {

std::span<const embedded_file> builtin_files();

inline std::optional<std::string_view> builtin_file(std::string_view name) {
  for (const auto& file : builtin_files())
    if (file.name == name) return file.bytes;
  return std::nullopt;
}

}  // namespace casechain::core::triage
