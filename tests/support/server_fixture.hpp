#pragma once
// The real server, in the test process, on 127.0.0.1 and a free port, over
// TLS with its own self-signed certificate, on a fresh data folder with one
// organisation of each kind and one user per role (password "a long passphrase 42").

#include "api/app/app_state.hpp"
#include "api/server/server.hpp"
#include "api/server/tls.hpp"
#include "core/store/organisation_store.hpp"
#include "tests/support/https_client.hpp"
#include "tests/support/temp_dir.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

#include <sstream>

namespace casechain::test {

inline constexpr const char* test_password = "a long passphrase 42";

struct server_fixture {
  temp_dir tmp;
  core::data_dir dir = core::data_dir::create(tmp / "var").value();
  api::tls_files tls = api::ensure_self_signed(dir.root()).value().files;
  std::unique_ptr<api::app_state> app = api::app_state::open(dir, app_settings_for_tests()).value();
  std::ostringstream log;
  std::map<std::string, core::user> users;
  std::map<std::string, core::organisation> orgs;
  core::timestamp clock = core::now_utc();
  std::unique_ptr<api::server> server;
  std::unique_ptr<https_client> client;

  // Two readers, the cheapest password hashing, and audit.head moved after every group.
  static api::app_settings app_settings_for_tests() {
    api::app_settings s;
    s.readers = 2;
    s.password_cost = {256, 1, 1};
    s.audit_head_interval = std::chrono::milliseconds(0);
    return s;
  }

  server_fixture() : server_fixture(api::server_settings{}) {}
  // With the given settings (its port and I/O threads set for tests).
  explicit server_fixture(api::server_settings settings) {
    app->set_clock([this] { return clock; });
    app->db().write([&](SQLite::Database& db) {
      for (auto [name, s] : {std::pair{"FJC", core::sector::administration}, {"Police", core::sector::police},
                             {"Parket", core::sector::justice}, {"CAW", core::sector::care}})
        orgs[name] = core::store::add_organisation(db, name, s, clock).value();
      auto add = [&](const char* name, const char* org, core::role r) {
        users[name] =
            core::store::add_user(db, {name, orgs[org].id, {r}, app->hasher().hash(test_password)}, clock).value();
      };
      add("triage1", "FJC", core::role::triage);
      add("triage2", "FJC", core::role::triage);
      add("manager", "FJC", core::role::case_manager);
      add("police", "Police", core::role::police);
      add("prosecutor", "Parket", core::role::prosecutor);
      add("social", "CAW", core::role::social_worker);
      add("coordinator", "FJC", core::role::coordinator);
      add("auditor", "FJC", core::role::auditor);
      add("admin", "FJC", core::role::admin);
      return 0;
    });
    settings.port = 0;
    settings.threads = 2;
    server = api::server::start(settings, *app, api::make_server_context(tls).value(), log).value();
    client = std::make_unique<https_client>(tls.certificate, server->port());
  }
  ~server_fixture() { server->stop(); }

  // The server's log so far (its lines are written by a thread of their own).
  std::string log_text() {
    server->flush_log();
    return log.str();
  }

  // Logs in and returns the session token.
  std::string log_in(const std::string& username) {
    auto r = client->post("/api/v1/session",
                          R"({"username": ")" + username + R"(", "password": ")" + test_password + R"("})");
    REQUIRE(r.result() == http::status::ok);
    return std::string(boost::json::parse(r.body()).at("token").as_string());
  }
};

inline boost::json::value json_of(const test_response& r) { return boost::json::parse(r.body()); }

}  // namespace casechain::test
