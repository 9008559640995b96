#pragma once
// Reading a new password for a command: from a terminal with echo off and a
// confirmation, otherwise the first line of standard input. Never from an
// argument (arguments show in process lists and shell history).

#include "api/cli/command_line.hpp"
#include "core/error.hpp"

#include <string>

namespace casechain::api::cli {

// invalid_argument when input ends before a password or the two entries differ.
core::result<std::string> read_new_password(io& streams, std::string_view for_whom);

}  // namespace casechain::api::cli
