#pragma once
// Narratives of synthetic police reports (demo data): 2 to 5 sentences in
// Dutch, French or English that tell what happened consistently with the
// report's indicators, the kinds of violence and the measures, sometimes with
// a negated mention of an item that is false ("Er werd geen wapen gebruikt.").
// Persons are named only by pronoun or role, never by name.
//
// The cue phrase table (`cue_phrases`) lists every sentence written about an
// instrument item, per language, positive and negated; the narrative cue
// lexicon of the triage instrument is built and tested against it.
// Static data and pure functions: safe from any thread with its own rng.

#include "core/demo/names.hpp"
#include "core/demo/random.hpp"
#include "core/model/enums.hpp"
#include "core/model/police_report.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace casechain::core::demo {

// The instrument items the generator fills in, in the order it writes them:
// 15 risk items, then 6 complexity signals.
enum class item : std::uint8_t {
  injury, strangulation, weapon, threats_to_kill, victim_fear, recent_separation, pregnancy,
  escalation, stalking, coercive_control, children_present, substance_abuse, prior_violence,
  order_breach, suicide_threats,
  housing_problems, debts, addiction, mental_health, conflictual_divorce, agencies_involved
};
inline constexpr std::size_t item_count = 21;
inline constexpr std::array<std::string_view, item_count> item_names{
    "injury", "strangulation", "weapon", "threats_to_kill", "victim_fear", "recent_separation",
    "pregnancy", "escalation", "stalking", "coercive_control", "children_present", "substance_abuse",
    "prior_violence", "order_breach", "suicide_threats",
    "housing_problems", "debts", "addiction", "mental_health", "conflictual_divorce", "agencies_involved"};
constexpr std::string_view to_string(item i) { return item_names[static_cast<std::size_t>(i)]; }

// Who the pronouns of a phrase stand for.
struct narrative_voice {
  demo::language language = language::nl;
  bool victim_female = true;
  bool suspect_female = false;
};

// One sentence about an item. `text` is a template with placeholders:
//   {S} {s}  the suspect as subject (Hij/hij, Il/il, He/he), capitalised or not
//   {V} {v}  the victim as subject
//   {o}      the victim as object (haar/hem, la/le, her/him)
//   {p}      the victim's possessive (haar/zijn, her/his; not used in French)
//   {e} {x}  French feminine ending ("e" or "") for the victim, the suspect
struct cue_phrase {
  demo::item item;
  demo::language language;
  bool negated;  // the sentence says the item is false
  std::string_view text;
};

// Every item sentence the generator may write; the order is stable.
std::span<const cue_phrase> cue_phrases();

// Appends `text` with its placeholders filled for `voice`; unknown
// placeholders are copied unchanged.
void append_phrase(std::string& out, std::string_view text, const narrative_voice& voice);

// What a narrative must agree with.
struct narrative_facts {
  narrative_voice voice;
  core::relationship relationship = relationship::partner;
  violence_kinds violence;
  std::array<tri_state, item_count> items{};
  bool has_children = false;
  bool restraining_order = false;
  bool red_file = false;
  bool arrest = false;
};

// Replaces `out` with 2 to 5 sentences: an opening, one to three sentences on
// items that are yes or on the kinds of violence, then, when `negate` is set
// and an item that can be denied is no, one negated sentence, and sometimes a
// sentence on the measures. Never mentions an unknown item.
void write_narrative(std::string& out, const narrative_facts& facts, bool negate, rng& random);

}  // namespace casechain::core::demo
