#pragma once
// Entry point of the command line: parses the arguments, runs the command,
// returns the exit status. Unexpected faults are caught here, reported in one
// line without details, and give status 1.

#include "api/cli/command_line.hpp"

#include <string>
#include <vector>

namespace casechain::api::cli {

int run(const std::vector<std::string>& arguments, io& streams);

}  // namespace casechain::api::cli
