#include "core/policy/policy_table.hpp"

#include "core/policy/builtin_tables.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <stdexcept>

namespace casechain::core::policy {
namespace json = boost::json;

namespace {

constexpr std::array<std::pair<std::string_view, scope>, 4> scope_names{
    {{"manager", scope::manager}, {"member", scope::member}, {"own_org", scope::own_org}, {"any", scope::any}}};

}  // namespace

result<cell> parse_cell(std::string_view text) {
  cell c;
  constexpr std::string_view consent_suffix = "+consent";
  if (text.size() > consent_suffix.size() && text.ends_with(consent_suffix)) {
    c.needs_consent = true;
    text.remove_suffix(consent_suffix.size());
  }
  auto at = text.find('@');
  auto l = parse_level(text.substr(0, at));
  if (!l) return fail(errc::invalid_argument, "expected a level (none, summary, read, write) before '@'");
  c.grants = *l;
  if (at == std::string_view::npos) {
    if (c.grants != level::none || c.needs_consent)
      return fail(errc::invalid_argument, "expected LEVEL@SCOPE (scope: manager, member, own_org, any)");
    return c;
  }
  auto name = text.substr(at + 1);
  for (auto [n, s] : scope_names)
    if (n == name) {
      c.where = s;
      return c;
    }
  return fail(errc::invalid_argument, "unknown scope '" + std::string(name) + "' (manager, member, own_org, any)");
}

std::string format_cell(const cell& c) {
  if (c.grants == level::none) return "none";
  std::string out(to_string(c.grants));
  for (auto [n, s] : scope_names)
    if (s == c.where) {
      out += '@';
      out += n;
    }
  if (c.needs_consent) out += "+consent";
  return out;
}

result<policy_table> policy_table::load(std::string_view json_text) {
  std::error_code ec;
  auto document = json::parse(json_text, ec);
  if (ec || !document.is_object()) return fail(errc::invalid_argument, "the policy table is not a JSON object");
  const auto& root = document.as_object();
  policy_table table;
  auto version = root.if_contains("version");
  if (!version || !version->is_string() || version->as_string().empty())
    return fail(errc::invalid_argument, "the policy table has no version");
  table.version_ = std::string(version->as_string());
  auto roles = root.if_contains("roles");
  if (!roles || !roles->is_object()) return fail(errc::invalid_argument, "the policy table has no roles object");
  for (const auto& [name, row] : roles->as_object()) {
    if (!parse<role>(name)) return fail(errc::invalid_argument, "the policy table names an unknown role '" + std::string(name) + "'");
    if (!row.is_object()) return fail(errc::invalid_argument, "role " + std::string(name) + ": expected an object");
    for (const auto& [category_name, _] : row.as_object())
      if (!parse_category(category_name))
        return fail(errc::invalid_argument,
                    "role " + std::string(name) + ": unknown category '" + std::string(category_name) + "'");
  }
  for (std::size_t r = 0; r < role_count; ++r) {
    auto role_name = to_string(static_cast<role>(r));
    auto row = roles->as_object().if_contains(role_name);
    if (!row) return fail(errc::invalid_argument, "the policy table lacks role " + std::string(role_name));
    for (auto c : all_categories) {
      auto text = row->as_object().if_contains(to_string(c));
      auto where = "role " + std::string(role_name) + ", category " + std::string(to_string(c));
      if (!text || !text->is_string()) return fail(errc::invalid_argument, where + ": missing (every cell must be given)");
      auto parsed = parse_cell(text->as_string());
      if (!parsed) return fail(errc::invalid_argument, where + ": " + parsed.error().message);
      table.cells_[r][static_cast<std::size_t>(c)] = *parsed;
    }
  }
  return table;
}

const cell& policy_table::at(role r, category c) const {
  return cells_.at(static_cast<std::size_t>(r)).at(static_cast<std::size_t>(c));
}

std::shared_ptr<const policy_table> builtin_policy() {
  static const auto loaded = [] {
    auto text = builtin_file("secrecy-1.json");
    if (!text) throw std::logic_error("the built-in policy table secrecy-1.json is missing");
    return std::make_shared<const policy_table>(policy_table::load(*text).value());  // a broken built-in table is a build defect
  }();
  return loaded;
}

}  // namespace casechain::core::policy
