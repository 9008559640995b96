// Fuzzes the narrative cue reader: the built-in lexicons (nl, fr, en) over a
// narrative made of the fuzz bytes; when the first byte asks for it, the bytes
// are read as a lexicon file instead, and that lexicon reads a fixed narrative.
// Oracle beyond the sanitizers: every hit lies inside the narrative, in order.
#include "core/triage/narrative_cues.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace casechain::core::triage;

void check(bool condition) {
  if (!condition) std::abort();
}

void check_hits(const lexicon_set& set, std::string_view narrative) {
  std::size_t previous = 0;
  for (const auto& hit : set.find(narrative)) {
    check(hit.offset <= narrative.size());
    check(hit.offset >= previous);
    check(!hit.item.empty());
    check(!hit.matched.empty());
    check(hit.negated || hit.negation.empty());
    previous = hit.offset;
  }
}

constexpr std::string_view fixed_narrative =
    "Hij heeft haar gewurgd en dreigde met een mes. Il l'a menacée de mort, pas de coups. "
    "He denies choking her but she was strangled; no weapon was found.";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] == 'L') {
    lexicon_set own;
    if (add_lexicon(own, text)) {
      check_hits(own, fixed_narrative);
      check_hits(own, text);
    }
    return 0;
  }
  static const auto builtin = builtin_lexicons();
  check_hits(*builtin, text);
  return 0;
}
