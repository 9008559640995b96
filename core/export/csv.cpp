#include "core/export/csv.hpp"

#include <algorithm>

namespace casechain::core::csv {
namespace {

bool is_number(std::string_view v) {
  if (v.empty()) return false;
  size_t start = v[0] == '-' ? 1 : 0;
  return start < v.size() && std::all_of(v.begin() + static_cast<std::ptrdiff_t>(start), v.end(),
                                         [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void append_field(std::string& out, std::string_view value) {
  bool formula = !value.empty() && std::string_view("=+-@").find(value[0]) != std::string_view::npos && !is_number(value);
  bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out += '"';
  if (formula) out += '\'';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  if (quote) out += '"';
}

void append_row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (auto f : fields) {
    if (!first) out += ',';
    first = false;
    append_field(out, f);
  }
  out += "\r\n";
}

}  // namespace casechain::core::csv
