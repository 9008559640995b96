#pragma once
// Writing CSV (RFC 4180): fields separated by commas, rows ended by CRLF; a
// field holding a comma, quote, CR or LF is quoted with its quotes doubled.
// A text field starting with = + - @ (read as a formula by spreadsheets) gets
// a leading apostrophe, so opening an export never runs anything.

#include <initializer_list>
#include <string>
#include <string_view>

namespace casechain::core::csv {

void append_field(std::string& out, std::string_view value);
// Appends the fields, comma-separated, and CRLF.
void append_row(std::string& out, std::initializer_list<std::string_view> fields);

}  // namespace casechain::core::csv
