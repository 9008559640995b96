#pragma once
// Reading a batch of police reports from a stream, one record at a time:
// NDJSON (one JSON object a line, the format of report_parser.hpp) or CSV
// (the same fields flattened, below). Every record goes through the same
// validation, parse_report(boost::json::value), so a rule holds the same in
// both formats. Owns the framing (lines, CSV quoting, line numbers) and the
// CSV layout; knows nothing of the store.
//
// Errors: a bad record is an item whose report failed with invalid_argument,
// its message starting with the record's first line; reading goes on with
// the next record. A CSV header that cannot be used fails once, on its line,
// and ends the batch (no row can be read without it). Like the parser, the
// messages never quote names, addresses, phone numbers, national register
// numbers or narratives.
//   "line 12: longer than 1 MiB"
//   "line 7, field persons[0].birth_date: expected a date YYYY-MM-DD, got \"1990-13-01\""  (NDJSON)
//   "line 7, column p1_birth_date: expected a date YYYY-MM-DD, got \"1990-13-01\""        (CSV)
//
// Memory is bounded by one record: a record over 1 MiB is skipped without
// being kept. A UTF-8 byte order mark at the start of the stream is skipped.
//
// Thread safety: a reader is one thread's; distinct readers are independent.
//
// THE CSV FORMAT (RFC 4180: comma separated, fields quoted with double
// quotes, "" for a quote inside, quoted fields may hold commas and line
// breaks, lines end with CRLF or LF). The first row names the columns; they
// may come in any order, every one must be known, none twice. Required:
// external_ref, police_zone, reported_at, relationship, p1_role. An empty
// cell is an absent field; a row of empty cells is skipped. Columns:
//   external_ref, police_zone      text
//   reported_at, incident_at       timestamp "2026-03-14T21:40:00Z" (or +01:00)
//   relationship                   partner|ex_partner|parent_child|child_parent|sibling|other_family|other
//   violence                       kinds separated by ';': "physical;threats" (physical, psychological,
//                                  sexual, economic, threats, stalking; any case); empty = none
//   narrative                      text, may span lines
//   order_from, order_until        the restraining order's dates YYYY-MM-DD; both empty = no order
//   arrest, red_file               true/false, yes/no, 1/0 (also ja/nee, oui/non); empty = false
//   p1_role … p6_role              victim|suspect|child|other; a person p<n> exists when p<n>_role is
//                                  not empty, and a p<n>_* column needs its p<n>_role column
//   p<n>_first_name, p<n>_last_name, p<n>_birth_date (YYYY-MM-DD), p<n>_gender (female|male|x|unknown),
//   p<n>_national_id, p<n>_street, p<n>_number, p<n>_postcode, p<n>_municipality, p<n>_phone
//                                  the person's fields; the address exists when one of its four is set
//   ind_<item>                     one column per instrument item (<item> is 1 to 40 of a-z and _):
//                                  true/false, yes/no, 1/0, ja/nee, oui/non (any case); "unknown" keeps
//                                  the item as unknown; empty leaves it out (also unknown)
// A row's indicators come in the order of their columns. The writer below
// puts the columns in the order listed: the eleven report columns, p1_* to
// p6_* (each person's eleven in the order above), then the ind_* columns.

#include "core/error.hpp"
#include "core/model/police_report.hpp"

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casechain::core {

enum class batch_format { ndjson, csv };

// The format from the file name (.ndjson/.jsonl/.json → ndjson, .csv → csv,
// any case), else from the first byte that is not blank (past a byte order
// mark): '{' → ndjson, a letter, '_' or '"' (a header row) → csv. nullopt
// when neither tells.
std::optional<batch_format> detect_format(std::string_view file_name, std::string_view first_bytes);

struct batch_item {
  std::int64_t line;  // first line of the record, 1-based
  result<police_report> report;
};

class report_reader {
 public:
  // Reads from `in` as it goes; `in` must outlive the reader.
  report_reader(std::istream& in, batch_format format);
  ~report_reader();
  report_reader(const report_reader&) = delete;
  report_reader& operator=(const report_reader&) = delete;

  // The next record, or nullopt at the end. Never throws on bad input; blank
  // lines (and CSV rows of empty cells) are skipped; a stream that cannot be
  // read (a read error, a file that did not open) ends the batch with an
  // error item.
  std::optional<batch_item> next();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// The CSV header row (ending in CRLF): every column of the layout, with six
// person slots and one ind_<item> column per item, in the order given.
void append_report_csv_header(std::string& out, const std::vector<std::string>& indicator_items);

// One CSV row (ending in CRLF) under that header. Reading it back gives the
// same report when it has at most six persons, every indicator item is in
// `indicator_items` (in the same order) and no address has all four parts
// empty; what does not fit the layout is left out.
void append_report_csv_row(std::string& out, const police_report& report,
                           const std::vector<std::string>& indicator_items);

}  // namespace casechain::core
