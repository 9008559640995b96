#pragma once
// The triage instrument as data: its items with weights, the risk levels,
// the complexity signals and the rules that propose a track. Loaded from a
// versioned JSON file (core/triage/instruments/swift-1.json is built in);
// loading validates everything and names the first fault. An instrument is
// immutable once loaded and safe to share between threads.
//
// Rule conditions (JSON objects with one key):
//   {"measure": "restraining_order" | "red_file" | "arrest"}
//   {"risk_level_at_least": "medium"}       {"score_at_least": N}
//   {"complexity_at_least": N}              {"serious_items_at_least": N}
//   {"item": "strangulation"}               (the item is yes, from a field or the narrative)
//   {"history_reports_at_least": N}         (other reports on the family in the last 12 months)
//   {"open_case_track_at_least": N}
//   {"earlier_track_at_least": N}           (an earlier report on the family went to track N or higher)
//   {"all": [conditions]}  {"any": [conditions]}  {"not": condition}
// A rule that fires raises the proposal to at least its track; none fired: track 1.

#include "core/error.hpp"
#include "core/model/enums.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace casechain::core::triage {

struct instrument_item {
  std::string item;
  int weight = 0;
  bool serious = false;  // counts for serious_items_at_least
};

struct risk_level {
  std::string name;
  int min_score = 0;
};

struct condition {
  enum class kind {
    measure, risk_level_at_least, score_at_least, complexity_at_least, serious_items_at_least, item,
    history_reports_at_least, open_case_track_at_least, earlier_track_at_least, all, any, negation
  };
  kind type = kind::all;
  std::string name;  // measure, risk level or item
  int number = 0;
  std::vector<condition> children;
};

struct rule {
  std::string id;
  core::track track = track::help_offer;
  condition when;
  std::string explanation;  // one line, shown with the rule
};

struct instrument {
  std::string name;
  int version = 0;
  std::vector<instrument_item> risk_items;
  std::vector<instrument_item> complexity_items;
  std::vector<risk_level> risk_levels;  // ascending min_score, first at 0
  int many_unknowns = 0;                // flag when at least this many items are unknown
  std::vector<rule> rules;

  // "swift-1"
  std::string id() const { return name + "-" + std::to_string(version); }
  // Index into risk_levels of `level`, or -1.
  int level_rank(std::string_view level) const;
  // Whether a rule looks at earlier tracks (intake then reads them; they cost a query).
  bool uses_earlier_tracks = false;
};

// Parses and validates an instrument file's text. Errors are invalid_argument
// naming the JSON path at fault.
result<std::shared_ptr<const instrument>> load_instrument(std::string_view json_text);
result<std::shared_ptr<const instrument>> load_instrument_file(const std::string& path);
// The built-in instrument (swift-1).
std::shared_ptr<const instrument> builtin_instrument();

}  // namespace casechain::core::triage
