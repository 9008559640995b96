#include "core/triage/narrative_cues.hpp"

#include "core/intake/name_matching.hpp"
#include "core/triage/builtin_files.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <tuple>
#include <optional>

namespace casechain::core::triage {
namespace json = boost::json;

namespace {

struct phrase_word {
  std::string text;
  bool prefix = false;  // written with a trailing '*'
  bool gap = false;     // written "~": up to `max_gap` other words
  bool matches(std::string_view token) const { return prefix ? token.starts_with(text) : token == text; }
};

constexpr size_t max_gap = 3;

struct phrase {
  std::string item;
  std::vector<phrase_word> words;
};

struct lexicon {
  std::string language;
  std::vector<phrase> phrases;
  std::vector<std::string> negations;  // negate a cue within `window` words before it
  std::vector<std::string> denials;    // negate any cue after them in the same clause
  std::vector<std::string> resets;     // words that end a clause ("maar", "mais", "but")
  size_t window = 4;
};

// A phrase of one lexicon: the index of the lexicon, then of the phrase.
struct phrase_ref {
  std::uint32_t lexicon;
  std::uint32_t phrase;
};

struct token {
  std::string_view text;  // folded: lower-case ASCII (a view into the tokeniser's buffer)
  size_t begin = 0;       // byte range in the narrative
  size_t end = 0;
  size_t clause = 0;
  size_t folded_begin = 0;  // where `text` lies in the buffer
  size_t folded_length = 0;
};

// Words of a text, folded once into one buffer that the tokens view.
struct tokenised {
  std::string folded;
  std::vector<token> tokens;
};

// Phrases are found by the first three letters of their first word (a
// shorter word is padded): one array lookup per narrative word, no hashing.
constexpr size_t bucket_count = 27 * 27 * 27;

std::optional<size_t> bucket_of(std::string_view word) {
  if (word.empty()) return std::nullopt;
  size_t key = 0;
  for (size_t i = 0; i < 3; ++i) {
    size_t letter = 26;  // padding
    if (i < word.size()) {
      if (word[i] < 'a' || word[i] > 'z') return std::nullopt;
      letter = static_cast<size_t>(word[i] - 'a');
    }
    key = key * 27 + letter;
  }
  return key;
}

constexpr std::array<bool, 256> word_byte_table() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[static_cast<size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
  return table;
}
constexpr auto word_bytes = word_byte_table();
bool is_word_byte(unsigned char c) { return word_bytes[c]; }
bool ends_clause(char c) { return c == '.' || c == '!' || c == '?' || c == ';' || c == ',' || c == ':' || c == '\n'; }

// Splits into folded words with their byte ranges and clause numbers.
// Apostrophes split ("l'a" -> "l", "a"), hyphens too.
tokenised tokenise(std::string_view text) {
  tokenised out;
  out.folded.reserve(text.size());
  out.tokens.reserve(text.size() / 5 + 1);
  // Views into `folded` are made at the end (it may grow); until then the
  // token's text holds {offset, length} in a view over nullptr.
  size_t clause = 0;
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!is_word_byte(c)) {
      if (ends_clause(static_cast<char>(c))) ++clause;
      ++i;
      continue;
    }
    size_t start = i;
    bool ascii = true;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) {
      auto b = static_cast<unsigned char>(text[i]);
      // U+2019 (’) is three bytes starting 0xE2: treat as a separator.
      if (b == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
          static_cast<unsigned char>(text[i + 2]) == 0x99)
        break;
      ascii = ascii && b < 0x80;
      ++i;
    }
    if (i == start) {  // a typographic apostrophe
      i += 3;
      continue;
    }
    size_t folded_begin = out.folded.size();
    if (ascii) {
      out.folded.append(text.data() + start, i - start);
      for (size_t k = folded_begin; k < out.folded.size(); ++k)
        if (out.folded[k] >= 'A' && out.folded[k] <= 'Z') out.folded[k] = static_cast<char>(out.folded[k] - 'A' + 'a');
    } else {
      // Folding can turn one letter into two ("œ" -> "oe") or a symbol into a space; keep one token.
      for (char ch : intake::fold_ascii(text.substr(start, i - start)))
        if (ch != ' ') out.folded += ch;
    }
    if (out.folded.size() > folded_begin)
      out.tokens.push_back({std::string_view(nullptr, 0), start, i, clause, folded_begin, out.folded.size() - folded_begin});
  }
  for (auto& t : out.tokens) t.text = std::string_view(out.folded).substr(t.folded_begin, t.folded_length);
  return out;
}

// The lexicon's own copy of `w` (so views of it outlive the text), or empty.
std::string_view lookup(const std::vector<std::string>& words, std::string_view w) {
  auto it = std::find(words.begin(), words.end(), w);
  return it == words.end() ? std::string_view{} : std::string_view(*it);
}
bool contains(const std::vector<std::string>& words, std::string_view w) { return !lookup(words, w).empty(); }

std::vector<std::string> string_list(const json::object& o, const char* key, const std::string& path, std::string& problem) {
  std::vector<std::string> out;
  auto v = o.if_contains(key);
  if (!v) return out;
  if (!v->is_array()) {
    problem = path + "." + key + ": expected an array of words";
    return out;
  }
  for (const auto& w : v->get_array()) {
    if (!w.is_string()) {
      problem = path + "." + key + ": expected an array of words";
      return out;
    }
    auto folded = intake::fold_ascii(std::string_view(w.get_string()));
    folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
    out.push_back(std::move(folded));
  }
  return out;
}

// Matches p.words[w...] against tokens[t...] within one clause; on success
// `end` is one past the last matched token. A gap takes the fewest words.
bool match_from(const phrase& p, size_t w, const std::vector<token>& tokens, size_t t, size_t clause, size_t& end) {
  if (w == p.words.size()) {
    end = t;
    return true;
  }
  if (p.words[w].gap) {
    for (size_t skip = 0; skip <= max_gap; ++skip) {
      if (t + skip > tokens.size()) return false;
      if (skip > 0 && tokens[t + skip - 1].clause != clause) return false;
      if (match_from(p, w + 1, tokens, t + skip, clause, end)) return true;
    }
    return false;
  }
  if (t >= tokens.size() || tokens[t].clause != clause || !p.words[w].matches(tokens[t].text)) return false;
  return match_from(p, w + 1, tokens, t + 1, clause, end);
}

// Finds the negation of the cue starting at token `first`, if any.
std::string_view negation_before(const lexicon& lex, const std::vector<token>& tokens, size_t first) {
  size_t clause = tokens[first].clause;
  for (size_t back = 1; back <= first; ++back) {
    const auto& t = tokens[first - back];
    if (t.clause != clause || contains(lex.resets, t.text)) break;
    if (back <= lex.window)
      if (auto word = lookup(lex.negations, t.text); !word.empty()) return word;
    if (auto word = lookup(lex.denials, t.text); !word.empty()) return word;
  }
  return {};
}

}  // namespace

struct lexicon_set::data {
  std::vector<lexicon> lexicons;
  std::vector<std::vector<phrase_ref>> buckets = std::vector<std::vector<phrase_ref>>(bucket_count);
};

lexicon_set::lexicon_set() : data_(std::make_unique<data>()) {}
lexicon_set::~lexicon_set() = default;
lexicon_set::lexicon_set(lexicon_set&&) noexcept = default;
lexicon_set& lexicon_set::operator=(lexicon_set&&) noexcept = default;

std::vector<std::string> lexicon_set::languages() const {
  std::vector<std::string> out;
  for (const auto& lex : data_->lexicons) out.push_back(lex.language);
  return out;
}

result<void> add_lexicon(lexicon_set& set, std::string_view json_text) {
  boost::system::error_code ec;
  auto document = json::parse(json_text, ec);
  if (ec || !document.is_object()) return fail(errc::invalid_argument, "lexicon: expected a JSON object");
  const auto& root = document.get_object();
  lexicon lex;
  std::string problem;
  auto language = root.if_contains("language");
  if (!language || !language->is_string() || language->get_string().empty())
    return fail(errc::invalid_argument, "lexicon: $.language: expected a language code");
  lex.language = std::string(language->get_string());
  lex.negations = string_list(root, "negations", "$", problem);
  lex.denials = string_list(root, "denials", "$", problem);
  lex.resets = string_list(root, "resets", "$", problem);
  if (auto window = root.if_contains("window")) {
    if (!window->is_int64() || window->get_int64() < 1 || window->get_int64() > 12)
      return fail(errc::invalid_argument, "lexicon " + lex.language + ": $.window: expected 1 to 12");
    lex.window = static_cast<size_t>(window->get_int64());
  }
  auto cues = root.if_contains("cues");
  if (!cues || !cues->is_object()) return fail(errc::invalid_argument, "lexicon " + lex.language + ": $.cues: expected an object");
  for (const auto& [item, phrases] : cues->get_object()) {
    std::string path = "$.cues." + std::string(item);
    if (!phrases.is_array()) return fail(errc::invalid_argument, "lexicon " + lex.language + ": " + path + ": expected an array");
    for (const auto& text : phrases.get_array()) {
      if (!text.is_string()) return fail(errc::invalid_argument, "lexicon " + lex.language + ": " + path + ": expected strings");
      phrase p{std::string(item), {}};
      // Words split on spaces; a word written with a trailing '*' is a prefix.
      std::string_view raw(text.get_string());
      while (!raw.empty()) {
        auto space = raw.find(' ');
        auto word = raw.substr(0, space);
        raw = space == std::string_view::npos ? std::string_view{} : raw.substr(space + 1);
        if (word == "~") {
          if (p.words.empty())
            return fail(errc::invalid_argument, "lexicon " + lex.language + ": " + path + ": a phrase cannot start with ~");
          p.words.push_back({"", false, true});
          continue;
        }
        bool prefix = word.ends_with('*');
        if (prefix) word.remove_suffix(1);
        auto parts = tokenise(word);
        for (size_t k = 0; k < parts.tokens.size(); ++k)
          p.words.push_back({std::string(parts.tokens[k].text), prefix && k + 1 == parts.tokens.size()});
      }
      if (p.words.empty() || (p.words.front().prefix && p.words.front().text.size() < 3))
        return fail(errc::invalid_argument, "lexicon " + lex.language + ": " + path + ": a phrase needs a word of 3 or more letters first");
      lex.phrases.push_back(std::move(p));
    }
  }
  if (!problem.empty()) return fail(errc::invalid_argument, "lexicon " + lex.language + ": " + problem);
  auto& d = *set.data_;
  auto lexicon_number = static_cast<std::uint32_t>(d.lexicons.size());
  for (size_t i = 0; i < lex.phrases.size(); ++i) {
    const auto& first = lex.phrases[i].words.front();
    auto bucket = bucket_of(first.text);
    if (!bucket)
      return fail(errc::invalid_argument, "lexicon " + lex.language + ": a phrase must start with a letter a-z (after folding accents)");
    d.buckets[*bucket].push_back({lexicon_number, static_cast<std::uint32_t>(i)});
  }
  d.lexicons.push_back(std::move(lex));
  return {};
}

std::vector<cue_hit> lexicon_set::find(std::string_view narrative) const {
  std::vector<cue_hit> hits;
  if (narrative.empty()) return hits;
  auto words = tokenise(narrative);
  const auto& tokens = words.tokens;
  auto try_phrase = [&](size_t start, phrase_ref ref) {
    const auto& lex = data_->lexicons[ref.lexicon];
    const auto& p = lex.phrases[ref.phrase];
    size_t end = 0;
    if (!match_from(p, 0, tokens, start, tokens[start].clause, end)) return;
    cue_hit hit{p.item, lex.language,
                std::string(narrative.substr(tokens[start].begin, tokens[end - 1].end - tokens[start].begin)), false,
                negation_before(lex, tokens, start), tokens[start].begin};
    // A negation inside the span ("kinderen waren niet aanwezig") negates too.
    for (size_t k = start + 1; k + 1 < end && hit.negation.empty(); ++k) hit.negation = lookup(lex.negations, tokens[k].text);
    hit.negated = !hit.negation.empty();
    hits.push_back(std::move(hit));
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    // A prefix phrase word is at least three letters, so the first three letters find both kinds.
    if (auto bucket = bucket_of(tokens[i].text))
      for (auto ref : data_->buckets[*bucket]) try_phrase(i, ref);
  }
  // Two languages can share a word ("stalking"); one hit per item and place,
  // negated when any language's reading negates it ("No stalking").
  std::sort(hits.begin(), hits.end(), [](const cue_hit& a, const cue_hit& b) {
    return std::tie(a.offset, a.item, b.negated) < std::tie(b.offset, b.item, a.negated);
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const cue_hit& a, const cue_hit& b) { return a.offset == b.offset && a.item == b.item; }),
             hits.end());
  return hits;
}

std::shared_ptr<const lexicon_set> builtin_lexicons() {
  static const auto loaded = [] {
    auto set = std::make_shared<lexicon_set>();
    for (const auto* name : {"nl.json", "fr.json", "en.json"}) {
      auto text = builtin_file(name);
      if (!text) throw std::logic_error(std::string("the built-in lexicon ") + name + " is missing");
      add_lexicon(*set, *text).value();  // a broken built-in file is a build defect
    }
    return std::shared_ptr<const lexicon_set>(std::move(set));
  }();
  return loaded;
}

}  // namespace casechain::core::triage
