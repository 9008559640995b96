#pragma once
// `casechain serve --config FILE`: a plain configuration file, one
// `key = value` a line, the keys being serve's long option names without the
// dashes (`listen = 127.0.0.1:8443`); `#` starts a comment line; blank lines
// are skipped. An unknown key, a line without `=` or a key given twice is an
// error naming the file and line. Options given on the command line win over
// the file; the file wins over the defaults. deploy/casechain.conf.sample
// documents every key.

#include "api/cli/command_line.hpp"
#include "core/error.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace casechain::api::cli {

struct config_entry {
  std::string value;
  std::size_t line = 0;
};

struct config_file {
  std::filesystem::path file;
  std::map<std::string, config_entry> entries;
};

// Reads `file`, accepting only `known` keys.
core::result<config_file> read_config_file(const std::filesystem::path& file, const std::vector<std::string_view>& known);

// One setting's value from the command line (when given there), else the
// file, else the option's default; errors name where the value came from.
class serve_options {
 public:
  serve_options(const parsed_args& args, config_file config) : args_(args), config_(std::move(config)) {}

  const std::string& text(std::string_view name) const;
  // A whole number within [low, high].
  core::result<std::int64_t> number(std::string_view name, std::int64_t low, std::int64_t high) const;
  // "--name" or "FILE:LINE: name", for messages.
  std::string where(std::string_view name) const;

 private:
  const parsed_args& args_;
  config_file config_;
};

}  // namespace casechain::api::cli
