#pragma once
// The commands of `casechain`, one group per file, and what they share:
// the --data option, and how a core error becomes a message and exit status
// (1 for a failure, 2 for a usage error, as for the parser's own errors).

#include "api/cli/command_line.hpp"
#include "core/error.hpp"

#include <vector>

namespace casechain::api::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;

inline option_spec data_option() {
  return {"data", "DIR", "the data folder", "./var"};
}

// Prints "casechain: <message>" to err; returns 2 for invalid_argument, 1 otherwise.
int report_error(io& streams, const core::error& e);
// Prints a usage error for `command` and returns 2.
int usage_error(io& streams, std::string_view command, std::string_view message);

std::vector<command_spec> init_commands();
std::vector<command_spec> organisation_commands();
std::vector<command_spec> user_commands();
std::vector<command_spec> demo_commands();
std::vector<command_spec> intake_commands();
std::vector<command_spec> triage_commands();
std::vector<command_spec> case_commands();
std::vector<command_spec> serve_commands();
std::vector<command_spec> audit_commands();
std::vector<command_spec> stats_commands();
std::vector<command_spec> research_commands();
std::vector<command_spec> key_commands();
std::vector<command_spec> backup_commands();
std::vector<command_spec> retention_commands();

}  // namespace casechain::api::cli
