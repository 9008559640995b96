#pragma once
// Reading a whole-number option within bounds, with a clear message otherwise.

#include "api/cli/command_line.hpp"
#include "core/error.hpp"

#include <charconv>
#include <cstdint>
#include <string>

namespace casechain::api::cli {

inline core::result<std::int64_t> number_option(const parsed_args& args, std::string_view name, std::int64_t low,
                                                std::int64_t high) {
  const auto& text = args.get(name);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < low || value > high)
    return core::fail(core::errc::invalid_argument, "--" + std::string(name) + ": expected a whole number from " +
                                                        std::to_string(low) + " to " + std::to_string(high) +
                                                        ", got '" + text + "'");
  return value;
}

}  // namespace casechain::api::cli
