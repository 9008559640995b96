// `casechain serve`: the HTTPS server on a data folder.
#include "api/app/app_state.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/serve_config.hpp"
#include "api/demo/seed.hpp"
#include "api/server/server.hpp"
#include "api/server/tls.hpp"
#include "core/store/organisation_store.hpp"

#include <charconv>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace casechain::api::cli {
namespace {

// "127.0.0.1:8443" or "[::1]:8443" -> host and port.
core::result<std::pair<std::string, unsigned short>> parse_listen(const std::string& text, const std::string& where) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return core::fail(core::errc::invalid_argument, where + ": expected HOST:PORT, e.g. 127.0.0.1:8443");
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  auto digits = std::string_view(text).substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc{} || end != digits.data() + digits.size() || port > 65535)
    return core::fail(core::errc::invalid_argument, where + ": the port must be a number from 0 to 65535");
  return std::pair{host, static_cast<unsigned short>(port)};
}

void print_accounts(io& streams, const demo::seed_summary& seeded) {
  streams.out << "Demo data: " << seeded.reports << " reports, " << seeded.decided << " decided, " << seeded.cases
              << " cases.\nDemo accounts (the passwords are shown this once):\n";
  for (const auto& a : seeded.accounts)
    streams.out << "  " << std::left << std::setw(18) << a.username << std::setw(15) << a.role << std::setw(22)
                << a.password << a.organisation << "\n";
}

// Opens the database, upgrading its schema here rather than silently inside
// the server's pool: on a large database an upgrade can take a minute, and
// whoever started the server should see why it is not listening yet.
core::result<core::store::database> open_upgraded(const core::data_dir& dir, io& streams) {
  const auto began = std::chrono::steady_clock::now();
  bool upgraded = false;
  auto db = core::store::database::open(dir.database_file(), {.before_upgrade = [&](int from, int to) {
                                          upgraded = true;
                                          streams.err << "Upgrading the database from schema version " << from
                                                      << " to " << to << "...\n";
                                        }});
  if (db && upgraded) {
    // Formatted apart, so the shared stream keeps its default number format.
    std::ostringstream took;
    took << std::fixed << std::setprecision(1)
         << std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    streams.err << "Upgraded in " << took.str() << " s.\n";
  }
  return db;
}

// The settings `serve` takes from the command line or the configuration
// file: every option but --config and --demo.
const std::vector<option_spec>& serve_settings_options() {
  static const std::vector<option_spec> options{
      data_option(),
      {"listen", "HOST:PORT", "the address to listen on", "127.0.0.1:8443"},
      {"cert", "FILE", "a PEM certificate (chain) to use instead of the self-signed one"},
      {"key", "FILE", "the PEM private key of --cert"},
      {"threads", "N", "I/O threads (0: one per core)", "0"},
      {"database-workers", "N", "threads for requests that touch the database (0: readers + 2)", "0"},
      {"readers", "N", "database reader connections", "4"},
      {"queue-limit", "N", "requests waiting for a database worker; more get 503 with Retry-After", "256"},
      {"max-connections", "N", "open connections; more are closed at once", "1000"},
      {"handshake-timeout", "SECONDS", "for the TLS handshake", "10"},
      {"idle-timeout", "SECONDS", "a kept-alive connection waiting for its next request", "60"},
      {"header-timeout", "SECONDS", "a request's whole header, from its first byte", "10"},
      {"body-timeout", "SECONDS", "a request's whole body, from the end of its header", "60"},
      {"write-timeout", "SECONDS", "writing one answer", "30"},
      {"header-limit", "BYTES", "the largest request header", "16384"},
      {"body-limit", "BYTES", "the largest request body (but imports)", "1048576"},
      {"import-body-limit", "BYTES", "the largest body of POST /api/v1/reports/import", "67108864"},
      {"body-budget", "BYTES", "request bodies in flight, server-wide; more get 503 with Retry-After", "268435456"},
  };
  return options;
}

struct serve_plan {
  std::string data;
  std::pair<std::string, unsigned short> listen;
  tls_files files;
  server_settings server;
  app_settings app;
};

// The effective settings: command line over file over defaults.
core::result<serve_plan> plan_of(const parsed_args& args) {
  config_file config;
  if (args.given("config")) {
    std::vector<std::string_view> known;
    for (const auto& o : serve_settings_options()) known.push_back(o.name);
    auto read = read_config_file(args.get("config"), known);
    if (!read) return read.error();
    config = std::move(*read);
  }
  serve_options o(args, std::move(config));
  serve_plan plan;
  plan.data = o.text("data");
  auto listen = parse_listen(o.text("listen"), o.where("listen"));
  if (!listen) return listen.error();
  plan.listen = *listen;
  plan.files = {o.text("cert"), o.text("key")};
  if (plan.files.certificate.empty() != plan.files.private_key.empty())
    return core::fail(core::errc::invalid_argument, "cert and key go together");
  auto& s = plan.server;
  s.host = listen->first;
  s.port = listen->second;
  constexpr std::int64_t day = 24 * 3600, gib = std::int64_t{1} << 30;
  auto count = [&](std::string_view name, std::int64_t low, std::int64_t high, std::size_t& into) -> core::result<void> {
    auto n = o.number(name, low, high);
    if (!n) return n.error();
    into = static_cast<std::size_t>(*n);
    return {};
  };
  auto seconds = [&](std::string_view name, std::chrono::seconds& into) -> core::result<void> {
    auto n = o.number(name, 1, day);
    if (!n) return n.error();
    into = std::chrono::seconds(*n);
    return {};
  };
  for (auto step : std::initializer_list<std::function<core::result<void>()>>{
           [&] { return count("threads", 0, 256, s.threads); },
           [&] { return count("database-workers", 0, 256, s.database_workers); },
           [&] { return count("readers", 1, 256, plan.app.readers); },
           [&] { return count("queue-limit", 1, 1000000, s.queue_limit); },
           [&] { return count("max-connections", 1, 1000000, s.max_connections); },
           [&] { return seconds("handshake-timeout", s.handshake_timeout); },
           [&] { return seconds("idle-timeout", s.idle_timeout); },
           [&] { return seconds("header-timeout", s.header_timeout); },
           [&] { return seconds("body-timeout", s.body_timeout); },
           [&] { return seconds("write-timeout", s.request_timeout); },
           [&] { return count("header-limit", 1024, 1 << 20, s.header_limit); },
           [&] { return count("body-limit", 1024, gib, s.body_limit); },
           [&] { return count("import-body-limit", 1024, 4 * gib, s.import_body_limit); },
           [&] { return count("body-budget", 1024, 64 * gib, s.body_budget); },
       })
    if (auto done = step(); !done) return done.error();
  return plan;
}

// --print-config: the effective settings as a configuration file, and where each came from.
void print_settings(const parsed_args& args, io& streams) {
  config_file config;
  if (args.given("config")) {
    std::vector<std::string_view> known;
    for (const auto& o : serve_settings_options()) known.push_back(o.name);
    config = read_config_file(args.get("config"), known).value();  // read once already by plan_of
  }
  serve_options o(args, config);
  for (const auto& option : serve_settings_options()) {
    std::string source = args.given(option.name) ? "command line"
                         : config.entries.count(std::string(option.name)) ? o.where(option.name)
                                                                          : "default";
    streams.out << option.name << " = " << o.text(option.name) << "  # " << source << "\n";
  }
}

int serve(const parsed_args& args, io& streams) {
  auto plan = plan_of(args);
  if (!plan) return usage_error(streams, "serve", plan.error().message);
  if (args.has("print-config")) {
    print_settings(args, streams);
    return exit_ok;
  }
  auto* listen = &plan->listen;

  auto dir = core::data_dir::open(plan->data);
  if (!dir && dir.error().code == core::errc::not_found) dir = core::data_dir::create(plan->data);
  if (!dir) return report_error(streams, dir.error());

  {  // closed before the server opens its own connections
    auto db = open_upgraded(*dir, streams);
    if (!db) return report_error(streams, db.error());
    if (args.has("demo")) {
      auto orgs = core::store::list_organisations(db->sql());
      if (!orgs) return report_error(streams, orgs.error());
      if (orgs->empty()) {
        streams.err << "Seeding demo data...\n";
        auto seeded = demo::seed(*dir, {3000, 1, core::date_of(core::now_utc())});
        if (!seeded) return report_error(streams, seeded.error());
        print_accounts(streams, *seeded);
      }
    }
  }

  tls_files files = plan->files;
  if (files.certificate.empty()) {
    auto ensured = ensure_self_signed(dir->root());
    if (!ensured) return report_error(streams, ensured.error());
    files = ensured->files;
    if (ensured->created) streams.out << "Made a self-signed certificate: " << files.certificate.string() << "\n";
  }
  auto fingerprint = certificate_fingerprint(files.certificate);
  if (!fingerprint) return report_error(streams, fingerprint.error());
  auto tls = make_server_context(files);
  if (!tls) return report_error(streams, tls.error());

  auto app = app_state::open(*dir, plan->app);
  if (!app) return report_error(streams, app.error());
  auto running = server::start(plan->server, **app, *tls, std::cerr);
  if (!running) return report_error(streams, running.error());
  (*running)->handle_signals();
  streams.out << "CaseChain listens on https://" << (listen->first == "127.0.0.1" ? "localhost" : listen->first) << ":"
              << (*running)->port() << "\nCertificate fingerprint: " << *fingerprint
              << "\nStop with Ctrl-C (requests in flight finish first).\n"
              << std::flush;
  (*running)->wait();
  streams.out << "Stopped.\n";
  return exit_ok;
}

}  // namespace

std::vector<command_spec> serve_commands() {
  return {{"serve",
           "Run the HTTPS server on a data folder (made on first start, with a self-signed certificate unless "
           "--cert and --key name one).",
           [] {
             auto options = serve_settings_options();
             options.push_back({"config", "FILE", "a configuration file (key = value; see deploy/casechain.conf.sample); "
                                                  "options given here win over it"});
             options.push_back({"demo", "", "seed demo data into an empty data folder first"});
             options.push_back({"print-config", "", "print the effective settings and where each comes from, then exit"});
             return options;
           }(),
           {},
           serve}};
}

}  // namespace casechain::api::cli
