#pragma once
// Reading one police report from its JSON input format (DESIGN.md, "Police
// report"; core/model/report_json.hpp writes the same format) and checking
// every field on the way in. Owns the validation rules of a report; knows
// nothing of the store, linking or triage.
//
// Errors: a report that breaks a rule gives invalid_argument with the first
// problem found, checking fields in the order of the format (unknown fields
// of an object first, then its fields in order):
//   "field persons[1].birth_date: expected a date YYYY-MM-DD, got \"1990-13-01\""
//   "malformed JSON at offset 17: syntax error"
// Messages never contain sensitive values: names, addresses, phone numbers,
// national register numbers and narrative text are never echoed. A bad value
// is quoted only when it has the shape of what was expected (a date: three
// groups of digits split by - / or ., maybe with a time; a vocabulary word:
// lower_snake_case), so a name or a phone number typed into the wrong field
// does not leak into a log. JSON with a key twice keeps the last (Boost.JSON).
//
// Rules beyond the types: `null` counts as absent for every optional field;
// "" counts as absent for national_id and phone; lengths given in characters
// count Unicode code points, the narrative's limit counts bytes; national
// register numbers are normalised to "YY.MM.DD-XXX.CC" and their check digits
// verified; one-line fields refuse control characters.
//
// Thread safety: the free functions are safe to call from any thread; a
// report_json_parser is one thread's.

#include "core/error.hpp"
#include "core/model/police_report.hpp"

#include <boost/json/fwd.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace casechain::core {

// Parses and validates one JSON object. Never throws on bad input; fails with
// invalid_argument (malformed JSON, a broken rule). Trailing whitespace is
// fine, anything else after the object is malformed.
result<police_report> parse_report(std::string_view json_text);
// A string literal is JSON text (boost::json::value could also be made from it).
inline result<police_report> parse_report(const char* json_text) { return parse_report(std::string_view(json_text)); }

// The same validation on an already parsed value. Strings are taken to be
// valid UTF-8 (the JSON parser checks it; a caller that builds the value from
// other bytes checks them itself).
result<police_report> parse_report(const boost::json::value& json);

// What is wrong, before it becomes a message: the field's path in the report
// ("persons[1].birth_date", "persons", "" for the report itself) and the
// problem ("expected a date YYYY-MM-DD, got \"1990-13-01\""). The message of
// parse_report is "field <path>: <problem>" (or "<problem>" for "").
struct report_field_error {
  std::string path;
  std::string problem;
};

// The lower level of parse_report(value), for callers that flattened the
// report and want to name their own columns (the CSV reader). Fills `out`
// and returns nullopt, or returns the first problem (with `out` half filled).
std::optional<report_field_error> read_report(const boost::json::value& json, police_report& out);

// A parser for batches: keeps its buffers (the JSON tree's memory, the
// parser's stack) from one report to the next, so a report of ordinary size
// is read without allocating for the tree. One per thread.
class report_json_parser {
 public:
  report_json_parser();
  ~report_json_parser();
  report_json_parser(const report_json_parser&) = delete;
  report_json_parser& operator=(const report_json_parser&) = delete;

  // As parse_report(std::string_view).
  result<police_report> parse(std::string_view json_text);

 private:
  struct state;
  std::unique_ptr<state> state_;
};

// True for an instrument item's name: 1 to 40 characters of a-z and _.
bool is_indicator_name(std::string_view name);

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF): what the JSON parser accepts in strings.
bool is_valid_utf8(std::string_view text);

}  // namespace casechain::core
