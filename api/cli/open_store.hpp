#pragma once
// Opening the database of the --data folder for a command.

#include "core/data_dir.hpp"
#include "core/store/database.hpp"

#include <string>

namespace casechain::api::cli {

inline core::result<core::store::database> open_store(const std::string& data) {
  auto dir = core::data_dir::open(data);
  if (!dir) return dir.error();
  return core::store::database::open(dir->database_file());
}

}  // namespace casechain::api::cli
