#pragma once
// A small streaming JSON writer for hot paths (report generation, NDJSON
// output) where building a DOM per record would cost more than the work
// itself. It appends to a caller-owned string; the caller keeps the nesting
// right (objects and arrays are opened and closed explicitly). Strings are
// escaped per RFC 8259; invalid UTF-8 is passed through unchanged.

#include <cstdint>
#include <string>
#include <string_view>

namespace casechain::core {

class json_writer {
 public:
  explicit json_writer(std::string& out) : out_(out) {}

  void begin_object() { separate(); out_ += '{'; first_ = true; }
  void end_object() { out_ += '}'; first_ = false; }
  void begin_array() { separate(); out_ += '['; first_ = true; }
  void end_array() { out_ += ']'; first_ = false; }

  // Writes `"name":`; the next value call fills it.
  void key(std::string_view name);
  void string(std::string_view value);
  void integer(std::int64_t value);
  void boolean(bool value);
  void null();
  // Inserts already-serialised JSON as the next value (the caller vouches for it).
  void raw(std::string_view json);

  // Key and value in one call.
  void field(std::string_view name, std::string_view value) { key(name); string(value); }
  void field(std::string_view name, const char* value) { key(name); string(value); }
  void field(std::string_view name, bool value) { key(name); boolean(value); }
  void field(std::string_view name, std::int64_t value) { key(name); integer(value); }

 private:
  void separate();

  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

// Appends `value` as a quoted, escaped JSON string.
void append_json_string(std::string& out, std::string_view value);

}  // namespace casechain::core
