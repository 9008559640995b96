#include "core/intake/name_matching.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace casechain::core::intake {
namespace {

// Folds one decoded code point of Latin-1 Supplement / Latin Extended-A to
// ASCII; returns an empty view for code points it does not know.
std::string_view fold(char32_t c) {
  if (c >= 0xC0 && c <= 0xC5) return "a";
  if (c >= 0xE0 && c <= 0xE5) return "a";
  switch (c) {
    case 0xC6: case 0xE6: return "ae";
    case 0xC7: case 0xE7: return "c";
    case 0xC8: case 0xC9: case 0xCA: case 0xCB: case 0xE8: case 0xE9: case 0xEA: case 0xEB: return "e";
    case 0xCC: case 0xCD: case 0xCE: case 0xCF: case 0xEC: case 0xED: case 0xEE: case 0xEF: return "i";
    case 0xD1: case 0xF1: return "n";
    case 0xD2: case 0xD3: case 0xD4: case 0xD5: case 0xD6: case 0xD8:
    case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF6: case 0xF8: return "o";
    case 0xD9: case 0xDA: case 0xDB: case 0xDC: case 0xF9: case 0xFA: case 0xFB: case 0xFC: return "u";
    case 0xDD: case 0xFD: case 0xFF: return "y";
    case 0xDF: return "ss";
    case 0x152: case 0x153: return "oe";
    case 0x160: case 0x161: return "s";
    case 0x17D: case 0x17E: return "z";
    case 0x106: case 0x107: case 0x10C: case 0x10D: return "c";
    case 0x11A: case 0x11B: case 0x118: case 0x119: return "e";
    case 0x141: case 0x142: return "l";
    case 0x158: case 0x159: return "r";
    case 0x15A: case 0x15B: case 0x15E: case 0x15F: return "s";
    case 0x178: return "y";
    case 0x2019: case 0x2018: return "'";  // typographic apostrophes
    default: return {};
  }
}

constexpr std::array<std::string_view, 17> particles{"van", "de", "der", "den", "het", "ter", "ten", "te", "vander",
                                                     "vanden", "le", "la", "les", "du", "des", "d", "l"};

bool is_particle(std::string_view word) {
  return std::find(particles.begin(), particles.end(), word) != particles.end();
}

}  // namespace

std::string fold_ascii(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
      else out += ' ';
      ++i;
      continue;
    }
    int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    char32_t code = length == 2 ? (c & 0x1Fu) : length == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (int k = 1; k < length && i + static_cast<size_t>(k) < name.size(); ++k)
      code = (code << 6) | (static_cast<unsigned char>(name[i + static_cast<size_t>(k)]) & 0x3Fu);
    auto folded = fold(code);
    out += folded == "'" || folded.empty() ? std::string_view(" ") : folded;
    i += static_cast<size_t>(length);
  }
  return out;
}

std::string normalise_name(std::string_view name) {
  std::string folded = fold_ascii(name);
  std::vector<std::string_view> words;
  std::string_view rest = folded;
  while (!rest.empty()) {
    auto start = rest.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    auto end = std::min(rest.find(' '), rest.size());
    words.push_back(rest.substr(0, end));
    rest.remove_prefix(end);
  }
  bool all_particles = std::all_of(words.begin(), words.end(), is_particle);
  std::string out;
  for (auto word : words) {
    if (!all_particles && is_particle(word)) continue;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

int edit_distance(std::string_view a, std::string_view b, int limit) {
  auto length_gap = static_cast<int>(a.size() > b.size() ? a.size() - b.size() : b.size() - a.size());
  if (length_gap > limit) return limit + 1;
  const size_t n = b.size();
  // Three rows of the dynamic programme: two back for transpositions.
  std::vector<int> before(n + 1), previous(n + 1), current(n + 1);
  for (size_t j = 0; j <= n; ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    int row_best = current[0];
    for (size_t j = 1; j <= n; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[n], limit + 1);
}

name_match compare_names(std::string_view first_a, std::string_view last_a, std::string_view first_b,
                         std::string_view last_b) {
  if (first_a == first_b && last_a == last_b) return name_match::certain;
  auto allowed = [](std::string_view x) { return x.size() > 8 ? 2 : 1; };
  auto close = [&](std::string_view x, std::string_view y) {
    if (x == y) return true;
    if (x.empty() || y.empty()) return false;
    return edit_distance(x, y, allowed(x)) <= allowed(x);
  };
  if (close(first_a, first_b) && close(last_a, last_b)) return name_match::probable;
  if (first_a == last_b && last_a == first_b) return name_match::probable;  // fields swapped
  return name_match::none;
}

}  // namespace casechain::core::intake
