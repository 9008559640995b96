#pragma once
// A file carried inside the binary (schema migrations, web assets); generated
// at build time by cmake/embed_files.cmake.

#include <span>
#include <string_view>

namespace casechain::core {

struct embedded_file {
  std::string_view name;   // file name without folder, e.g. "0001_initial.sql"
  std::string_view bytes;  // contents; static storage
};

}  // namespace casechain::core
