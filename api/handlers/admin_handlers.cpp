// Organisation and user administration, for the admin role (who sees no case content).
#include "api/handlers/handler_support.hpp"
#include "api/http/audit_trail.hpp"
#include "api/handlers/routes.hpp"
#include "core/auth/password.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/session_store.hpp"

#include <boost/json/array.hpp>

namespace casechain::api {
namespace {

using core::role;

core::result<response> list_organisations(request_context& c) {
  auto all = c.app.db().read([](SQLite::Database& db) { return core::store::list_organisations(db); });
  if (!all) return all.error();
  return answer(c, http::status::ok, [&](core::json_writer& w) {
    w.begin_object();
    w.key("organisations");
    w.begin_array();
    for (const auto& o : *all) {
      w.begin_object();
      w.field("id", std::int64_t{o.id});
      w.field("name", o.name);
      w.field("sector", core::to_string(o.sector));
      w.end_object();
    }
    w.end_array();
    w.end_object();
  });
}

core::result<response> add_organisation(request_context& c) {
  auto in = read_json(c, {"name", "sector"});
  if (in.problem) return std::move(*in.problem);
  auto name = string_field(*in.body, "name", 200);
  auto sector_text = string_field(*in.body, "sector", 20);
  if (!name) return name.error();
  if (!sector_text) return sector_text.error();
  auto s = *sector_text ? core::parse<core::sector>(**sector_text) : std::nullopt;
  if (!*name || !s) return core::fail(core::errc::invalid_argument, "send name and sector (police, justice, care or administration)");
  auto added = audited_write(c, [&](SQLite::Database& db) { return core::store::add_organisation(db, **name, *s, c.now); });
  if (!added) return added.error();
  return answer(c, http::status::created, [&](core::json_writer& w) {
    w.begin_object();
    w.field("id", std::int64_t{added->id});
    w.end_object();
  });
}

core::result<response> add_user(request_context& c) {
  auto in = read_json(c, {"username", "organisation", "roles", "password"});
  if (in.problem) return std::move(*in.problem);
  auto username = string_field(*in.body, "username", 64);
  auto org = integer_field(*in.body, "organisation");
  auto password = string_field(*in.body, "password", 1024);
  if (!username) return username.error();
  if (!org) return org.error();
  if (!password) return password.error();
  if (!*username || !*org || !*password) return core::fail(core::errc::invalid_argument, "send username, organisation, roles and password");
  if (auto problem_text = core::auth::password_problem(**password)) return core::fail(core::errc::invalid_argument, "password: " + *problem_text);
  std::vector<role> roles;
  auto list = in.body->if_contains("roles");
  if (!list || !list->is_array()) return core::fail(core::errc::invalid_argument, "roles: expected a list of roles");
  for (const auto& r : list->get_array()) {
    auto parsed = r.is_string() ? core::parse<role>(std::string_view(r.get_string())) : std::nullopt;
    if (!parsed) return core::fail(core::errc::invalid_argument, "roles: unknown role");
    roles.push_back(*parsed);
  }
  auto hash = c.app.hasher().hash(**password);
  auto added = audited_write(c, [&](SQLite::Database& db) {
    return core::store::add_user(db, {**username, **org, roles, hash}, c.now);
  });
  if (!added) return added.error();
  return answer(c, http::status::created, [&](core::json_writer& w) { write_user(w, *added); });
}

core::result<response> disable_user(request_context& c) {
  auto done = audited_write(c, [&](SQLite::Database& db) -> core::result<void> {
    if (auto d = core::store::set_user_disabled(db, c.ids[0], true); !d) return d.error();
    // Its sessions end at once, not at their next request.
    if (auto ended = core::store::end_user_sessions(db, c.ids[0], c.now); !ended) return ended.error();
    return {};
  });
  if (!done) return done.error();
  return response{http::status::no_content, c.req.version()};
}

}  // namespace

void add_admin_routes(router& r) {
  const std::vector<role> admin{role::admin};
  r.add({http::verb::get, "/api/v1/organisations", admin, false, "The organisations of the chain.", list_organisations});
  r.add({http::verb::post, "/api/v1/organisations", admin, false, "Add an organisation.", add_organisation});
  r.add({http::verb::post, "/api/v1/users", admin, false, "Add a user (password policy applies).", add_user});
  r.add({http::verb::post, "/api/v1/users/{id}/disable", admin, false, "Disable a user; its sessions end at once.", disable_user});
}

}  // namespace casechain::api
