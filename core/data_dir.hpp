#pragma once
// A data folder: everything one CaseChain installation keeps on disk.
//   casechain.db        the SQLite database (with its -wal and -shm files)
//   secrets/pepper      the password pepper, outside the database (mode 0600)
// The folder and secrets/ are mode 0700. Several folders can live side by
// side; every command takes --data DIR.

#include "core/error.hpp"

#include <filesystem>
#include <string>

namespace casechain::core {

class data_dir {
 public:
  // Creates the folder (and parents), its secrets and an empty migrated
  // database. already_exists when the folder already holds a database.
  static result<data_dir> create(const std::filesystem::path& root);
  // An existing data folder; not_found (with a hint to run init) otherwise.
  static result<data_dir> open(const std::filesystem::path& root);

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path database_file() const { return root_ / "casechain.db"; }
  std::filesystem::path secrets_dir() const { return root_ / "secrets"; }

  // The pepper for password hashes; created on first use.
  result<std::string> pepper() const;

 private:
  explicit data_dir(std::filesystem::path root) : root_(std::move(root)) {}
  std::filesystem::path root_;
};

// Reads the secret in `file`, or creates it with `bytes` random bytes and
// mode 0600 (exclusively, so two processes never make two secrets).
result<std::string> load_or_create_secret(const std::filesystem::path& file, std::size_t bytes);

}  // namespace casechain::core
