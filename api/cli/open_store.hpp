#pragma once
// Opening the database of the --data folder for a command.

#include "core/data_dir.hpp"
#include "core/data_protection.hpp"
#include "core/store/database.hpp"

#include <string>

namespace casechain::api::cli {

inline core::result<core::store::database> open_store(const std::string& data) {
  auto dir = core::data_dir::open(data);
  if (!dir) return dir.error();
  return core::store::database::open(dir->database_file());
}

// The database with the folder's data key ring, for commands that read or
// write sealed fields.
struct protected_store {
  core::store::database db;
  std::shared_ptr<const core::crypto::field_protection> protection;
};

inline core::result<protected_store> open_protected_store(const std::string& data) {
  auto dir = core::data_dir::open(data);
  if (!dir) return dir.error();
  auto db = core::store::database::open(dir->database_file());
  if (!db) return db.error();
  auto protection = core::load_field_protection(*dir, db->sql());
  if (!protection) return protection.error();
  return protected_store{std::move(*db), std::move(*protection)};
}

}  // namespace casechain::api::cli
