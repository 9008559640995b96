#include "api/cli/command_line.hpp"

#include <algorithm>
#include <sstream>

namespace casechain::api::cli {
namespace {

std::vector<std::string_view> split_words(std::string_view words) {
  std::vector<std::string_view> out;
  while (!words.empty()) {
    auto space = words.find(' ');
    out.push_back(words.substr(0, space));
    if (space == std::string_view::npos) break;
    words.remove_prefix(space + 1);
  }
  return out;
}

// How many leading arguments name `command`; 0 when they do not.
size_t matched_words(const command_spec& command, const std::vector<std::string>& arguments) {
  auto words = split_words(command.words);
  if (words.size() > arguments.size()) return 0;
  for (size_t i = 0; i < words.size(); ++i)
    if (arguments[i] != words[i]) return 0;
  return words.size();
}

bool is_help(const std::string& argument) { return argument == "--help" || argument == "-h"; }

const option_spec* find_option(const command_spec& command, std::string_view name) {
  for (const auto& option : command.options)
    if (option.name == name) return &option;
  return nullptr;
}

std::string see_help(const command_spec& command) {
  return "; see `casechain " + std::string(command.words) + " --help`";
}

}  // namespace

const std::string& parsed_args::get(std::string_view name) const {
  static const std::string empty;
  auto it = values_.find(std::string(name));
  return it == values_.end() ? empty : it->second;
}

parse_outcome parse(const std::vector<command_spec>& commands, const std::vector<std::string>& arguments) {
  parse_outcome outcome;
  const command_spec* best = nullptr;
  size_t best_words = 0;
  for (const auto& command : commands) {
    auto n = matched_words(command, arguments);
    if (n > best_words) best = &command, best_words = n;
  }
  if (!best) {
    // Not a full command: help for the words given so far, or a usage error.
    std::string prefix;
    for (const auto& argument : arguments) {
      if (is_help(argument) || argument.starts_with("-")) break;
      prefix += (prefix.empty() ? "" : " ") + argument;
    }
    bool known_prefix = std::any_of(commands.begin(), commands.end(), [&](const command_spec& c) {
      return std::string_view(c.words).starts_with(prefix) &&
             (prefix.empty() || c.words.size() == prefix.size() || c.words[prefix.size()] == ' ');
    });
    bool wants_help = arguments.empty() || std::any_of(arguments.begin(), arguments.end(), is_help);
    if (known_prefix && wants_help) {
      outcome.help_text = overview_help(commands, prefix);
    } else if (known_prefix) {
      outcome.usage_error = "`casechain " + prefix + "` needs a subcommand; see `casechain " + prefix + " --help`";
    } else {
      outcome.usage_error = "unknown command `" + prefix + "`; see `casechain --help`";
    }
    return outcome;
  }

  for (size_t i = best_words; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    if (is_help(argument)) {
      outcome.help_text = command_help(*best);
      return outcome;
    }
    if (argument.starts_with("--")) {
      std::string name = argument.substr(2);
      std::optional<std::string> value;
      if (auto equals = name.find('='); equals != std::string::npos) {
        value = name.substr(equals + 1);
        name.resize(equals);
      }
      const option_spec* option = find_option(*best, name);
      if (!option) {
        outcome.usage_error = "unknown option --" + name + see_help(*best);
        return outcome;
      }
      if (option->value_name.empty()) {
        if (value) {
          outcome.usage_error = "--" + name + " takes no value" + see_help(*best);
          return outcome;
        }
        value = "true";
      } else if (!value) {
        if (i + 1 >= arguments.size()) {
          outcome.usage_error = "--" + name + " needs a value (" + std::string(option->value_name) + ")" + see_help(*best);
          return outcome;
        }
        value = arguments[++i];
      }
      if (outcome.args.values_.count(name)) {
        outcome.usage_error = "--" + name + " is given twice" + see_help(*best);
        return outcome;
      }
      outcome.args.values_[name] = *value;
      outcome.args.given_.insert(name);
    } else {
      outcome.args.positionals_.push_back(argument);
    }
  }

  for (const auto& option : best->options) {
    if (outcome.args.values_.count(std::string(option.name))) continue;
    if (option.required) {
      outcome.usage_error = "missing --" + std::string(option.name) + " " + std::string(option.value_name) + see_help(*best);
      return outcome;
    }
    if (!option.default_value.empty()) outcome.args.values_[std::string(option.name)] = std::string(option.default_value);
  }
  if (outcome.args.positionals_.size() != best->positionals.size()) {
    outcome.usage_error = best->positionals.empty()
                              ? "unexpected argument `" + outcome.args.positionals_.front() + "`" + see_help(*best)
                              : "expected " + std::to_string(best->positionals.size()) + " argument(s)" + see_help(*best);
    return outcome;
  }
  outcome.command = best;
  return outcome;
}

std::string command_help(const command_spec& command) {
  std::ostringstream out;
  out << "Usage: casechain " << command.words;
  for (const auto& option : command.options)
    if (option.required) out << " --" << option.name << " " << option.value_name;
  if (std::any_of(command.options.begin(), command.options.end(), [](const option_spec& o) { return !o.required; }))
    out << " [options]";
  for (auto positional : command.positionals) out << " " << positional;
  out << "\n\n" << command.summary << "\n";
  if (!command.options.empty()) out << "\nOptions:\n";
  for (const auto& option : command.options) {
    std::string left = "  --";
    left += option.name;
    if (!option.value_name.empty()) left.append(" ").append(option.value_name);
    out << left << std::string(left.size() < 26 ? 26 - left.size() : 1, ' ') << option.help;
    if (!option.default_value.empty()) out << " (default: " << option.default_value << ")";
    if (option.required) out << " (required)";
    out << "\n";
  }
  out << "  --help                  show this help\n";
  return out.str();
}

std::string overview_help(const std::vector<command_spec>& commands, std::string_view prefix) {
  std::ostringstream out;
  out << "Usage: casechain " << (prefix.empty() ? "COMMAND" : std::string(prefix) + " SUBCOMMAND")
      << " [options]\n\n";
  if (prefix.empty())
    out << "CaseChain: the information system of a multi-agency domestic-violence chain.\n\n";
  out << "Commands:\n";
  for (const auto& command : commands) {
    if (!std::string_view(command.words).starts_with(prefix)) continue;
    std::string left = "  ";
    left += command.words;
    out << left << std::string(left.size() < 26 ? 26 - left.size() : 1, ' ') << command.summary << "\n";
  }
  out << "\nRun `casechain COMMAND --help` for a command's options.\n";
  return out.str();
}

}  // namespace casechain::api::cli
