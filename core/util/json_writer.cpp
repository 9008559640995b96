#include "core/util/json_writer.hpp"

#include <array>
#include <charconv>

namespace casechain::core {

namespace {

// Which bytes need escaping: control characters, the quote and the backslash.
constexpr std::array<bool, 256> escape_table() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[static_cast<size_t>(c)] = true;
  table['"'] = table['\\'] = true;
  return table;
}
constexpr auto needs_escape = escape_table();

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  size_t run_start = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    if (!needs_escape[c]) continue;
    out.append(value.data() + run_start, i - run_start);
    run_start = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
    }
  }
  out.append(value.data() + run_start, value.size() - run_start);
  out += '"';
}

void json_writer::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_) out_ += ',';
  first_ = false;
}

void json_writer::key(std::string_view name) {
  separate();
  append_json_string(out_, name);
  out_ += ':';
  after_key_ = true;
}

void json_writer::string(std::string_view value) {
  separate();
  append_json_string(out_, value);
}

void json_writer::integer(std::int64_t value) {
  separate();
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, end);
}

void json_writer::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
}

void json_writer::raw(std::string_view json) {
  separate();
  out_ += json;
}

void json_writer::null() {
  separate();
  out_ += "null";
}

}  // namespace casechain::core
