#include "api/cli/chain_settings.hpp"

#include <fstream>
#include <iterator>

namespace casechain::api::cli {
namespace {

core::result<std::string> read_settings_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::fail(core::errc::not_found, "cannot read " + path);
  std::string text;
  text.resize(1 << 20 | 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > (1 << 20)) return core::fail(core::errc::invalid_argument, path + " is over 1 MiB");
  return text;
}

}  // namespace

core::result<chain_settings> load_chain_settings(const parsed_args& args) {
  chain_settings s;
  if (!args.get("holidays").empty()) {
    auto text = read_settings_file(args.get("holidays"));
    if (!text) return text.error();
    auto loaded = chain::load_holidays(*text);
    if (!loaded) return loaded.error();
    s.calendar = *loaded;
  }
  if (!args.get("clocks").empty()) {
    auto text = read_settings_file(args.get("clocks"));
    if (!text) return text.error();
    auto loaded = chain::load_clock_settings(*text);
    if (!loaded) return loaded.error();
    s.clocks = *loaded;
  }
  return s;
}

}  // namespace casechain::api::cli
