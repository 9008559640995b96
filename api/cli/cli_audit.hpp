#pragma once
// Commands that read or release case data leave an audit entry too. A
// command has no logged-in user: the entry names the command and the
// operating-system account that ran it (as its purpose), never any values.

#include "core/data_dir.hpp"
#include "core/error.hpp"

#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>

namespace casechain::api::cli {

// The operating-system account running the command, as audit entries name it.
std::string command_account();

core::result<void> audit_command(SQLite::Database& db, const core::data_dir& dir, std::string_view action,
                                 std::string_view command, std::string_view categories);

}  // namespace casechain::api::cli
