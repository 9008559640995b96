#include "core/util/time.hpp"

#include <charconv>

namespace casechain::core {
namespace {

// Reads exactly `width` digits at `pos`; nullopt on anything else.
std::optional<int> read_digits(std::string_view text, size_t pos, size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

void append_padded(std::string& out, int value, int width) {
  char buffer[8];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  for (auto digits = static_cast<int>(end - buffer); digits < width; ++digits) out += '0';
  out.append(buffer, end);
}

}  // namespace

std::optional<date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = read_digits(text, 0, 4), m = read_digits(text, 5, 2), d = read_digits(text, 8, 2);
  if (!y || !m || !d || *y < 1900 || *y > 2200) return std::nullopt;
  date result{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
              std::chrono::day{static_cast<unsigned>(*d)}};
  if (!result.ok()) return std::nullopt;
  return result;
}

std::string format_date(date d) {
  std::string out;
  out.reserve(10);
  append_padded(out, static_cast<int>(d.year()), 4);
  out += '-';
  append_padded(out, static_cast<int>(static_cast<unsigned>(d.month())), 2);
  out += '-';
  append_padded(out, static_cast<int>(static_cast<unsigned>(d.day())), 2);
  return out;
}

std::optional<timestamp> parse_timestamp(std::string_view text) {
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
  auto day = parse_date(text.substr(0, 10));
  auto h = read_digits(text, 11, 2), mi = read_digits(text, 14, 2), s = read_digits(text, 17, 2);
  if (!day || !h || !mi || !s || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
  auto tail = text.substr(19);
  int offset_minutes = 0;
  if (tail == "Z") {
    offset_minutes = 0;
  } else if (tail.size() == 6 && (tail[0] == '+' || tail[0] == '-') && tail[3] == ':') {
    auto oh = read_digits(tail, 1, 2), om = read_digits(tail, 4, 2);
    if (!oh || !om || *oh > 14 || *om > 59) return std::nullopt;
    offset_minutes = (*oh * 60 + *om) * (tail[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  using namespace std::chrono;
  return timestamp{sys_days{*day} + hours{*h} + minutes{*mi} + seconds{*s} - minutes{offset_minutes}};
}

std::string format_timestamp(timestamp t) {
  using namespace std::chrono;
  auto day = floor<days>(t);
  hh_mm_ss<seconds> clock{t - day};
  std::string out = format_date(date{day});
  out += 'T';
  append_padded(out, static_cast<int>(clock.hours().count()), 2);
  out += ':';
  append_padded(out, static_cast<int>(clock.minutes().count()), 2);
  out += ':';
  append_padded(out, static_cast<int>(clock.seconds().count()), 2);
  out += 'Z';
  return out;
}

}  // namespace casechain::core
