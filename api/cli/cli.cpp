#include "api/cli/cli.hpp"

#include "api/cli/commands.hpp"

#include <iostream>

namespace casechain::api::cli {
namespace {

std::vector<command_spec> all_commands() {
  std::vector<command_spec> commands;
  for (auto group : {serve_commands, init_commands, organisation_commands, user_commands, intake_commands,
                     triage_commands, case_commands, audit_commands, demo_commands, stats_commands,
                     research_commands, key_commands, backup_commands, retention_commands})
    for (auto& command : group()) commands.push_back(std::move(command));
  return commands;
}

}  // namespace

int report_error(io& streams, const core::error& e) {
  streams.err << "casechain: " << e.message << "\n";
  return e.code == core::errc::invalid_argument ? exit_usage : exit_failure;
}

int usage_error(io& streams, std::string_view command, std::string_view message) {
  streams.err << "casechain: " << message << "; see `casechain " << command << " --help`\n";
  return exit_usage;
}

int run(const std::vector<std::string>& arguments, io& streams) {
  static const auto commands = all_commands();
  auto outcome = parse(commands, arguments);
  if (!outcome.usage_error.empty()) {
    streams.err << "casechain: " << outcome.usage_error << "\n";
    return exit_usage;
  }
  if (!outcome.help_text.empty()) {
    streams.out << outcome.help_text;
    return exit_ok;
  }
  try {
    return outcome.command->run(outcome.args, streams);
  } catch (const std::exception& e) {
    streams.err << "casechain: unexpected failure in `" << outcome.command->words << "`: " << e.what() << "\n";
    return exit_failure;
  }
}

}  // namespace casechain::api::cli
