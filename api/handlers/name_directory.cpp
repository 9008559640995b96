#include "api/handlers/name_directory.hpp"

#include "core/store/organisation_store.hpp"

#include <map>
#include <string>
#include <vector>

namespace casechain::api {

core::result<void> name_directory::write(core::json_writer& w, SQLite::Database& db) const {
  std::map<core::user_id, std::string> usernames;
  std::map<core::organisation_id, std::vector<core::user_id>> staff_of;
  for (auto id : users_) {
    auto u = core::store::get_user(db, id);
    if (u) usernames[id] = u->username;
    else if (u.error().code != core::errc::not_found) return u.error();
  }
  for (auto org : staffed_) {
    // Only users whose role may report on an intervention can own one.
    auto staff = core::store::usernames_with_roles(
        db, org, {core::role::case_manager, core::role::social_worker, core::role::police, core::role::prosecutor});
    if (!staff) return staff.error();
    for (auto& [id, name] : *staff) {
      staff_of[org].push_back(id);
      usernames[id] = std::move(name);
    }
  }
  std::set<core::organisation_id> orgs = organisations_;
  orgs.insert(staffed_.begin(), staffed_.end());
  w.key("names");
  w.begin_object();
  w.key("organisations");
  w.begin_object();
  for (auto id : orgs) {
    auto o = core::store::get_organisation(db, id);
    if (o) w.field(std::to_string(id), o->name);
    else if (o.error().code != core::errc::not_found) return o.error();
  }
  w.end_object();
  w.key("users");
  w.begin_object();
  for (const auto& [id, name] : usernames) w.field(std::to_string(id), name);
  w.end_object();
  if (!staff_of.empty()) {
    w.key("owners");
    w.begin_object();
    for (const auto& [org, ids] : staff_of) {
      w.key(std::to_string(org));
      w.begin_array();
      for (auto id : ids) w.integer(id);
      w.end_array();
    }
    w.end_object();
  }
  w.end_object();
  return {};
}

}  // namespace casechain::api
