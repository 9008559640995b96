#pragma once
// The chain's calendar and clock settings for a command: the defaults, or
// the files named by --holidays and --clocks (each at most 1 MiB).

#include "api/cli/command_line.hpp"
#include "chain/clocks.hpp"

namespace casechain::api::cli {

struct chain_settings {
  chain::working_calendar calendar;
  chain::clock_settings clocks;
};

inline option_spec holidays_option() {
  return {"holidays", "FILE", "a holiday file: {\"include_belgian\": true, \"holidays\": [\"2026-07-11\"]}"};
}
inline option_spec clocks_option() { return {"clocks", "FILE", "clock settings (JSON) instead of the defaults"}; }

// Errors: not_found for a file that cannot be read, invalid_argument for its content.
core::result<chain_settings> load_chain_settings(const parsed_args& args);

}  // namespace casechain::api::cli
