#pragma once
// Normalising and comparing person names for linking reports to known
// persons. A name is folded to lower-case ASCII (accents removed, ligatures
// and ß spelled out), punctuation and hyphens become spaces, runs of spaces
// collapse, and surname particles ("van", "de", "der", "le", "du", "d'", …)
// are dropped unless nothing else is left. Pure functions; thread-safe.

#include <string>
#include <string_view>

namespace casechain::core::intake {

// Lower-case ASCII: accents removed, ligatures and ß spelled out, every
// other character (punctuation, spaces) a space. Same length or longer.
std::string fold_ascii(std::string_view text);

// "Van den Bossche" -> "bossche"; "  José-Marie " -> "jose marie".
std::string normalise_name(std::string_view name);

// Optimal string alignment distance (Levenshtein with adjacent swaps),
// stopping early once it exceeds `limit` (then returns limit + 1).
int edit_distance(std::string_view a, std::string_view b, int limit);

enum class name_match { none, probable, certain };

// Compares two normalised (first, last) name pairs: certain when both are
// equal; probable when they differ by typing errors only (at most one edit
// per name up to 8 letters, two beyond) or first and last are swapped.
name_match compare_names(std::string_view first_a, std::string_view last_a, std::string_view first_b,
                         std::string_view last_b);

}  // namespace casechain::core::intake
