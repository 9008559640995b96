// The instrument's behaviour pinned by a table of hand-written reports: the
// track it proposes and exactly the rules that fire, across every rule, every
// threshold boundary, unknowns, narrative negations in each language,
// history-based escalation and judicial measures.
#include "core/triage/proposal.hpp"
#include "tests/support/sample_report.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace casechain;
using namespace casechain::core;
using namespace casechain::core::triage;

namespace {

constexpr auto Y = tri_state::yes;
constexpr auto N = tri_state::no;

struct instrument_case {
  const char* name;
  std::vector<indicator> items;
  std::string narrative;
  int history_reports = 0;
  std::optional<track> open_case_track;
  bool order = false;
  bool red_file = false;
  int expected_track;
  std::set<std::string> expected_rules;
  const char* expected_level = nullptr;  // checked when set
};

police_report report_for(const instrument_case& c) {
  auto r = test::sample_report();
  r.indicators = c.items;
  r.narrative = c.narrative;
  r.measures = {};
  if (c.order) r.measures.restraining_order = restraining_order{*parse_date("2026-03-15"), *parse_date("2026-03-25")};
  r.measures.red_file = c.red_file;
  return r;
}

// Two serious items make 10 points: the "high" boundary.
const std::vector<indicator> two_serious{{"injury", Y}, {"weapon", Y}};
const std::vector<indicator> two_signals{{"debts", Y}, {"mental_health", Y}};

std::vector<indicator> join(std::vector<indicator> a, const std::vector<indicator>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const std::vector<instrument_case> cases{
    // Judicial measures.
    {"restraining order alone", {}, "", 0, {}, true, false, 3, {"restraining_order"}},
    {"red file alone", {}, "", 0, {}, false, true, 3, {"red_file"}},
    {"order and red file", {}, "", 0, {}, true, true, 3, {"restraining_order", "red_file"}},
    {"order beats serious and complex", join(two_serious, two_signals), "", 0, {}, true, false, 3,
     {"restraining_order", "serious_and_complex"}},
    // Serious and complex, at the boundaries.
    {"nothing at all", {}, "", 0, {}, false, false, 1, {}, "low"},
    {"two serious items and two signals", join(two_serious, two_signals), "", 0, {}, false, false, 2,
     {"serious_and_complex"}, "high"},
    {"two serious items, one signal", join(two_serious, {{"debts", Y}}), "", 0, {}, false, false, 1, {}, "high"},
    {"one serious item, two signals", join({{"injury", Y}}, two_signals), "", 0, {}, false, false, 1, {}, "medium"},
    {"one serious and four minor items: score 9, medium",
     {{"injury", Y}, {"recent_separation", Y}, {"escalation", Y}, {"children_present", Y}, {"substance_abuse", Y},
      {"debts", Y}, {"addiction", Y}},
     "", 0, {}, false, false, 1, {}, "medium"},
    {"one serious and five minor items: score 10, high",
     {{"injury", Y}, {"recent_separation", Y}, {"escalation", Y}, {"children_present", Y}, {"substance_abuse", Y},
      {"prior_violence", Y}, {"debts", Y}, {"addiction", Y}},
     "", 0, {}, false, false, 2, {"serious_and_complex"}, "high"},
    {"four minor items: score 4, low",
     {{"recent_separation", Y}, {"escalation", Y}, {"children_present", Y}, {"prior_violence", Y}}, "", 0, {}, false,
     false, 1, {}, "low"},
    {"five minor items: score 5, medium",
     {{"recent_separation", Y}, {"escalation", Y}, {"children_present", Y}, {"prior_violence", Y}, {"substance_abuse", Y}},
     "", 0, {}, false, false, 1, {}, "medium"},
    {"all serious items, no signals",
     {{"injury", Y}, {"strangulation", Y}, {"weapon", Y}, {"threats_to_kill", Y}, {"victim_fear", Y}, {"stalking", Y},
      {"coercive_control", Y}, {"order_breach", Y}, {"suicide_threats", Y}, {"pregnancy", Y}},
     "", 0, {}, false, false, 1, {}, "high"},
    {"strangulation and threats to kill, divorce and housing",
     {{"strangulation", Y}, {"threats_to_kill", Y}, {"conflictual_divorce", Y}, {"housing_problems", Y}}, "", 0, {}, false,
     false, 2, {"serious_and_complex"}},
    {"stalking and coercive control, agencies and addiction",
     {{"stalking", Y}, {"coercive_control", Y}, {"agencies_involved", Y}, {"addiction", Y}}, "", 0, {}, false, false, 2,
     {"serious_and_complex"}},
    {"order breach and suicide threats, debts and mental health",
     {{"order_breach", Y}, {"suicide_threats", Y}, {"debts", Y}, {"mental_health", Y}}, "", 0, {}, false, false, 2,
     {"serious_and_complex"}},
    {"pregnancy and fear, six signals",
     {{"pregnancy", Y}, {"victim_fear", Y}, {"housing_problems", Y}, {"debts", Y}, {"addiction", Y}, {"mental_health", Y},
      {"conflictual_divorce", Y}, {"agencies_involved", Y}},
     "", 0, {}, false, false, 2, {"serious_and_complex"}},
    {"explicit no on everything", {{"injury", N}, {"weapon", N}, {"debts", N}, {"mental_health", N}}, "", 0, {}, false,
     false, 1, {}, "low"},
    // History.
    {"one earlier report", {}, "", 1, {}, false, false, 1, {}},
    {"two earlier reports: the third in 12 months escalates", {}, "", 2, {}, false, false, 2, {"history_escalation"}},
    {"five earlier reports", {}, "", 5, {}, false, false, 2, {"history_escalation"}},
    {"history and serious-complex together", join(two_serious, two_signals), "", 3, {}, false, false, 2,
     {"serious_and_complex", "history_escalation"}},
    {"history with an order", {}, "", 2, {}, true, false, 3, {"restraining_order", "history_escalation"}},
    {"open chain case raises to 2", {}, "", 0, track::chain, false, false, 2, {"open_chain_case"}},
    {"open intensive case raises to 2", {}, "", 0, track::intensive, false, false, 2, {"open_chain_case"}},
    {"open help-offer case does not raise", {}, "", 0, track::help_offer, false, false, 1, {}},
    // Narrative cues fill unknown items.
    {"Dutch narrative: strangled and knife, with signals", two_signals,
     "Hij heeft haar gewurgd. Hij bedreigde haar met een mes.", 0, {}, false, false, 2, {"serious_and_complex"}},
    {"French narrative: strangled and threatened to kill", two_signals, "Il l'a étranglée. Il a menacé de la tuer.", 0, {},
     false, false, 2, {"serious_and_complex"}},
    {"English narrative: strangled and afraid", two_signals, "He strangled her. She is very afraid.", 0, {}, false, false,
     2, {"serious_and_complex"}},
    {"Dutch negation: no weapon, denies strangling", two_signals,
     "Er werd geen wapen gebruikt. Hij ontkent haar te hebben gewurgd.", 0, {}, false, false, 1, {}},
    {"French negation: no weapon, denies strangling", two_signals, "Pas d'arme utilisée. Il nie l'avoir étranglée.", 0, {},
     false, false, 1, {}},
    {"English negation: no weapon, denies strangling", two_signals, "No weapon was used. He denies strangling her.", 0,
     {}, false, false, 1, {}},
    {"negation does not cross a clause", two_signals, "Er werd geen alcohol gedronken, maar hij greep haar bij de keel. Zij is erg bang.",
     0, {}, false, false, 2, {"serious_and_complex"}},
    {"children not present, inside the phrase", join(two_serious, {{"debts", Y}}),
     "De kinderen waren niet aanwezig.", 0, {}, false, false, 1, {}},
    {"narrative signals make it complex", two_serious, "Er zijn grote schulden. Hij heeft psychische problemen.", 0, {},
     false, false, 2, {"serious_and_complex"}},
    {"French signals make it complex", two_serious, "Le ménage a de lourdes dettes. Il souffre de problèmes psychiques.", 0,
     {}, false, false, 2, {"serious_and_complex"}},
    // The field wins over the narrative.
    {"field no beats a narrative yes", join({{"injury", Y}, {"weapon", N}}, two_signals),
     "Hij bedreigde haar met een mes.", 0, {}, false, false, 1, {}},
    {"field yes stands against a narrative denial", join(two_serious, two_signals), "Er werd geen wapen gebruikt.", 0, {},
     false, false, 2, {"serious_and_complex"}},
    {"English field no on strangulation", join({{"injury", Y}, {"strangulation", N}}, two_signals), "He strangled her.",
     0, {}, false, false, 1, {}},
    // Narrative measures are not orders: only the measures field counts.
    {"narrative mentions an order but no measure", {}, "Er werd een tijdelijk huisverbod opgelegd.", 0, {}, false, false,
     1, {}},
    {"order breach from the narrative is a serious item", join({{"injury", Y}}, two_signals),
     "Hij heeft het huisverbod geschonden.", 0, {}, false, false, 2, {"serious_and_complex"}},
};

}  // namespace

TEST_SUITE("core/triage/instrument cases") {
  TEST_CASE("the table has at least 40 cases and covers every rule") {
    CHECK(cases.size() >= 40);
    std::set<std::string> covered;
    for (const auto& c : cases) covered.insert(c.expected_rules.begin(), c.expected_rules.end());
    for (const auto& r : builtin_instrument()->rules) {
      CAPTURE(r.id);
      CHECK(covered.count(r.id) == 1);
    }
  }

  TEST_CASE("each hand-written report gets its track and exactly its rules") {
    auto in = builtin_instrument();
    auto lexicons = builtin_lexicons();
    for (const auto& c : cases) {
      CAPTURE(c.name);
      store::family_history history;
      history.reports_last_12_months = c.history_reports;
      if (c.open_case_track) {
        history.open_case = 7;
        history.open_case_track = c.open_case_track;
      }
      auto p = evaluate(*in, *lexicons, report_for(c), history);
      CHECK(to_int(p.track) == c.expected_track);
      std::set<std::string> fired;
      for (const auto& r : p.rules) fired.insert(r.id);
      CHECK(fired == c.expected_rules);
      if (c.expected_level) CHECK(p.risk_level == c.expected_level);
      CHECK(p.instrument == "swift-1");
    }
  }
}
