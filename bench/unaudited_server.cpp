// The API benchmark's "without audit" variant: `casechain serve` exactly, but
// every audit entry is discarded instead of appended to the trail (no audit
// write, no sync). Driven against the real server in the same run, it gives
// what the audit costs an authenticated case read. Never a product binary.
// Prints "CaseChain listens on https://localhost:PORT" once bound (as serve
// does) and serves until SIGINT or SIGTERM.
// Usage: casechain_bench_unaudited_server --data DIR [--port P]
#include "api/app/app_state.hpp"
#include "api/server/server.hpp"
#include "api/server/tls.hpp"

#include <charconv>
#include <cstring>
#include <iostream>
#include <string_view>

using namespace casechain;

int main(int argc, char** argv) {
  std::string data;
  unsigned short port = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view option = argv[i], value = argv[i + 1];
    if (option == "--data") data = value;
    else if (option == "--port") std::from_chars(value.data(), value.data() + value.size(), port);
  }
  if (data.empty()) {
    std::cerr << "usage: casechain_bench_unaudited_server --data DIR [--port P]\n";
    return 2;
  }
  auto fail = [](const core::error& e) {
    std::cerr << "error: " << e.message << "\n";
    return 1;
  };
  auto dir = core::data_dir::open(data);
  if (!dir) return fail(dir.error());
  auto files = api::ensure_self_signed(dir->root());
  if (!files) return fail(files.error());
  auto tls = api::make_server_context(files->files);
  if (!tls) return fail(tls.error());
  auto app = api::app_state::open(*dir, {});
  if (!app) return fail(app.error());
  (*app)->replace_audit_append_for_benchmark([](std::span<core::audit::audit_entry>) -> core::result<void> { return {}; });
  api::server_settings settings;
  settings.port = port;
  auto running = api::server::start(settings, **app, *tls, std::cerr);
  if (!running) return fail(running.error());
  (*running)->handle_signals();
  std::cout << "CaseChain listens on https://localhost:" << (*running)->port() << std::endl;
  (*running)->wait();
  return 0;
}
