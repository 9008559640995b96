#include "core/triage/instrument.hpp"
#include "core/triage/proposal.hpp"
#include "tests/support/sample_report.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

#include <set>

using namespace casechain;
using namespace casechain::core;
using namespace casechain::core::triage;

namespace {

const char* minimal = R"({"name": "t", "version": 2, "many_unknowns": 2,
  "risk_items": [{"item": "weapon", "weight": 4, "serious": true}],
  "complexity_items": [{"item": "debts", "weight": 1}],
  "risk_levels": [{"level": "low", "min_score": 0}, {"level": "high", "min_score": 4}],
  "rules": [{"id": "armed", "track": 2, "when": {"item": "weapon"}}]})";

std::string with(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

TEST_SUITE("core/triage/instrument") {
  TEST_CASE("the built-in instrument is swift-1 with every item of the issue") {
    auto in = builtin_instrument();
    CHECK(in->id() == "swift-1");
    std::set<std::string> items;
    for (const auto& i : in->risk_items) items.insert(i.item);
    for (const auto& i : in->complexity_items) items.insert(i.item);
    for (const char* item : {"injury", "strangulation", "weapon", "threats_to_kill", "victim_fear", "recent_separation",
                             "pregnancy", "escalation", "stalking", "coercive_control", "children_present",
                             "substance_abuse", "prior_violence", "order_breach", "suicide_threats", "housing_problems",
                             "debts", "addiction", "mental_health", "conflictual_divorce", "agencies_involved"}) {
      CAPTURE(item);
      CHECK(items.count(item) == 1);
    }
  }

  TEST_CASE("a small instrument loads and applies") {
    auto in = load_instrument(minimal);
    REQUIRE(in);
    CHECK((*in)->id() == "t-2");
    auto r = test::sample_report();
    r.indicators = {{"weapon", tri_state::yes}};
    r.narrative.clear();
    r.measures = {};
    auto p = evaluate(**in, lexicon_set{}, r, {});
    CHECK(p.track == track::chain);
    CHECK(p.risk_level == "high");
    CHECK(p.unknowns == 1);
  }

  TEST_CASE("faults in an instrument file are named by their path") {
    struct fault {
      std::string text;
      std::string path;
    };
    for (const auto& f : std::vector<fault>{
             {"{", "malformed JSON"},
             {with(minimal, R"("version": 2)", R"("version": "2")"), "$.version"},
             {with(minimal, R"("weight": 4)", R"("weight": -1)"), "$.risk_items[0].weight"},
             {with(minimal, R"({"item": "debts")", R"({"item": "weapon")"), "$.complexity_items[0].item"},
             {with(minimal, R"("min_score": 4)", R"("min_score": 0)"), "$.risk_levels[1].min_score"},
             {with(minimal, R"({"item": "weapon"}})", R"({"item": "knife"}})"), "$.rules[0].when.item"},
             {with(minimal, R"({"item": "weapon"}})", R"({"moon": "full"}})"), "$.rules[0].when.moon"},
             {with(minimal, R"("track": 2)", R"("track": 4)"), "$.rules[0].track"},
             {with(minimal, R"({"item": "weapon"}})", R"({"risk_level_at_least": "extreme"}})"),
              "$.rules[0].when.risk_level_at_least"},
             {with(minimal, R"({"item": "weapon"}})", R"({"all": []}})"), "$.rules[0].when.all"},
         }) {
      CAPTURE(f.text);
      auto loaded = load_instrument(f.text);
      REQUIRE_FALSE(loaded);
      CHECK(loaded.error().code == errc::invalid_argument);
      CHECK(loaded.error().message.find(f.path) != std::string::npos);
    }
    CHECK(load_instrument_file("/nonexistent/instrument.json").error().code == errc::not_found);
  }

  TEST_CASE("the decision record shows evidence, unknowns, cues and disagreements") {
    auto r = test::sample_report();
    r.indicators = {{"injury", tri_state::yes}, {"weapon", tri_state::no}, {"debts", tri_state::yes},
                    {"mental_health", tri_state::yes}};
    r.measures = {};
    r.narrative = "Hij heeft haar gewurgd. Hij bedreigde haar met een mes.";
    auto p = evaluate(*builtin_instrument(), *builtin_lexicons(), r, {});
    CHECK(p.track == track::chain);
    REQUIRE(p.rules.size() == 1);
    bool narrative_evidence = false;
    for (const auto& e : p.rules[0].evidence)
      narrative_evidence = narrative_evidence || (e.item == "strangulation" && e.source == "narrative" && e.detail == "gewurgd");
    CHECK(narrative_evidence);
    REQUIRE(p.disagreements.size() == 1);
    CHECK(p.disagreements[0].item == "weapon");
    CHECK(p.disagreements[0].matched == "mes");
    CHECK(p.unknowns == 21 - 5);
    CHECK(p.many_unknowns);

    std::string json;
    append_proposal_json(json, p);
    auto parsed = boost::json::parse(json).as_object();
    CHECK(parsed.at("track").as_int64() == 2);
    CHECK(parsed.at("instrument").as_string() == "swift-1");
    CHECK(parsed.at("disagreements").as_array().size() == 1);
    CHECK(parsed.at("unknown_items").as_array().size() == 16);
  }

  TEST_CASE("few unknowns are not flagged") {
    auto r = test::sample_report();
    r.indicators.clear();
    for (const auto* list : {&builtin_instrument()->risk_items, &builtin_instrument()->complexity_items})
      for (const auto& i : *list) r.indicators.push_back({i.item, tri_state::no});
    r.narrative.clear();
    auto p = evaluate(*builtin_instrument(), *builtin_lexicons(), r, {});
    CHECK(p.unknowns == 0);
    CHECK_FALSE(p.many_unknowns);
  }
}

TEST_SUITE("core/triage/instrument") {
  TEST_CASE("a rule on earlier tracks fires on the family's history, and intake reads that history only when needed") {
    auto in = load_instrument(R"({"name": "t", "version": 3, "many_unknowns": 9, "risk_items": [], "complexity_items": [],
      "risk_levels": [{"level": "low", "min_score": 0}],
      "rules": [{"id": "was_intensive", "track": 2, "when": {"earlier_track_at_least": 3}}]})");
    REQUIRE(in);
    CHECK((*in)->uses_earlier_tracks);
    CHECK_FALSE(builtin_instrument()->uses_earlier_tracks);
    auto r = test::sample_report();
    r.measures = {};
    store::family_history history;
    CHECK(evaluate(**in, lexicon_set{}, r, history).track == track::help_offer);
    history.earlier_tracks = {track::help_offer, track::intensive};
    auto p = evaluate(**in, lexicon_set{}, r, history);
    CHECK(p.track == track::chain);
    REQUIRE(p.rules.size() == 1);
    CHECK(p.rules[0].evidence[0].detail == "an earlier report went to track 3");
  }
}
