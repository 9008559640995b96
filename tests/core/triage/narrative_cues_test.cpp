#include "core/triage/narrative_cues.hpp"
#include "core/demo/narratives.hpp"

#include <doctest/doctest.h>

using namespace casechain::core::triage;

namespace {

const cue_hit* find_item(const std::vector<cue_hit>& hits, const std::string& item) {
  for (const auto& h : hits)
    if (h.item == item) return &h;
  return nullptr;
}

}  // namespace

TEST_SUITE("core/triage/narrative_cues") {
  TEST_CASE("cues are found in each language with the words they matched") {
    auto lex = builtin_lexicons();
    struct expectation {
      const char* text;
      const char* item;
      const char* matched;
      const char* language;
    };
    for (const auto& e : std::vector<expectation>{
             {"Hij heeft haar gewurgd.", "strangulation", "gewurgd", "nl"},
             {"Hij greep haar bij de keel.", "strangulation", "bij de keel", "nl"},
             {"Il l'a étranglée hier soir.", "strangulation", "étranglée", "fr"},
             {"He grabbed her by the throat.", "strangulation", "by the throat", "en"},
             {"Hij dreigde haar te vermoorden.", "threats_to_kill", "te vermoorden", "nl"},
             {"Elle est enceinte de cinq mois.", "pregnancy", "enceinte", "fr"},
             {"She is PREGNANT.", "pregnancy", "PREGNANT", "en"},
             {"Il était sous l'influence de l'alcool.", "substance_abuse", "sous l'influence", "fr"},
             {"De kinderen waren aanwezig tijdens de feiten.", "children_present", "kinderen waren aanwezig", "nl"},
         }) {
      CAPTURE(e.text);
      auto hits = lex->find(e.text);
      auto hit = find_item(hits, e.item);
      REQUIRE(hit);
      CHECK(hit->matched == e.matched);
      CHECK(hit->language == e.language);
      CHECK_FALSE(hit->negated);
    }
  }

  TEST_CASE("negations and denials are recognised in each language") {
    auto lex = builtin_lexicons();
    struct expectation {
      const char* text;
      const char* item;
      const char* negation;
    };
    for (const auto& e : std::vector<expectation>{
             {"Er werd geen wapen gebruikt.", "weapon", "geen"},
             {"Hij ontkent te hebben gewurgd.", "strangulation", "ontkent"},
             {"Zij zegt niet bang te zijn.", "victim_fear", "niet"},
             {"De kinderen waren niet aanwezig.", "children_present", "niet"},
             {"Pas d'arme.", "weapon", "pas"},
             {"Il nie l'avoir étranglée.", "strangulation", "nie"},
             {"Les enfants n'étaient pas présents.", "children_present", "pas"},
             {"Aucune menace de mort n'a été proférée.", "threats_to_kill", "aucune"},
             {"No weapon was used.", "weapon", "no"},
             {"He denies strangling her.", "strangulation", "denies"},
             {"The children were not present.", "children_present", "not"},
         }) {
      CAPTURE(e.text);
      auto hits = lex->find(e.text);
      auto hit = find_item(hits, e.item);
      REQUIRE(hit);
      CHECK(hit->negated);
      CHECK(hit->negation == e.negation);
    }
  }

  TEST_CASE("a negation does not reach past its clause or window") {
    auto lex = builtin_lexicons();
    auto across_clause = lex->find("Geen alcohol. Hij had een mes.");
    REQUIRE(find_item(across_clause, "weapon"));
    CHECK_FALSE(find_item(across_clause, "weapon")->negated);
    auto after_but = lex->find("No alcohol but he used a knife");
    REQUIRE(find_item(after_but, "weapon"));
    CHECK_FALSE(find_item(after_but, "weapon")->negated);
    auto far = lex->find("Er was geen probleem met de buren toen hij haar met een mes bedreigde");
    REQUIRE(find_item(far, "weapon"));
    CHECK_FALSE(find_item(far, "weapon")->negated);
  }

  TEST_CASE("hits keep their order and byte offsets") {
    auto lex = builtin_lexicons();
    std::string text = "Hij had een mes. Zij is zwanger.";
    auto hits = lex->find(text);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].item == "weapon");
    CHECK(hits[1].item == "pregnancy");
    CHECK(text.substr(hits[1].offset, hits[1].matched.size()) == "zwanger");
    CHECK(lex->find("").empty());
    CHECK(lex->find("Er is niets gebeurd.").empty());
  }

  TEST_CASE("malformed lexicons are refused with the path at fault") {
    lexicon_set set;
    CHECK_FALSE(add_lexicon(set, "not json"));
    auto no_language = add_lexicon(set, R"({"cues": {}})");
    REQUIRE_FALSE(no_language);
    CHECK(no_language.error().message.find("$.language") != std::string::npos);
    auto bad_cues = add_lexicon(set, R"({"language": "nl", "cues": {"weapon": "mes"}})");
    REQUIRE_FALSE(bad_cues);
    CHECK(bad_cues.error().message.find("$.cues.weapon") != std::string::npos);
    auto short_prefix = add_lexicon(set, R"({"language": "nl", "cues": {"weapon": ["me*"]}})");
    REQUIRE_FALSE(short_prefix);
    auto leading_gap = add_lexicon(set, R"({"language": "nl", "cues": {"weapon": ["~ mes"]}})");
    REQUIRE_FALSE(leading_gap);
    REQUIRE(add_lexicon(set, R"({"language": "xx", "negations": ["nope"], "cues": {"weapon": ["blade*"]}})"));
    auto hits = set.find("nope bladed thing");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].negated);
  }
}

TEST_SUITE("core/triage/narrative_cues") {
  TEST_CASE("a word two languages share is one hit, negated when either language negates it") {
    auto hits = builtin_lexicons()->find("No stalking was reported.");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].item == "stalking");
    CHECK(hits[0].negated);
    auto positive = builtin_lexicons()->find("Er is sprake van stalking.");
    REQUIRE(positive.size() == 1);
    CHECK_FALSE(positive[0].negated);
  }

  TEST_CASE("every phrase the demo generator writes is read as intended") {
    // The generator's phrase table is the lexicon's contract; see core/demo/narratives.cpp.
    auto lex = builtin_lexicons();
    int checked = 0;
    for (const auto& phrase : casechain::core::demo::cue_phrases()) {
      for (bool victim_female : {false, true}) {
        for (bool suspect_female : {false, true}) {
          std::string text;
          casechain::core::demo::append_phrase(text, phrase.text, {phrase.language, victim_female, suspect_female});
          CAPTURE(text);
          auto hits = lex->find(text);
          bool found = false;
          for (const auto& h : hits)
            found = found || (h.item == casechain::core::demo::to_string(phrase.item) && h.negated == phrase.negated);
          CHECK(found);
          ++checked;
        }
      }
    }
    CHECK(checked >= 400);
  }
}
