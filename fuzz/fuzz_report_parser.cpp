// Fuzzes the police report parser: one JSON report (parse_report and the
// batch parser), and a batch as NDJSON or CSV (report_reader). The first byte
// chooses the format. Oracles beyond the sanitizers: the two JSON parsers
// agree, and a report that parsed writes back to JSON that parses again to
// the same JSON.
#include "core/intake/report_parser.hpp"
#include "core/intake/report_reader.hpp"
#include "core/model/report_json.hpp"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

namespace {

using namespace casechain::core;

void check(bool condition) {
  if (!condition) std::abort();
}

void fuzz_json(std::string_view text) {
  static report_json_parser batch_parser;  // reused across inputs, as in a batch
  auto report = parse_report(text);
  auto again = batch_parser.parse(text);
  check(bool(report) == bool(again));
  if (!report) return;
  std::string written;
  append_report_json(written, *report);
  auto reread = parse_report(written);
  check(bool(reread));
  std::string rewritten;
  append_report_json(rewritten, *reread);
  check(written == rewritten);
}

void fuzz_batch(std::string_view text, batch_format format) {
  std::istringstream in{std::string(text)};
  report_reader reader(in, format);
  std::int64_t last_line = 0;
  while (auto item = reader.next()) {
    check(item->line >= last_line);  // records come in order of their lines
    last_line = item->line;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: fuzz_json(text); break;
    case 1: fuzz_batch(text, batch_format::ndjson); break;
    default: fuzz_batch(text, batch_format::csv); break;
  }
  detect_format("", text);
  return 0;
}
