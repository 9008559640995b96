#pragma once
// Risk cues read from a report's free-text narrative, in Dutch, French and
// English. Each language has a lexicon file (core/triage/lexicons/*.json):
// per instrument item, phrases of one or more words ("gewurgd", "keel
// dichtgeknepen", "menacé de mort"); a word ending in '*' matches any word
// starting with it. Words are compared case- and accent-insensitively.
// A hit is negated when a negation word ("geen", "niet", "ontkent", "pas",
// "no", "denies", …) stands before it in the same clause, within the
// lexicon's negation window. Every hit carries the words it matched, exactly
// as written. Lexicons are immutable once loaded and safe to share.

#include "core/error.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace casechain::core::triage {

// A hit's item, language and negation word are views into the lexicon set
// that found it, which must outlive the hit.
struct cue_hit {
  std::string_view item;      // instrument item, e.g. "weapon"
  std::string_view language;  // "nl", "fr", "en"
  std::string matched;        // the narrative's own words that matched
  bool negated = false;
  std::string_view negation;  // the negating word (as the lexicon has it), when negated
  std::size_t offset = 0;     // byte offset of the match in the narrative
};

class lexicon_set;

// Parses one lexicon file; errors name the JSON path at fault.
result<void> add_lexicon(lexicon_set& set, std::string_view json_text);

class lexicon_set {
 public:
  lexicon_set();
  ~lexicon_set();
  lexicon_set(lexicon_set&&) noexcept;
  lexicon_set& operator=(lexicon_set&&) noexcept;

  // Every cue in `narrative`, in order of appearance; one hit per phrase occurrence.
  std::vector<cue_hit> find(std::string_view narrative) const;
  std::vector<std::string> languages() const;

 private:
  friend result<void> add_lexicon(lexicon_set&, std::string_view);
  struct data;
  std::unique_ptr<data> data_;
};

// The built-in lexicons (nl, fr, en).
std::shared_ptr<const lexicon_set> builtin_lexicons();

}  // namespace casechain::core::triage
