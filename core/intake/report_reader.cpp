#include "core/intake/report_reader.hpp"

#include "core/intake/report_parser.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <ios>

namespace casechain::core {
namespace {

namespace json = boost::json;

constexpr std::size_t max_record_bytes = std::size_t{1} << 20;
constexpr std::size_t read_chunk_bytes = 64 * 1024;
constexpr std::size_t person_slots = 6;

// The report's own columns, in the order the writer puts them.
constexpr std::array<std::string_view, 11> report_columns{
    "external_ref", "police_zone", "reported_at", "incident_at", "relationship", "violence",
    "narrative",    "order_from",  "order_until", "arrest",      "red_file"};
enum report_column : std::size_t {
  external_ref_col, police_zone_col, reported_at_col, incident_at_col, relationship_col,
  violence_col, narrative_col, order_from_col, order_until_col, arrest_col, red_file_col
};

// A person's columns, after the "p<n>_" prefix.
constexpr std::array<std::string_view, 11> person_columns{
    "role", "first_name", "last_name", "birth_date", "gender", "national_id",
    "street", "number", "postcode", "municipality", "phone"};
enum person_column : std::size_t {
  role_col, first_name_col, last_name_col, birth_date_col, gender_col, national_id_col,
  street_col, number_col, postcode_col, municipality_col, phone_col
};
constexpr std::size_t first_address_col = street_col;
constexpr std::size_t address_cols = 4;

constexpr std::array<std::string_view, 6> violence_names{"physical", "psychological", "sexual",
                                                         "economic", "threats",       "stalking"};

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::string line_prefix(std::int64_t line) { return "line " + std::to_string(line); }

error line_error(std::int64_t line, std::string_view problem) {
  return fail(errc::invalid_argument, line_prefix(line) + ": " + std::string(problem));
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// A cell's yes/no in any of the accepted spellings; nullopt for anything else.
std::optional<bool> yes_no(std::string_view cell) {
  for (auto yes : {"true", "yes", "1", "ja", "oui"})
    if (iequals(cell, yes)) return true;
  for (auto no : {"false", "no", "0", "nee", "non"})
    if (iequals(cell, no)) return false;
  return std::nullopt;
}

// A name that may be repeated in a message: lower_snake_case like the
// format's own column names. Anything else may be a data row taken for the
// header, so it is not quoted.
bool column_shaped(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

json::string_view json_view(std::string_view s) { return {s.data(), s.size()}; }

// Where each column of the header is; -1 when a column is absent.
struct csv_layout {
  std::size_t columns = 0;
  std::vector<std::string> names;  // by position, for messages
  std::array<int, report_columns.size()> report{};
  std::array<std::array<int, person_columns.size()>, person_slots> persons{};
  std::vector<std::pair<std::string, int>> indicators;  // item and position, in header order
};

// "p3_birth_date" → slot 2, field birth_date_col.
bool parse_person_column(std::string_view name, std::size_t& slot, std::size_t& field) {
  if (name.size() < 4 || name[0] != 'p' || name[1] < '1' || name[1] > '0' + static_cast<int>(person_slots) ||
      name[2] != '_')
    return false;
  auto found = std::find(person_columns.begin(), person_columns.end(), name.substr(3));
  if (found == person_columns.end()) return false;
  slot = static_cast<std::size_t>(name[1] - '1');
  field = static_cast<std::size_t>(found - person_columns.begin());
  return true;
}

void append_csv_field(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::optional<batch_format> detect_format(std::string_view file_name, std::string_view first_bytes) {
  auto slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  auto dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    auto extension = file_name.substr(dot + 1);
    if (iequals(extension, "ndjson") || iequals(extension, "jsonl") || iequals(extension, "json"))
      return batch_format::ndjson;
    if (iequals(extension, "csv")) return batch_format::csv;
  }
  if (first_bytes.substr(0, utf8_bom.size()) == utf8_bom) first_bytes.remove_prefix(utf8_bom.size());
  auto first = first_bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  char c = first_bytes[first];
  if (c == '{') return batch_format::ndjson;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '"') return batch_format::csv;
  return std::nullopt;
}

struct report_reader::impl {
  enum class record_status { ok, end, unterminated, too_long, stray_text };

  impl(std::istream& input, batch_format f) : in(input), format(f) {}

  std::optional<batch_item> next();
  std::optional<batch_item> next_ndjson();
  std::optional<batch_item> next_csv();
  bool fill();
  record_status read_csv_record(std::int64_t& first_line, bool& blank);
  std::optional<std::string> read_header();
  result<police_report> read_row(std::int64_t line);
  std::string csv_place(std::string_view path) const;

  std::string_view cell(std::size_t i) const {
    std::size_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(record).substr(begin, ends[i] - begin);
  }

  std::istream& in;
  batch_format format;

  // Input, read a chunk at a time.
  std::unique_ptr<char[]> buffer{new char[read_chunk_bytes]};
  std::size_t pos = 0;
  std::size_t end = 0;
  bool started = false;      // the first chunk was read (and its byte order mark skipped)
  bool at_end = false;       // the stream has nothing more
  bool read_failed = false;  // ... because it failed, not because it ended
  bool finished = false;     // nothing more will be returned
  std::int64_t line = 1;     // the line of the next byte

  // The current record: NDJSON's line, or CSV's cells back to back.
  std::string record;
  std::vector<std::size_t> ends;  // where each CSV cell ends in `record`

  report_json_parser json_parser;

  // CSV only.
  bool header_read = false;
  csv_layout layout;
  std::unique_ptr<unsigned char[]> row_buffer{new unsigned char[16384]};
  json::monotonic_resource row_memory{row_buffer.get(), 16384};
  std::vector<std::size_t> person_slot;  // persons[k] of the row came from slot person_slot[k]
};

bool report_reader::impl::fill() {
  while (pos == end) {
    if (at_end) return false;
    std::streamsize got = 0;
    try {
      in.read(buffer.get(), static_cast<std::streamsize>(read_chunk_bytes));
      got = in.gcount();
    } catch (const std::ios_base::failure&) {  // a stream set to throw
      got = 0;
      read_failed = true;
    }
    pos = 0;
    end = static_cast<std::size_t>(std::max<std::streamsize>(got, 0));
    if (!started && end > 0) {
      started = true;
      if (std::string_view(buffer.get(), std::min(end, utf8_bom.size())) == utf8_bom) pos = utf8_bom.size();
    }
    if (got <= 0) {
      at_end = true;
      // End of file sets eofbit (and failbit); failbit alone is a stream
      // that could not be read at all (a file that did not open).
      read_failed = read_failed || in.bad() || (in.fail() && !in.eof());
    }
  }
  return true;
}

std::optional<batch_item> report_reader::impl::next() {
  if (finished) return std::nullopt;
  auto item = format == batch_format::ndjson ? next_ndjson() : next_csv();
  if (item) return item;
  finished = true;
  if (read_failed) return batch_item{line, line_error(line, "the input could not be read to its end")};
  return std::nullopt;
}

std::optional<batch_item> report_reader::impl::next_ndjson() {
  while (fill()) {
    std::int64_t first_line = line;
    record.clear();
    bool too_long = false;
    bool line_ended = false;
    while (!line_ended && fill()) {
      const char* begin = buffer.get() + pos;
      std::size_t available = end - pos;
      const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', available));
      std::size_t take = newline != nullptr ? static_cast<std::size_t>(newline - begin) : available;
      if (!too_long) {
        if (record.size() + take > max_record_bytes + 1) {  // + 1: a CR before the LF
          too_long = true;
          record.clear();
        } else {
          record.append(begin, take);
        }
      }
      pos += take;
      if (newline != nullptr) {
        ++pos;
        line_ended = true;
      }
    }
    ++line;
    if (!record.empty() && record.back() == '\r') record.pop_back();
    if (too_long || record.size() > max_record_bytes) return batch_item{first_line, line_error(first_line, "longer than 1 MiB")};
    if (is_blank(record)) continue;
    auto report = json_parser.parse(record);
    if (!report) {
      error e = report.error();
      e.message.insert(0, line_prefix(first_line) + ", ");
      return batch_item{first_line, std::move(e)};
    }
    return batch_item{first_line, std::move(report)};
  }
  return std::nullopt;
}

// Reads one CSV record into `record` and `ends`, counting lines. A record
// over the limit is read to its end but not kept.
report_reader::impl::record_status report_reader::impl::read_csv_record(std::int64_t& first_line, bool& blank) {
  record.clear();
  ends.clear();
  blank = false;
  if (!fill()) return record_status::end;
  first_line = line;
  enum class state { field_start, unquoted, quoted, after_quote };
  state st = state::field_start;
  std::size_t consumed = 0;
  bool too_long = false;
  bool stray = false;
  bool any_quoted = false;
  auto push = [&](char c) {
    if (!too_long) record += c;
  };
  auto end_field = [&] {
    if (!too_long) ends.push_back(record.size());
  };
  bool record_ended = false;
  while (!record_ended) {
    if (pos == end && !fill()) {  // the input ends the record
      if (st == state::quoted) return record_status::unterminated;
      end_field();
      break;
    }
    char c = buffer[pos++];
    if (++consumed > max_record_bytes && !too_long) {
      too_long = true;
      record.clear();
      ends.clear();
    }
    if (c == '\n') ++line;
    switch (st) {
      case state::field_start:
        if (c == '"') {
          st = state::quoted;
          any_quoted = true;
          break;
        }
        st = state::unquoted;
        [[fallthrough]];
      case state::unquoted:
        if (c == ',') {
          end_field();
          st = state::field_start;
        } else if (c == '\n') {
          std::size_t field_begin = ends.empty() ? 0 : ends.back();
          if (!too_long && record.size() > field_begin && record.back() == '\r') record.pop_back();
          end_field();
          record_ended = true;
        } else {
          push(c);
        }
        break;
      case state::quoted:
        if (c == '"') st = state::after_quote;
        else push(c);
        break;
      case state::after_quote:
        if (c == '"') {
          push('"');
          st = state::quoted;
        } else if (c == ',') {
          end_field();
          st = state::field_start;
        } else if (c == '\n') {
          end_field();
          record_ended = true;
        } else if (c != '\r') {  // a CR belongs to the CRLF that ends the line
          stray = true;
          push(c);
          st = state::unquoted;
        }
        break;
    }
  }
  if (too_long) return record_status::too_long;
  if (stray) return record_status::stray_text;
  blank = !any_quoted && is_blank(record);  // a blank line, or a row of empty cells
  return record_status::ok;
}

std::optional<batch_item> report_reader::impl::next_csv() {
  while (true) {
    std::int64_t first_line = line;
    bool blank = false;
    auto status = read_csv_record(first_line, blank);
    switch (status) {
      case record_status::end: return std::nullopt;
      case record_status::unterminated:
        return batch_item{first_line, line_error(first_line, "a quoted field never closes")};
      case record_status::too_long:
        if (!header_read) finished = true;
        return batch_item{first_line, line_error(first_line, "longer than 1 MiB")};
      case record_status::stray_text:
        if (!header_read) finished = true;
        return batch_item{first_line,
                          line_error(first_line, "text after the closing quote of a field (a quote inside is written \"\")")};
      case record_status::ok: break;
    }
    if (blank) continue;
    if (!header_read) {
      header_read = true;
      if (auto problem = read_header()) {
        finished = true;
        return batch_item{first_line, line_error(first_line, *problem)};
      }
      continue;
    }
    if (ends.size() != layout.columns)
      return batch_item{first_line, line_error(first_line, std::to_string(ends.size()) + " fields where the header has " +
                                                               std::to_string(layout.columns))};
    return batch_item{first_line, read_row(first_line)};
  }
}

std::optional<std::string> report_reader::impl::read_header() {
  layout = csv_layout{};
  layout.columns = ends.size();
  layout.report.fill(-1);
  for (auto& slot : layout.persons) slot.fill(-1);
  layout.names.reserve(ends.size());
  for (std::size_t i = 0; i < ends.size(); ++i) {
    std::string_view name = trim(cell(i));
    int* position = nullptr;
    std::size_t slot = 0, field = 0;
    if (auto found = std::find(report_columns.begin(), report_columns.end(), name); found != report_columns.end()) {
      position = &layout.report[static_cast<std::size_t>(found - report_columns.begin())];
    } else if (parse_person_column(name, slot, field)) {
      position = &layout.persons[slot][field];
    } else if (name.substr(0, 4) == "ind_" && is_indicator_name(name.substr(4))) {
      for (const auto& known : layout.indicators)
        if (known.first == name.substr(4)) return "column \"" + std::string(name) + "\" appears twice";
      layout.indicators.emplace_back(std::string(name.substr(4)), static_cast<int>(i));
    } else if (name.empty()) {
      return "column " + std::to_string(i + 1) + " has no name";
    } else if (column_shaped(name)) {
      return "unknown column \"" + std::string(name) + "\"";
    } else {
      return "column " + std::to_string(i + 1) + " is not a column of the format (is the header row missing?)";
    }
    if (position != nullptr) {
      if (*position >= 0) return "column \"" + std::string(name) + "\" appears twice";
      *position = static_cast<int>(i);
    }
    layout.names.emplace_back(name);
  }
  for (auto required : {external_ref_col, police_zone_col, reported_at_col, relationship_col})
    if (layout.report[required] < 0) return "missing required column " + std::string(report_columns[required]);
  if (layout.persons[0][role_col] < 0) return "missing required column p1_role";
  for (std::size_t slot = 0; slot < person_slots; ++slot) {
    if (layout.persons[slot][role_col] >= 0) continue;
    for (std::size_t field = 0; field < person_columns.size(); ++field)
      if (layout.persons[slot][field] >= 0)
        return "column " + layout.names[static_cast<std::size_t>(layout.persons[slot][field])] + " needs a column p" +
               std::to_string(slot + 1) + "_role";
  }
  return std::nullopt;
}

// Where a field of the report is in the CSV layout, for messages.
std::string report_reader::impl::csv_place(std::string_view path) const {
  auto starts = [&path](std::string_view prefix) { return path.substr(0, prefix.size()) == prefix; };
  if (path.empty()) return {};
  if (starts("persons[")) {
    auto close = path.find(']');
    std::size_t k = 0;
    for (std::size_t i = 8; i < close; ++i) k = k * 10 + static_cast<std::size_t>(path[i] - '0');
    std::string slot = "p" + std::to_string((k < person_slot.size() ? person_slot[k] : k) + 1);
    auto rest = path.substr(close + 1);
    if (rest.empty()) return "person " + slot;
    rest.remove_prefix(1);  // '.'
    if (rest.substr(0, 8) == "address.") rest.remove_prefix(8);
    return "column " + slot + "_" + std::string(rest);
  }
  if (path == "persons") return "columns p1_role to p6_role";
  if (path == "measures.restraining_order") return "columns order_from and order_until";
  if (starts("measures.restraining_order.")) return "column order_" + std::string(path.substr(27));
  if (starts("measures.")) return "column " + std::string(path.substr(9));
  if (path == "indicators") return "columns ind_*";
  if (starts("indicators.")) return "column ind_" + std::string(path.substr(11));
  return "column " + std::string(path);
}

// Turns the row into the JSON shape of a report and validates it as such.
result<police_report> report_reader::impl::read_row(std::int64_t row_line) {
  auto column_error = [&](std::size_t position, std::string_view problem) {
    return fail(errc::invalid_argument,
                line_prefix(row_line) + ", column " + layout.names[position] + ": " + std::string(problem));
  };
  for (std::size_t i = 0; i < ends.size(); ++i)
    if (!is_valid_utf8(cell(i))) return column_error(i, "not valid UTF-8");

  auto text = [&](int position) { return position < 0 ? std::string_view{} : cell(static_cast<std::size_t>(position)); };
  // Empty cells are absent fields.
  auto put = [&](json::object& object, std::string_view key, int position) {
    auto value = text(position);
    if (!value.empty()) object.emplace(json_view(key), json_view(value));
  };

  row_memory.release();  // the previous row's tree is gone
  json::storage_ptr memory(&row_memory);
  json::value root(json::object_kind, memory);
  json::object& report = root.get_object();
  report.reserve(10);
  put(report, "external_ref", layout.report[external_ref_col]);
  put(report, "police_zone", layout.report[police_zone_col]);
  put(report, "reported_at", layout.report[reported_at_col]);
  put(report, "incident_at", layout.report[incident_at_col]);

  json::array persons(memory);
  person_slot.clear();
  for (std::size_t slot = 0; slot < person_slots; ++slot) {
    const auto& columns = layout.persons[slot];
    if (text(columns[role_col]).empty()) continue;
    json::object person(memory);
    for (std::size_t field = 0; field < person_columns.size(); ++field)
      if (field < first_address_col || field >= first_address_col + address_cols)
        put(person, person_columns[field], columns[field]);
    bool has_address = false;
    for (std::size_t field = first_address_col; field < first_address_col + address_cols; ++field)
      has_address = has_address || !text(columns[field]).empty();
    if (has_address) {
      json::object address(memory);
      for (std::size_t field = first_address_col; field < first_address_col + address_cols; ++field)
        put(address, person_columns[field], columns[field]);
      person.emplace("address", std::move(address));
    }
    persons.emplace_back(std::move(person));
    person_slot.push_back(slot);
  }
  if (persons.empty())
    return column_error(static_cast<std::size_t>(layout.persons[0][role_col]), "is required (a report names a victim)");
  report.emplace("persons", std::move(persons));
  put(report, "relationship", layout.report[relationship_col]);

  if (int position = layout.report[violence_col]; position >= 0) {
    json::object violence(memory);
    std::string_view list = cell(static_cast<std::size_t>(position));
    while (!list.empty()) {
      auto semicolon = list.find(';');
      std::string_view kind = trim(list.substr(0, semicolon));
      list = semicolon == std::string_view::npos ? std::string_view{} : list.substr(semicolon + 1);
      if (kind.empty()) continue;
      auto found = std::find_if(violence_names.begin(), violence_names.end(),
                                [kind](std::string_view name) { return iequals(kind, name); });
      if (found == violence_names.end()) {
        std::string problem = "expected kinds of physical, psychological, sexual, economic, threats, stalking separated by ;";
        if (column_shaped(kind)) problem += ", got \"" + std::string(kind) + "\"";
        return column_error(static_cast<std::size_t>(position), problem);
      }
      violence.insert_or_assign(json_view(*found), true);
    }
    report.emplace("violence", std::move(violence));
  }

  if (!layout.indicators.empty()) {
    json::object indicators(memory);
    indicators.reserve(layout.indicators.size());
    for (const auto& [item, position] : layout.indicators) {
      std::string_view value = trim(cell(static_cast<std::size_t>(position)));
      if (value.empty()) continue;
      if (iequals(value, "unknown")) {
        indicators.emplace(json_view(item), nullptr);
      } else if (auto yes = yes_no(value)) {
        indicators.emplace(json_view(item), *yes);
      } else {
        return column_error(static_cast<std::size_t>(position),
                            "expected true/false, yes/no, 1/0, ja/nee, oui/non, unknown or empty");
      }
    }
    report.emplace("indicators", std::move(indicators));
  }

  json::object measures(memory);
  if (!text(layout.report[order_from_col]).empty() || !text(layout.report[order_until_col]).empty()) {
    json::object order(memory);
    put(order, "from", layout.report[order_from_col]);
    put(order, "until", layout.report[order_until_col]);
    measures.emplace("restraining_order", std::move(order));
  }
  for (auto [column, key] : {std::pair{arrest_col, "arrest"}, std::pair{red_file_col, "red_file"}}) {
    int position = layout.report[column];
    std::string_view value = trim(text(position));
    if (value.empty()) continue;
    auto yes = yes_no(value);
    if (!yes) return column_error(static_cast<std::size_t>(position), "expected true/false, yes/no, 1/0 or empty");
    measures.emplace(key, *yes);
  }
  report.emplace("measures", std::move(measures));
  put(report, "narrative", layout.report[narrative_col]);

  police_report out;
  if (auto problem = read_report(root, out)) {
    std::string place = csv_place(problem->path);
    std::string message = line_prefix(row_line);
    message += place.empty() ? ": " : ", " + place + ": ";
    message += problem->problem;
    return fail(errc::invalid_argument, std::move(message));
  }
  return out;
}

report_reader::report_reader(std::istream& in, batch_format format) : impl_(std::make_unique<impl>(in, format)) {}
report_reader::~report_reader() = default;

std::optional<batch_item> report_reader::next() { return impl_->next(); }

void append_report_csv_header(std::string& out, const std::vector<std::string>& indicator_items) {
  bool first = true;
  auto column = [&](std::string_view name) {
    if (!first) out += ',';
    first = false;
    append_csv_field(out, name);
  };
  for (auto name : report_columns) column(name);
  std::string name;
  for (std::size_t slot = 1; slot <= person_slots; ++slot) {
    for (auto field : person_columns) {
      name.assign(1, 'p');
      name += static_cast<char>('0' + slot);
      name += '_';
      name += field;
      column(name);
    }
  }
  for (const auto& item : indicator_items) {
    name.assign("ind_");
    name += item;
    column(name);
  }
  out += "\r\n";
}

void append_report_csv_row(std::string& out, const police_report& report,
                           const std::vector<std::string>& indicator_items) {
  bool first = true;
  auto field = [&](std::string_view value) {
    if (!first) out += ',';
    first = false;
    append_csv_field(out, value);
  };
  auto yes_no_text = [](bool value) { return value ? "true" : "false"; };

  field(report.external_ref);
  field(report.police_zone);
  field(format_timestamp(report.reported_at));
  field(report.incident_at ? format_timestamp(*report.incident_at) : std::string());
  field(to_string(report.relationship));
  std::string kinds;
  const std::array<bool, 6> present{report.violence.physical, report.violence.psychological, report.violence.sexual,
                                    report.violence.economic, report.violence.threats,       report.violence.stalking};
  for (std::size_t i = 0; i < present.size(); ++i) {
    if (!present[i]) continue;
    if (!kinds.empty()) kinds += ';';
    kinds += violence_names[i];
  }
  field(kinds);
  field(report.narrative);
  const auto& order = report.measures.restraining_order;
  field(order ? format_date(order->from) : std::string());
  field(order ? format_date(order->until) : std::string());
  field(yes_no_text(report.measures.arrest));
  field(yes_no_text(report.measures.red_file));

  for (std::size_t slot = 0; slot < person_slots; ++slot) {
    if (slot >= report.persons.size()) {
      for (std::size_t i = 0; i < person_columns.size(); ++i) field({});
      continue;
    }
    const report_person& p = report.persons[slot];
    field(to_string(p.role));
    field(p.first_name);
    field(p.last_name);
    field(p.birth_date ? format_date(*p.birth_date) : std::string());
    field(to_string(p.gender));
    field(p.national_id);
    field(p.address ? std::string_view(p.address->street) : std::string_view{});
    field(p.address ? std::string_view(p.address->number) : std::string_view{});
    field(p.address ? std::string_view(p.address->postcode) : std::string_view{});
    field(p.address ? std::string_view(p.address->municipality) : std::string_view{});
    field(p.phone);
  }

  for (const auto& item : indicator_items) {
    auto found = std::find_if(report.indicators.begin(), report.indicators.end(),
                              [&item](const indicator& i) { return i.item == item; });
    if (found == report.indicators.end()) field({});
    else if (found->value == tri_state::unknown) field("unknown");
    else field(yes_no_text(found->value == tri_state::yes));
  }
  out += "\r\n";
}

}  // namespace casechain::core
