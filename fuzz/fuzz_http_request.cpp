// Fuzzes the HTTP request handling path up to the handlers, without the
// network: the fuzz bytes are one raw HTTP/1.1 request (method, target,
// headers, body), parsed by Beast as the server parses it, then answered as a
// session answers it (static assets, else the router, then the request's
// audit entries), by a real app_state on a temporary data folder with one
// user per role. In a header or the body, "{token:ROLE}" and "{csrf:ROLE}"
// become that user's live session and CSRF tokens (ROLE: admin, triage,
// manager, police, prosecutor, social, coordinator, auditor), so the fuzzer
// gets past log-in.
// Oracles beyond the sanitizers: no exception escapes (bad input never
// throws), no answer is a 500, and every answer carries a status the API uses.
#include "api/app/app_state.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/audit_trail.hpp"
#include "api/http/static_assets.hpp"
#include "core/auth/sessions.hpp"
#include "core/store/audit_store.hpp"
#include "core/store/organisation_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <boost/beast/http/read.hpp>
#include <boost/beast/http/parser.hpp>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

namespace {

using namespace casechain;
namespace http = boost::beast::http;

void check(bool condition) {
  if (!condition) std::abort();
}

constexpr const char* password = "a long passphrase 42";

struct live_session {
  std::string token;
  std::string csrf;
};

// The app, its users' sessions and the routes, made once per fuzzing process.
struct world {
  test::temp_dir tmp;
  core::data_dir dir = core::data_dir::create(tmp / "var").value();
  std::unique_ptr<api::app_state> app = api::app_state::open(dir, {{}, 1, {256, 1, 1}}).value();
  std::unique_ptr<api::router> routes = api::build_router();
  std::map<std::string, live_session> sessions;
  core::timestamp clock = core::now_utc();

  world() {
    app->set_clock([this] { return clock; });
    app->db().write([&](SQLite::Database& db) {
      auto fjc = core::store::add_organisation(db, "FJC", core::sector::administration, clock).value();
      auto police = core::store::add_organisation(db, "Police", core::sector::police, clock).value();
      auto justice = core::store::add_organisation(db, "Parket", core::sector::justice, clock).value();
      auto care = core::store::add_organisation(db, "CAW", core::sector::care, clock).value();
      auto add = [&](const char* name, core::organisation_id org, core::role r) {
        core::store::add_user(db, {name, org, {r}, app->hasher().hash(password)}, clock).value();
        auto s = core::auth::log_in(db, app->hasher(), name, password, "127.0.0.1", clock).value();
        sessions[name] = {s.token, s.csrf_token};
      };
      add("admin", fjc.id, core::role::admin);
      add("triage", fjc.id, core::role::triage);
      add("manager", fjc.id, core::role::case_manager);
      add("coordinator", fjc.id, core::role::coordinator);
      add("auditor", fjc.id, core::role::auditor);
      add("police", police.id, core::role::police);
      add("prosecutor", justice.id, core::role::prosecutor);
      add("social", care.id, core::role::social_worker);
      return 0;
    });
  }
};

world& the_world() {
  static world w;
  return w;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

std::string with_live_tokens(std::string raw, const world& w) {
  if (raw.find('{') == std::string::npos) return raw;
  for (const auto& [name, s] : w.sessions) {
    replace_all(raw, "{token:" + name + "}", s.token);
    replace_all(raw, "{csrf:" + name + "}", s.csrf);
  }
  return raw;
}

// The request as the server reads it (api/server: the same header and body limits).
std::optional<api::request> parse(const std::string& raw) {
  http::request_parser<http::string_body> parser;
  parser.eager(true);
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  boost::system::error_code ec;
  auto rest = boost::asio::buffer(raw);
  while (!parser.is_done()) {
    if (rest.size() == 0) {
      if (!parser.got_some()) return std::nullopt;
      parser.put_eof(ec);  // the bytes end here, as a closed connection
      if (ec) return std::nullopt;
      break;
    }
    auto used = parser.put(rest, ec);
    rest += used;
    if (ec == http::error::need_more && used > 0) continue;
    if (ec) return std::nullopt;  // malformed, or more needed than there is
  }
  return parser.release();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& w = the_world();
  auto req = parse(with_live_tokens(std::string(reinterpret_cast<const char*>(data), size), w));
  if (!req) return 0;

  api::request_context context{*req, *w.app, "fuzz", "127.0.0.1", w.app->now(), {}, {}, {}, 0, {}, {}, {}, false};
  api::response res;
  if (auto asset = api::static_asset(*req)) res = std::move(*asset);
  else res = w.routes->handle(context);
  api::finish_audit(context, res.result_int());
  if (!context.audit.empty() && !context.audit_committed) {
    auto stored = w.app->db().write([&](SQLite::Database& db) {
      return core::store::append_audit_entries(db, w.app->audit_key(), context.audit);
    });
    check(bool(stored));
  }
  check(res.result() != http::status::internal_server_error);
  check(res.result_int() >= 200 && res.result_int() < 600);
  return 0;
}
