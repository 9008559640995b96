// `casechain user add|list`: the people who use CaseChain and their roles.
#include "api/cli/commands.hpp"
#include "api/cli/open_store.hpp"
#include "api/cli/password_input.hpp"
#include "core/auth/password.hpp"
#include "core/store/organisation_store.hpp"

#include <ostream>

namespace casechain::api::cli {
namespace {

// "triage,case_manager" -> roles; the unknown name otherwise.
core::result<std::vector<core::role>> parse_roles(const std::string& text) {
  std::vector<core::role> roles;
  size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    auto name = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto r = core::parse<core::role>(name);
    if (!r)
      return core::fail(core::errc::invalid_argument,
                        "--role: unknown role '" + name +
                            "'; expected triage, case_manager, police, prosecutor, social_worker, coordinator, "
                            "auditor or admin");
    roles.push_back(*r);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return roles;
}

int add_user(const parsed_args& args, io& streams) {
  const auto& username = args.get("username");
  if (auto problem = core::store::username_problem(username)) return usage_error(streams, "user add", *problem);
  auto roles = parse_roles(args.get("role"));
  if (!roles) return usage_error(streams, "user add", roles.error().message);
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return report_error(streams, dir.error());
  auto db = core::store::database::open(dir->database_file());
  if (!db) return report_error(streams, db.error());
  auto org = core::store::find_organisation(db->sql(), args.get("org"));
  if (!org) return report_error(streams, org.error());
  if (core::store::find_user(db->sql(), username))
    return report_error(streams, core::fail(core::errc::already_exists, "the username '" + username + "' is taken"));

  auto password = read_new_password(streams, username);
  if (!password) return report_error(streams, password.error());
  if (auto problem = core::auth::password_problem(*password))
    return report_error(streams, core::fail(core::errc::invalid_argument, *problem));
  auto pepper = dir->pepper();
  if (!pepper) return report_error(streams, pepper.error());
  core::auth::password_hasher hasher(*pepper);

  auto added = core::store::add_user(db->sql(), {username, org->id, *roles, hasher.hash(*password)}, core::now_utc());
  if (!added) return report_error(streams, added.error());
  streams.out << "Added user " << added->id << ": " << added->username << " of " << org->name << " (";
  for (size_t i = 0; i < added->roles.size(); ++i) streams.out << (i ? "," : "") << core::to_string(added->roles[i]);
  streams.out << ")\n";
  return exit_ok;
}

}  // namespace

std::vector<command_spec> user_commands() {
  command_spec add{
      "user add",
      "Add a user; the password is read from standard input, never from an argument.",
      {data_option(), {"username", "NAME", "the log-in name (a-z, 0-9, '.', '-', '_')", {}, true},
       {"org", "NAME", "the user's organisation", {}, true},
       {"role", "ROLE[,ROLE...]",
        "triage, case_manager, police, prosecutor, social_worker, coordinator, auditor, admin", {}, true}},
      {},
      add_user,
  };
  return {add};
}

}  // namespace casechain::api::cli
