#include "core/policy/categories.hpp"

namespace casechain::core::policy {
namespace {

constexpr std::array<std::string_view, all_categories.size()> category_names{
    "identity", "safe_address", "incident", "judicial", "risk", "care_notes", "action_plan", "round_table", "audit"};
constexpr std::array<std::string_view, 4> level_names{"none", "summary", "read", "write"};
constexpr std::array<std::string_view, 9> basis_names{"none",    "case_manager",    "consultation",
                                                      "duty",    "own_organisation", "consent",
                                                      "danger_override", "emergency_access", "excluded"};

template <std::size_t N>
std::optional<std::size_t> index_of(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return i;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(category c) { return category_names[static_cast<std::size_t>(c)]; }
std::string_view to_string(level l) { return level_names[static_cast<std::size_t>(l)]; }
std::string_view to_string(basis b) { return basis_names[static_cast<std::size_t>(b)]; }

std::optional<category> parse_category(std::string_view text) {
  auto i = index_of(category_names, text);
  return i ? std::optional{static_cast<category>(*i)} : std::nullopt;
}

std::optional<level> parse_level(std::string_view text) {
  auto i = index_of(level_names, text);
  return i ? std::optional{static_cast<level>(*i)} : std::nullopt;
}

}  // namespace casechain::core::policy
