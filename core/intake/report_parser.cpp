#include "core/intake/report_parser.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/stream_parser.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <cstdint>

namespace casechain::core {
namespace {

namespace json = boost::json;

// Limits of the format (DESIGN.md, "Police report"). Address parts have no
// limit there; these are generous for Belgian addresses and keep rows small.
constexpr std::size_t max_external_ref_chars = 64;
constexpr std::size_t max_police_zone_chars = 100;
constexpr std::size_t max_name_chars = 100;
constexpr std::size_t max_street_chars = 200;
constexpr std::size_t max_house_number_chars = 20;
constexpr std::size_t max_municipality_chars = 100;
constexpr std::size_t max_phone_chars = 32;
constexpr std::size_t max_persons = 20;
constexpr std::size_t max_indicators = 64;
constexpr std::size_t max_indicator_name = 40;
constexpr std::size_t max_narrative_bytes = 20000;

// A field's place in the report, linked on the stack while the walk descends;
// written out only when there is an error to report. The report itself is a
// null path.
struct path {
  const path* parent = nullptr;
  std::string_view key;   // the field's name; empty for an array item
  std::size_t index = 0;  // the item's position in its array
};

void append_path(std::string& out, const path* p) {
  if (p == nullptr) return;
  append_path(out, p->parent);
  if (p->key.empty()) {
    out += '[';
    out += std::to_string(p->index);
    out += ']';
  } else {
    if (!out.empty()) out += '.';
    out += p->key;
  }
}

std::string_view kind_of(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
  }
  return "a value";
}

std::string_view view(const json::string& s) { return {s.data(), s.size()}; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads up to `max` digits at `pos`; the number read (0 when none).
std::size_t skip_digits(std::string_view s, std::size_t pos, std::size_t max) {
  std::size_t n = 0;
  while (pos + n < s.size() && n < max && is_digit(s[pos + n])) ++n;
  return n;
}

// A value that looks like a date or a timestamp written some way
// ("1990-13-01", "14/03/2026", "2026-03-14 21:40") and so may be quoted in a
// message; a phone number or a national register number does not match.
bool date_shaped(std::string_view s) {
  if (s.size() > 30) return false;
  auto separator = [s](std::size_t pos) {
    return pos < s.size() && (s[pos] == '-' || s[pos] == '/' || s[pos] == '.');
  };
  std::size_t n = skip_digits(s, 0, 4);
  if (n == 0 || !separator(n)) return false;
  std::size_t pos = n + 1;
  n = skip_digits(s, pos, 2);
  if (n == 0 || !separator(pos + n)) return false;
  pos += n + 1;
  n = skip_digits(s, pos, 4);
  if (n == 0) return false;
  pos += n;
  if (pos == s.size()) return true;
  if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return false;
  for (++pos; pos < s.size(); ++pos) {
    char c = s[pos];
    if (!is_digit(c) && c != ':' && c != '.' && c != '+' && c != '-' && c != 'Z' && c != 'z') return false;
  }
  return true;
}

// A lower_snake_case word like the vocabularies' own names: may be quoted.
bool vocabulary_shaped(std::string_view s) {
  if (s.empty() || s.size() > 32 || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!(c >= 'a' && c <= 'z') && !is_digit(c) && c != '_') return false;
  return true;
}

// Field names that may be repeated in a message about an unknown field.
bool key_shaped(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !is_digit(c) && c != '_' && c != '-') return false;
  return true;
}

std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out += s;
  out += '"';
  return out;
}

template <class E>
const std::string& expected_one_of() {
  static const std::string text = [] {
    std::string out = "expected one of ";
    bool first = true;
    for (auto name : enum_names<E>::values) {
      if (!first) out += ", ";
      out += name;
      first = false;
    }
    return out;
  }();
  return text;
}

// The 11 digits of a national register number written "YY.MM.DD-XXX.CC" or
// as 11 digits; nullopt for any other shape.
std::optional<std::array<char, 11>> national_id_digits(std::string_view s) {
  std::array<char, 11> digits{};
  if (s.size() == 11) {
    for (std::size_t i = 0; i < 11; ++i) {
      if (!is_digit(s[i])) return std::nullopt;
      digits[i] = s[i];
    }
    return digits;
  }
  if (s.size() != 15 || s[2] != '.' || s[5] != '.' || s[8] != '-' || s[12] != '.') return std::nullopt;
  std::size_t n = 0;
  for (std::size_t i = 0; i < 15; ++i) {
    if (i == 2 || i == 5 || i == 8 || i == 12) continue;
    if (!is_digit(s[i])) return std::nullopt;
    digits[n++] = s[i];
  }
  return digits;
}

// CC = 97 - (YYMMDDXXX mod 97); for people born from 2000 on the nine digits
// are prefixed with "2". The birth year's century is not in the number, so
// either variant is accepted.
bool national_id_check_ok(const std::array<char, 11>& d) {
  std::uint64_t base = 0;
  for (std::size_t i = 0; i < 9; ++i) base = base * 10 + static_cast<std::uint64_t>(d[i] - '0');
  auto check = static_cast<std::uint64_t>((d[9] - '0') * 10 + (d[10] - '0'));
  return 97 - base % 97 == check || 97 - (2000000000ULL + base) % 97 == check;
}

// Walks a parsed report, filling a police_report; stops at the first problem.
class report_walker {
 public:
  std::optional<report_field_error> error;

  bool report(const json::value& v, police_report& out);

 private:
  bool fail(const path* at, std::string problem) {
    report_field_error e;
    append_path(e.path, at);
    e.problem = std::move(problem);
    error = std::move(e);
    return false;
  }

  bool required(const json::value* v, const path& at) {
    if (v != nullptr) return true;
    return fail(&at, "is required");
  }

  // Looks each key of the object up in `names`; `slots[i]` gets the value of
  // names[i], or null when it is absent or JSON null.
  template <std::size_t N>
  bool fields(const json::value& v, const path* at, const std::array<std::string_view, N>& names,
              std::array<const json::value*, N>& slots) {
    const auto* object = v.if_object();
    if (object == nullptr) return fail(at, "expected an object, got " + std::string(kind_of(v)));
    slots.fill(nullptr);
    for (const auto& member : *object) {
      std::string_view key = member.key();
      std::size_t i = 0;
      while (i < N && names[i] != key) ++i;
      if (i == N) {
        if (!key_shaped(key)) return fail(at, "has an unknown field (its name is not shown)");
        path field{at, key};
        return fail(&field, "unknown field");
      }
      if (!member.value().is_null()) slots[i] = &member.value();
    }
    return true;
  }

  // A one-line string of min_chars to max_chars Unicode code points (bytes
  // that do not continue a UTF-8 sequence).
  bool text(const json::value& v, const path& at, std::size_t min_chars, std::size_t max_chars, std::string& out) {
    const auto* s = v.if_string();
    if (s == nullptr) return fail(&at, "expected a string, got " + std::string(kind_of(v)));
    std::string_view t = view(*s);
    std::size_t chars = 0;
    bool control = false;
    for (char c : t) {  // one pass: these strings are most of a report
      auto u = static_cast<unsigned char>(c);
      chars += (u & 0xC0) != 0x80;
      control = control || u < 0x20 || u == 0x7F;
    }
    if (chars < min_chars) return fail(&at, "must not be empty");
    if (chars > max_chars)
      return fail(&at, "expected at most " + std::to_string(max_chars) + " characters, got " + std::to_string(chars));
    if (control) return fail(&at, "must not contain control characters (line breaks, tabs)");
    out.assign(t);
    return true;
  }

  bool read_date(const json::value& v, const path& at, date& out) {
    static constexpr std::string_view expected = "expected a date YYYY-MM-DD";
    const auto* s = v.if_string();
    if (s == nullptr) return fail(&at, std::string(expected) + ", got " + std::string(kind_of(v)));
    auto parsed = parse_date(view(*s));
    if (!parsed) {
      if (date_shaped(view(*s))) return fail(&at, std::string(expected) + ", got " + quoted(view(*s)));
      return fail(&at, std::string(expected));
    }
    out = *parsed;
    return true;
  }

  bool read_timestamp(const json::value& v, const path& at, timestamp& out) {
    static constexpr std::string_view expected = "expected a timestamp YYYY-MM-DDTHH:MM:SSZ (or with a +HH:MM offset)";
    const auto* s = v.if_string();
    if (s == nullptr) return fail(&at, std::string(expected) + ", got " + std::string(kind_of(v)));
    auto parsed = parse_timestamp(view(*s));
    if (!parsed) {
      if (date_shaped(view(*s))) return fail(&at, std::string(expected) + ", got " + quoted(view(*s)));
      return fail(&at, std::string(expected));
    }
    out = *parsed;
    return true;
  }

  template <class E>
  bool read_enum(const json::value& v, const path& at, E& out) {
    const auto* s = v.if_string();
    if (s == nullptr) return fail(&at, expected_one_of<E>() + ", got " + std::string(kind_of(v)));
    auto parsed = parse<E>(view(*s));
    if (!parsed) {
      if (vocabulary_shaped(view(*s))) return fail(&at, expected_one_of<E>() + ", got " + quoted(view(*s)));
      return fail(&at, expected_one_of<E>());
    }
    out = *parsed;
    return true;
  }

  bool read_bool(const json::value* v, const path& at, bool& out) {
    if (v == nullptr) return true;  // absent: keeps the default, false
    const auto* b = v->if_bool();
    if (b == nullptr) return fail(&at, "expected true or false, got " + std::string(kind_of(*v)));
    out = *b;
    return true;
  }

  bool persons(const json::value& v, const path& at, date reported_on, std::vector<report_person>& out);
  bool person(const json::value& v, const path& at, date reported_on, report_person& out);
  bool address(const json::value& v, const path& at, postal_address& out);
  bool national_id(const json::value& v, const path& at, std::string& out);
  bool phone(const json::value& v, const path& at, std::string& out);
  bool violence(const json::value& v, const path& at, violence_kinds& out);
  bool indicators(const json::value& v, const path& at, std::vector<indicator>& out);
  bool measures(const json::value& v, const path& at, report_measures& out);
};

bool report_walker::report(const json::value& v, police_report& out) {
  static constexpr std::array<std::string_view, 10> names{
      "external_ref", "police_zone", "reported_at", "incident_at", "persons",
      "relationship", "violence",    "indicators",  "measures",    "narrative"};
  std::array<const json::value*, 10> f{};
  if (!fields(v, nullptr, names, f)) return false;
  std::array<path, 10> at;
  for (std::size_t i = 0; i < names.size(); ++i) at[i] = path{nullptr, names[i]};

  if (!required(f[0], at[0]) || !text(*f[0], at[0], 1, max_external_ref_chars, out.external_ref)) return false;
  if (!required(f[1], at[1]) || !text(*f[1], at[1], 1, max_police_zone_chars, out.police_zone)) return false;
  if (!required(f[2], at[2]) || !read_timestamp(*f[2], at[2], out.reported_at)) return false;
  // The report's day as the police wrote it (in their offset): a child born
  // that day, reported just after local midnight, is not born in the future.
  date reported_on = std::max(date_of(out.reported_at), parse_date(view(f[2]->get_string()).substr(0, 10)).value());
  if (f[3] != nullptr) {
    timestamp incident;
    if (!read_timestamp(*f[3], at[3], incident)) return false;
    if (incident > out.reported_at) return fail(&at[3], "must not be after reported_at");
    out.incident_at = incident;
  }
  if (!required(f[4], at[4]) || !persons(*f[4], at[4], reported_on, out.persons)) return false;
  if (!required(f[5], at[5]) || !read_enum(*f[5], at[5], out.relationship)) return false;
  if (f[6] != nullptr && !violence(*f[6], at[6], out.violence)) return false;
  if (f[7] != nullptr && !indicators(*f[7], at[7], out.indicators)) return false;
  if (f[8] != nullptr && !measures(*f[8], at[8], out.measures)) return false;
  if (f[9] != nullptr) {
    const auto* s = f[9]->if_string();
    if (s == nullptr) return fail(&at[9], "expected a string, got " + std::string(kind_of(*f[9])));
    if (s->size() > max_narrative_bytes)
      return fail(&at[9], "expected at most " + std::to_string(max_narrative_bytes) + " bytes, got " +
                              std::to_string(s->size()));
    out.narrative.assign(s->data(), s->size());
  }
  return true;
}

bool report_walker::persons(const json::value& v, const path& at, date reported_on,
                            std::vector<report_person>& out) {
  const auto* array = v.if_array();
  if (array == nullptr) return fail(&at, "expected an array of persons, got " + std::string(kind_of(v)));
  if (array->empty() || array->size() > max_persons)
    return fail(&at, "expected 1 to " + std::to_string(max_persons) + " persons, got " + std::to_string(array->size()));
  out.resize(array->size());
  bool victim = false;
  for (std::size_t i = 0; i < array->size(); ++i) {
    path item{&at, {}, i};
    if (!person((*array)[i], item, reported_on, out[i])) return false;
    victim = victim || out[i].role == family_role::victim;
  }
  if (!victim) return fail(&at, "needs at least one person with role victim");
  return true;
}

bool report_walker::person(const json::value& v, const path& at, date reported_on, report_person& out) {
  static constexpr std::array<std::string_view, 8> names{
      "role", "first_name", "last_name", "birth_date", "gender", "national_id", "address", "phone"};
  std::array<const json::value*, 8> f{};
  if (!fields(v, &at, names, f)) return false;
  std::array<path, 8> p;
  for (std::size_t i = 0; i < names.size(); ++i) p[i] = path{&at, names[i]};

  if (!required(f[0], p[0]) || !read_enum(*f[0], p[0], out.role)) return false;
  if (f[1] != nullptr && !text(*f[1], p[1], 0, max_name_chars, out.first_name)) return false;
  if (f[2] != nullptr && !text(*f[2], p[2], 0, max_name_chars, out.last_name)) return false;
  if (out.first_name.empty() && out.last_name.empty()) return fail(&at, "needs a first_name or a last_name");
  if (f[3] != nullptr) {
    date born;
    if (!read_date(*f[3], p[3], born)) return false;
    if (born > reported_on)
      return fail(&p[3], "must not be after the date of reported_at");
    out.birth_date = born;
  }
  if (f[4] != nullptr && !read_enum(*f[4], p[4], out.gender)) return false;
  if (f[5] != nullptr && !national_id(*f[5], p[5], out.national_id)) return false;
  if (f[6] != nullptr) {
    out.address.emplace();
    if (!address(*f[6], p[6], *out.address)) return false;
  }
  if (f[7] != nullptr && !phone(*f[7], p[7], out.phone)) return false;
  return true;
}

bool report_walker::address(const json::value& v, const path& at, postal_address& out) {
  static constexpr std::array<std::string_view, 4> names{"street", "number", "postcode", "municipality"};
  std::array<const json::value*, 4> f{};
  if (!fields(v, &at, names, f)) return false;
  std::array<path, 4> p;
  for (std::size_t i = 0; i < names.size(); ++i) p[i] = path{&at, names[i]};
  if (f[0] != nullptr && !text(*f[0], p[0], 0, max_street_chars, out.street)) return false;
  if (f[1] != nullptr && !text(*f[1], p[1], 0, max_house_number_chars, out.number)) return false;
  if (f[2] != nullptr) {
    const auto* s = f[2]->if_string();
    if (s == nullptr) return fail(&p[2], "expected a string of 4 digits, got " + std::string(kind_of(*f[2])));
    std::string_view code = view(*s);
    if (!code.empty() && (code.size() != 4 || skip_digits(code, 0, 4) != 4)) return fail(&p[2], "expected 4 digits");
    out.postcode.assign(code);
  }
  if (f[3] != nullptr && !text(*f[3], p[3], 0, max_municipality_chars, out.municipality)) return false;
  return true;
}

bool report_walker::national_id(const json::value& v, const path& at, std::string& out) {
  const auto* s = v.if_string();
  if (s == nullptr) return fail(&at, "expected a string, got " + std::string(kind_of(v)));
  if (s->empty()) return true;  // unknown, as the model writes it
  auto digits = national_id_digits(view(*s));
  if (!digits) return fail(&at, "expected a national register number YY.MM.DD-XXX.CC or its 11 digits");
  if (!national_id_check_ok(*digits)) return fail(&at, "the check digit does not match");
  const auto& d = *digits;
  out.assign({d[0], d[1], '.', d[2], d[3], '.', d[4], d[5], '-', d[6], d[7], d[8], '.', d[9], d[10]});
  return true;
}

bool report_walker::phone(const json::value& v, const path& at, std::string& out) {
  static constexpr std::string_view expected = "expected at most 32 characters of digits, spaces and + - / .";
  const auto* s = v.if_string();
  if (s == nullptr) return fail(&at, std::string(expected) + ", got " + std::string(kind_of(v)));
  std::string_view t = view(*s);
  if (t.empty()) return true;  // unknown, as the model writes it
  bool digit = false;
  for (char c : t) {
    digit = digit || is_digit(c);
    if (!is_digit(c) && c != ' ' && c != '+' && c != '-' && c != '/' && c != '.') return fail(&at, std::string(expected));
  }
  if (t.size() > max_phone_chars || !digit) return fail(&at, std::string(expected));
  out.assign(t);
  return true;
}

bool report_walker::violence(const json::value& v, const path& at, violence_kinds& out) {
  static constexpr std::array<std::string_view, 6> names{"physical", "psychological", "sexual",
                                                         "economic", "threats",       "stalking"};
  std::array<const json::value*, 6> f{};
  if (!fields(v, &at, names, f)) return false;
  std::array<bool*, 6> target{&out.physical, &out.psychological, &out.sexual,
                              &out.economic, &out.threats,       &out.stalking};
  for (std::size_t i = 0; i < names.size(); ++i) {
    path p{&at, names[i]};
    if (!read_bool(f[i], p, *target[i])) return false;
  }
  return true;
}

bool report_walker::indicators(const json::value& v, const path& at, std::vector<indicator>& out) {
  const auto* object = v.if_object();
  if (object == nullptr) return fail(&at, "expected an object, got " + std::string(kind_of(v)));
  if (object->size() > max_indicators)
    return fail(&at, "expected at most " + std::to_string(max_indicators) + " items, got " +
                         std::to_string(object->size()));
  out.reserve(object->size());
  std::size_t position = 0;
  for (const auto& member : *object) {
    ++position;
    std::string_view name = member.key();
    if (!is_indicator_name(name))
      return fail(&at, "item " + std::to_string(position) + " has an invalid name: expected 1 to " +
                           std::to_string(max_indicator_name) + " characters a-z or _");
    const json::value& value = member.value();
    tri_state state = tri_state::unknown;
    if (const auto* b = value.if_bool()) {
      state = *b ? tri_state::yes : tri_state::no;
    } else if (!value.is_null()) {
      path p{&at, name};
      return fail(&p, "expected true, false or null, got " + std::string(kind_of(value)));
    }
    out.push_back(indicator{std::string(name), state});
  }
  return true;
}

bool report_walker::measures(const json::value& v, const path& at, report_measures& out) {
  static constexpr std::array<std::string_view, 3> names{"restraining_order", "arrest", "red_file"};
  std::array<const json::value*, 3> f{};
  if (!fields(v, &at, names, f)) return false;
  path order_at{&at, names[0]};
  if (f[0] != nullptr) {
    static constexpr std::array<std::string_view, 2> order_names{"from", "until"};
    std::array<const json::value*, 2> o{};
    if (!fields(*f[0], &order_at, order_names, o)) return false;
    path from_at{&order_at, "from"}, until_at{&order_at, "until"};
    restraining_order order;
    if (!required(o[0], from_at) || !read_date(*o[0], from_at, order.from)) return false;
    if (!required(o[1], until_at) || !read_date(*o[1], until_at, order.until)) return false;
    if (order.from > order.until) return fail(&order_at, "from must not be after until");
    out.restraining_order = order;
  }
  path arrest_at{&at, names[1]}, red_file_at{&at, names[2]};
  return read_bool(f[1], arrest_at, out.arrest) && read_bool(f[2], red_file_at, out.red_file);
}

error to_error(const report_field_error& e) {
  if (e.path.empty()) return fail(errc::invalid_argument, e.problem);
  return fail(errc::invalid_argument, "field " + e.path + ": " + e.problem);
}

// Where in `text` the JSON parser gave up. Only on the error path: replays the
// text through a streaming parser (which stops at the offending byte), a
// chunk at a time and then byte by byte within the failing chunk.
std::size_t error_offset(std::string_view text) {
  constexpr std::size_t chunk = 256;
  json::stream_parser probe;
  boost::system::error_code ec;
  std::size_t start = 0;
  for (; start < text.size(); start += chunk) {
    probe.write_some(text.data() + start, std::min(chunk, text.size() - start), ec);
    if (ec) break;
  }
  if (!ec) return text.size();  // the text ended too early
  probe.reset();
  ec.clear();
  if (start > 0) probe.write_some(text.data(), start, ec);
  for (std::size_t i = start; i < text.size() && !ec; ++i) {
    probe.write_some(text.data() + i, 1, ec);
    if (ec) return i;
  }
  return start;
}

result<police_report> parse_text(json::parser& parser, std::string_view text) {
  boost::system::error_code ec;
  std::size_t used = parser.write(text.data(), text.size(), ec);
  if (ec) {
    std::size_t offset = ec == json::error::extra_data ? used : error_offset(text);
    return fail(errc::invalid_argument, "malformed JSON at offset " + std::to_string(offset) + ": " + ec.message());
  }
  json::value tree = parser.release();
  return parse_report(tree);
}

}  // namespace

std::optional<report_field_error> read_report(const boost::json::value& json, police_report& out) {
  report_walker walker;
  if (walker.report(json, out)) return std::nullopt;
  return std::move(walker.error);
}

result<police_report> parse_report(const boost::json::value& json) {
  police_report report;
  if (auto problem = read_report(json, report)) return to_error(*problem);
  return report;
}

result<police_report> parse_report(std::string_view json_text) {
  // An ordinary report's tree and the parser's stack fit on the stack.
  unsigned char tree_buffer[16384];
  unsigned char stack_buffer[2048];
  json::monotonic_resource tree(tree_buffer, sizeof tree_buffer);
  json::parser parser(json::storage_ptr(), json::parse_options(), stack_buffer);
  parser.reset(json::storage_ptr(&tree));
  return parse_text(parser, json_text);
}

struct report_json_parser::state {
  static constexpr std::size_t tree_bytes = 64 * 1024;
  std::unique_ptr<unsigned char[]> tree_buffer{new unsigned char[tree_bytes]};
  json::monotonic_resource tree{tree_buffer.get(), tree_bytes};
  unsigned char stack_buffer[4096];
  json::parser parser{json::storage_ptr(), json::parse_options(), stack_buffer};
};

report_json_parser::report_json_parser() : state_(std::make_unique<state>()) {}
report_json_parser::~report_json_parser() = default;

result<police_report> report_json_parser::parse(std::string_view json_text) {
  state& s = *state_;
  s.parser.reset(json::storage_ptr(&s.tree));
  auto out = parse_text(s.parser, json_text);
  s.parser.reset();  // holds nothing of the tree any more
  s.tree.release();  // back to the first buffer, larger blocks returned
  return out;
}

bool is_indicator_name(std::string_view name) {
  if (name.empty() || name.size() > max_indicator_name) return false;
  for (char c : name)
    if (!(c >= 'a' && c <= 'z') && c != '_') return false;
  return true;
}

bool is_valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the second byte's range
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return false;
    }
    if (static_cast<std::size_t>(end - p) < length) return false;
    if (p[1] < low || p[1] > high) return false;
    for (std::size_t i = 2; i < length; ++i)
      if (p[i] < 0x80 || p[i] > 0xBF) return false;
    p += length;
  }
  return true;
}

}  // namespace casechain::core
