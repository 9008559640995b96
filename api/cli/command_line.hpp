#pragma once
// The command line's grammar: commands named by one or more words
// ("org add"), each with its options (`--name VALUE`, `--name=VALUE`, flags)
// and positional arguments, and the help text made from the same table.
// Parsing never throws; a usage error carries the message to print and the
// caller exits with status 2.

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace casechain::api::cli {

struct option_spec {
  std::string_view name;         // without the dashes: "data"
  std::string_view value_name;   // "DIR"; empty for a flag
  std::string_view help;
  std::string_view default_value = {};  // shown in help and used when absent
  bool required = false;
};

struct io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool interactive = false;  // stdin is a terminal
};

class parsed_args;
struct parse_outcome;
struct command_spec;

struct command_spec {
  std::string_view words;  // "org add"
  std::string_view summary;
  std::vector<option_spec> options;
  std::vector<std::string_view> positionals;  // names, all required, e.g. "FILE"
  std::function<int(const parsed_args&, io&)> run;
};

class parsed_args {
 public:
  // The option's value, its default, or empty.
  const std::string& get(std::string_view name) const;
  bool has(std::string_view name) const { return values_.count(std::string(name)) > 0; }
  // Whether the option was on the command line (not just its default).
  bool given(std::string_view name) const { return given_.count(std::string(name)) > 0; }
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  friend parse_outcome parse(const std::vector<command_spec>&, const std::vector<std::string>&);
  std::map<std::string, std::string> values_;
  std::set<std::string> given_;
  std::vector<std::string> positionals_;
};

struct parse_outcome {
  const command_spec* command = nullptr;  // null with help_text set: print help and exit 0
  parsed_args args;
  std::string help_text;                  // set for --help (exit 0)
  std::string usage_error;                // set for a usage error (exit 2)
};

// Parses argv[1..] against `commands`.
parse_outcome parse(const std::vector<command_spec>& commands, const std::vector<std::string>& arguments);

// The help of one command, or the overview of those starting with `prefix`.
std::string command_help(const command_spec& command);
std::string overview_help(const std::vector<command_spec>& commands, std::string_view prefix);

}  // namespace casechain::api::cli
