#pragma once
// The instrument's proposal for one report — the decision record: the track,
// risk level, score, complexity and instrument version, every rule that fired
// with its evidence (which item, from which field or which words of the
// narrative), the items left unknown, and where the narrative disagrees with
// what the police filled in (the field always wins; the disagreement is shown).

#include "core/model/enums.hpp"
#include "core/store/intake_store.hpp"
#include "core/triage/instrument.hpp"
#include "core/triage/narrative_cues.hpp"

#include <string>
#include <vector>

namespace casechain::core::triage {

// Where an item's answer came from.
enum class answer_source { field, narrative, none };

// Items are views into the instrument (and rule evidence into the instrument
// or static text): a proposal must not outlive its instrument.
struct item_answer {
  std::string_view item;
  tri_state value = tri_state::unknown;
  answer_source source = answer_source::none;
  std::string matched;  // the narrative's words, when the narrative answered
};

struct rule_evidence {
  std::string_view item;    // an instrument item, a measure ("restraining_order") or "history"
  std::string_view source;  // "field", "narrative", "measures", "history", "case"
  std::string detail;  // the matched words, dates or counts; never a name or address
};

struct fired_rule {
  std::string id;
  core::track track = track::help_offer;
  std::string explanation;
  std::vector<rule_evidence> evidence;
};

struct disagreement {
  std::string_view item;
  tri_state field = tri_state::unknown;
  bool narrative_says_yes = false;
  std::string matched;
};

struct proposal {
  std::string instrument;  // "swift-1"
  core::track track = track::help_offer;
  std::string risk_level;
  int score = 0;
  int complexity = 0;
  int serious_items = 0;
  int unknowns = 0;
  bool many_unknowns = false;
  std::vector<fired_rule> rules;
  std::vector<item_answer> answers;  // per instrument item, in instrument order
  std::vector<disagreement> disagreements;
  std::vector<cue_hit> cues;
};

// Applies the instrument. Pure: the same report and history give the same proposal.
proposal evaluate(const instrument& in, const lexicon_set& lexicons, const police_report& report,
                  const store::family_history& history);

// The proposal as one JSON object (the stored decision record and the CLI
// output). Rules are named by id (their explanation is in the instrument);
// evidence from a field carries no detail (it is the field's "yes").
void append_proposal_json(std::string& out, const proposal& p);
// The ids of the rules that fired, as a JSON array: what is kept of the record in clear.
std::string fired_rule_ids_json(const proposal& p);

}  // namespace casechain::core::triage
