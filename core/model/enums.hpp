#pragma once
// The closed vocabularies of the domain (sectors, roles, family roles, tracks,
// steps, ...), with their stable names as stored in the database and
// exchanged in JSON. `parse<E>` returns nullopt for an unknown name; it never
// throws. Names are lower_snake_case and never translated.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace casechain::core {

enum class sector : std::uint8_t { police, justice, care, administration };
enum class role : std::uint8_t {
  triage, case_manager, police, prosecutor, social_worker, coordinator, auditor, admin
};
enum class family_role : std::uint8_t { victim, suspect, child, other };
enum class gender : std::uint8_t { female, male, x, unknown };
enum class relationship : std::uint8_t {
  partner, ex_partner, parent_child, child_parent, sibling, other_family, other
};
// Tracks keep their SWIFT numbers: stored and exchanged as 1, 2, 3.
enum class track : std::uint8_t { help_offer = 1, chain = 2, intensive = 3 };
// The steps of a case. Track 2 (the CO3 chain): intake, file, assessment,
// assignment, implementation, evaluation. Track 1 (the help offer): contact,
// intake, safety_plan, referral. Track 3 (intensive case management): intake,
// crisis, system_help, follow_up. `closed` ends any of them (a closed case
// can be reopened).
enum class case_step : std::uint8_t {
  intake, file, assessment, assignment, implementation, evaluation,
  contact, safety_plan, referral, crisis, system_help, follow_up, closed
};
// An instrument item as the police filled it in: unknown is not "no".
enum class tri_state : std::uint8_t { no, yes, unknown };

template <class E>
struct enum_names;  // specialised below: `values` lists names in enumerator order

template <> struct enum_names<sector> {
  static constexpr std::array<std::string_view, 4> values{"police", "justice", "care", "administration"};
};
template <> struct enum_names<role> {
  static constexpr std::array<std::string_view, 8> values{
      "triage", "case_manager", "police", "prosecutor", "social_worker", "coordinator", "auditor", "admin"};
};
template <> struct enum_names<family_role> {
  static constexpr std::array<std::string_view, 4> values{"victim", "suspect", "child", "other"};
};
template <> struct enum_names<gender> {
  static constexpr std::array<std::string_view, 4> values{"female", "male", "x", "unknown"};
};
template <> struct enum_names<relationship> {
  static constexpr std::array<std::string_view, 7> values{
      "partner", "ex_partner", "parent_child", "child_parent", "sibling", "other_family", "other"};
};
template <> struct enum_names<case_step> {
  static constexpr std::array<std::string_view, 13> values{
      "intake", "file", "assessment", "assignment", "implementation", "evaluation", "contact",
      "safety_plan", "referral", "crisis", "system_help", "follow_up", "closed"};
};
template <> struct enum_names<tri_state> {
  static constexpr std::array<std::string_view, 3> values{"no", "yes", "unknown"};
};

template <class E>
constexpr std::string_view to_string(E value) {
  return enum_names<E>::values[static_cast<std::size_t>(value)];
}

template <class E>
constexpr std::optional<E> parse(std::string_view name) {
  const auto& names = enum_names<E>::values;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<E>(i);
  return std::nullopt;
}

// The step a case starts in (or restarts in after a change of track).
constexpr case_step first_step(track t) {
  return t == track::help_offer ? case_step::contact : case_step::intake;
}

// Tracks are numbers, not names.
constexpr int to_int(track t) { return static_cast<int>(t); }
constexpr std::optional<track> track_from_int(std::int64_t n) {
  if (n < 1 || n > 3) return std::nullopt;
  return static_cast<track>(n);
}

}  // namespace casechain::core
