#pragma once
// Opening a batch file named on the command line ("-" is standard input),
// and telling its format (NDJSON or CSV) from --format, its name or its first bytes.

#include "api/cli/command_line.hpp"
#include "core/error.hpp"
#include "core/intake/report_reader.hpp"

#include <fstream>
#include <istream>
#include <memory>
#include <string>

namespace casechain::api::cli {

struct input_file {
  std::unique_ptr<std::ifstream> file;  // empty for standard input
  std::istream* stream = nullptr;
  core::batch_format format = core::batch_format::ndjson;
};

// `format_option` is "ndjson", "csv" or empty (detect).
core::result<input_file> open_input(const std::string& path, const std::string& format_option, io& streams);

}  // namespace casechain::api::cli
