#include "core/intake/name_matching.hpp"

#include <doctest/doctest.h>

using namespace casechain::core::intake;

TEST_SUITE("core/intake/name_matching") {
  TEST_CASE("names fold case, accents, spacing and punctuation") {
    CHECK(normalise_name("  José-Marie ") == "jose marie");
    CHECK(normalise_name("GRÉGOIRE") == "gregoire");
    CHECK(normalise_name("Françoise") == "francoise");
    CHECK(normalise_name("Ørsted  Nœl") == "orsted noel");
    CHECK(normalise_name("Straße") == "strasse");
    CHECK(normalise_name("O'Brien") == "o brien");
    CHECK(normalise_name("") == "");
  }

  TEST_CASE("surname particles are dropped unless they are the whole name") {
    CHECK(normalise_name("Van den Bossche") == "bossche");
    CHECK(normalise_name("van  den BOSSCHE") == "bossche");
    CHECK(normalise_name("De Smet") == "smet");
    CHECK(normalise_name("Vander Elst") == "elst");
    CHECK(normalise_name("d’Hondt") == "hondt");
    CHECK(normalise_name("D'Hondt") == "hondt");
    CHECK(normalise_name("Le Clercq") == "clercq");
    CHECK(normalise_name("De") == "de");
    CHECK(normalise_name("Van Der") == "van der");
  }

  TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps") {
    CHECK(edit_distance("peeters", "peeters", 2) == 0);
    CHECK(edit_distance("peeters", "peters", 2) == 1);
    CHECK(edit_distance("peeters", "peetesr", 2) == 1);
    CHECK(edit_distance("janssens", "jansens", 2) == 1);
    CHECK(edit_distance("dubois", "dupont", 2) == 3);  // beyond the limit: limit + 1
    CHECK(edit_distance("", "abc", 5) == 3);
    CHECK(edit_distance("abcdefgh", "a", 2) == 3);
  }

  TEST_CASE("names compare as certain, probable or none") {
    CHECK(compare_names("sofie", "bossche", "sofie", "bossche") == name_match::certain);
    CHECK(compare_names("sofie", "bossche", "sofei", "bossche") == name_match::probable);
    CHECK(compare_names("sofie", "bossche", "sophie", "bosche") == name_match::none);  // two short-name edits
    CHECK(compare_names("alexandra", "vermeulen", "alexandar", "vermeulne") == name_match::probable);
    CHECK(compare_names("sofie", "bossche", "bossche", "sofie") == name_match::probable);
    CHECK(compare_names("sofie", "bossche", "marie", "dubois") == name_match::none);
    CHECK(compare_names("sofie", "", "sofie", "bossche") == name_match::none);
  }
}
