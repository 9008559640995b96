#include "api/cli/input_file.hpp"

namespace casechain::api::cli {

core::result<input_file> open_input(const std::string& path, const std::string& format_option, io& streams) {
  input_file input;
  if (path == "-") {
    input.stream = &streams.in;
  } else {
    input.file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*input.file) return core::fail(core::errc::not_found, "cannot read " + path);
    input.stream = input.file.get();
  }
  if (format_option == "ndjson" || format_option == "csv") {
    input.format = format_option == "csv" ? core::batch_format::csv : core::batch_format::ndjson;
    return input;
  }
  if (!format_option.empty())
    return core::fail(core::errc::invalid_argument, "--format: expected ndjson or csv, got '" + format_option + "'");
  // Look at the first bytes without consuming them: a second handle on a
  // file, one character of look-ahead on standard input.
  std::string first;
  if (input.file) {
    std::ifstream probe(path, std::ios::binary);
    first.resize(64);
    probe.read(first.data(), static_cast<std::streamsize>(first.size()));
    first.resize(static_cast<size_t>(probe.gcount()));
  } else if (auto c = streams.in.peek(); c != std::char_traits<char>::eof()) {
    first = std::string(1, static_cast<char>(c));
  }
  auto detected = core::detect_format(path == "-" ? "" : path, first);
  if (!detected)
    return core::fail(core::errc::invalid_argument,
                      "cannot tell whether " + path + " is NDJSON or CSV; name it .ndjson or .csv, or pass --format");
  input.format = *detected;
  return input;
}

}  // namespace casechain::api::cli
