#include "api/cli/cli_audit.hpp"

#include "core/audit/audit_key.hpp"
#include "core/store/audit_store.hpp"

#include <pwd.h>
#include <unistd.h>

namespace casechain::api::cli {
std::string command_account() {
  if (auto* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
  return "uid " + std::to_string(::geteuid());
}

core::result<void> audit_command(SQLite::Database& db, const core::data_dir& dir, std::string_view action,
                                 std::string_view command, std::string_view categories) {
  auto key = core::audit::audit_key::of(dir);
  if (!key) return key.error();
  core::audit::audit_entry e;
  e.at = core::now_utc();
  e.action = std::string(action);
  e.category = std::string(categories);
  e.legal_basis = "duty";
  e.purpose = std::string(command) + " (by " + command_account() + ")";
  std::vector<core::audit::audit_entry> entries{std::move(e)};
  return core::store::append_audit_entries(db, *key, entries);
}

}  // namespace casechain::api::cli
