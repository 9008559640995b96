#include "api/cli/serve_config.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>

namespace casechain::api::cli {
namespace {

std::string_view trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

}  // namespace

core::result<config_file> read_config_file(const std::filesystem::path& file, const std::vector<std::string_view>& known) {
  std::ifstream in(file);
  if (!in) return core::fail(core::errc::not_found, "--config: cannot read " + file.string());
  config_file config{file, {}};
  std::string raw;
  std::size_t number = 0;
  constexpr std::size_t longest_line = 4096, most_lines = 10000;  // a configuration file is small
  while (std::getline(in, raw)) {
    ++number;
    auto at = file.string() + ":" + std::to_string(number) + ": ";
    if (raw.size() > longest_line || number > most_lines)
      return core::fail(core::errc::invalid_argument, at + "the line (or file) is too long for a configuration file");
    auto line = trimmed(raw);
    if (line.empty() || line.front() == '#') continue;
    auto equals = line.find('=');
    if (equals == std::string_view::npos)
      return core::fail(core::errc::invalid_argument, at + "expected `key = value`, got `" + std::string(line) + "`");
    auto key = trimmed(line.substr(0, equals));
    auto value = trimmed(line.substr(equals + 1));
    if (std::find(known.begin(), known.end(), key) == known.end())
      return core::fail(core::errc::invalid_argument, at + "unknown setting `" + std::string(key) +
                                                          "` (see deploy/casechain.conf.sample for the settings)");
    if (value.empty()) return core::fail(core::errc::invalid_argument, at + std::string(key) + " has no value");
    auto [it, added] = config.entries.emplace(std::string(key), config_entry{std::string(value), number});
    if (!added)
      return core::fail(core::errc::invalid_argument,
                        at + std::string(key) + " is set twice (first on line " + std::to_string(it->second.line) + ")");
  }
  return config;
}

const std::string& serve_options::text(std::string_view name) const {
  if (!args_.given(name))
    if (auto it = config_.entries.find(std::string(name)); it != config_.entries.end()) return it->second.value;
  return args_.get(name);
}

std::string serve_options::where(std::string_view name) const {
  if (!args_.given(name))
    if (auto it = config_.entries.find(std::string(name)); it != config_.entries.end())
      return config_.file.string() + ":" + std::to_string(it->second.line) + ": " + std::string(name);
  return "--" + std::string(name);
}

core::result<std::int64_t> serve_options::number(std::string_view name, std::int64_t low, std::int64_t high) const {
  const auto& value = text(name);
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc{} || end != value.data() + value.size() || n < low || n > high)
    return core::fail(core::errc::invalid_argument, where(name) + ": expected a whole number from " + std::to_string(low) +
                                                        " to " + std::to_string(high) + ", got '" + value + "'");
  return n;
}

}  // namespace casechain::api::cli
