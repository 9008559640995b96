// `casechain serve`: the HTTPS server on a data folder.
#include "api/app/app_state.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/number_option.hpp"
#include "api/demo/seed.hpp"
#include "api/server/server.hpp"
#include "api/server/tls.hpp"
#include "core/store/organisation_store.hpp"

#include <charconv>
#include <iomanip>
#include <iostream>

namespace casechain::api::cli {
namespace {

// "127.0.0.1:8443" or "[::1]:8443" -> host and port.
core::result<std::pair<std::string, unsigned short>> parse_listen(const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return core::fail(core::errc::invalid_argument, "--listen: expected HOST:PORT, e.g. 127.0.0.1:8443");
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  auto digits = std::string_view(text).substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc{} || end != digits.data() + digits.size() || port > 65535)
    return core::fail(core::errc::invalid_argument, "--listen: the port must be a number from 0 to 65535");
  return std::pair{host, static_cast<unsigned short>(port)};
}

void print_accounts(io& streams, const demo::seed_summary& seeded) {
  streams.out << "Demo data: " << seeded.reports << " reports, " << seeded.decided << " decided, " << seeded.cases
              << " cases.\nDemo accounts (the passwords are shown this once):\n";
  for (const auto& a : seeded.accounts)
    streams.out << "  " << std::left << std::setw(18) << a.username << std::setw(15) << a.role << std::setw(22)
                << a.password << a.organisation << "\n";
}

int serve(const parsed_args& args, io& streams) {
  auto listen = parse_listen(args.get("listen"));
  if (!listen) return usage_error(streams, "serve", listen.error().message);
  auto threads = number_option(args, "threads", 0, 256);
  if (!threads) return usage_error(streams, "serve", threads.error().message);
  if (args.get("cert").empty() != args.get("key").empty())
    return usage_error(streams, "serve", "--cert and --key go together");

  auto dir = core::data_dir::open(args.get("data"));
  if (!dir && dir.error().code == core::errc::not_found) dir = core::data_dir::create(args.get("data"));
  if (!dir) return report_error(streams, dir.error());

  if (args.has("demo")) {
    auto db = core::store::database::open(dir->database_file());
    if (!db) return report_error(streams, db.error());
    auto orgs = core::store::list_organisations(db->sql());
    if (!orgs) return report_error(streams, orgs.error());
    if (orgs->empty()) {
      streams.err << "Seeding demo data...\n";
      auto seeded = demo::seed(*dir, {3000, 1, core::date_of(core::now_utc())});
      if (!seeded) return report_error(streams, seeded.error());
      print_accounts(streams, *seeded);
    }
  }

  tls_files files{args.get("cert"), args.get("key")};
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

  auto app = app_state::open(*dir, {});
  if (!app) return report_error(streams, app.error());
  server_settings settings;
  settings.host = listen->first;
  settings.port = listen->second;
  settings.threads = static_cast<std::size_t>(*threads);
  auto running = server::start(settings, **app, *tls, std::cerr);
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
           {data_option(),
            {"listen", "HOST:PORT", "the address to listen on", "127.0.0.1:8443"},
            {"demo", "", "seed demo data into an empty data folder first"},
            {"cert", "FILE", "a PEM certificate (chain) to use instead of the self-signed one"},
            {"key", "FILE", "the PEM private key of --cert"},
            {"threads", "N", "I/O threads (0: one per core)", "0"}},
           {},
           serve}};
}

}  // namespace casechain::api::cli
