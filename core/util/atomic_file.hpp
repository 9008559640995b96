#pragma once
// A file that appears whole or not at all: written to a temporary file in
// the same folder, synced, then renamed over the target. Abandoned (not
// committed) files are removed. Mode 0600 unless told otherwise, since what
// CaseChain writes out is usually sensitive.

#include "core/error.hpp"

#include <filesystem>
#include <string_view>

namespace casechain::core {

class atomic_file {
 public:
  static result<atomic_file> create(const std::filesystem::path& target, unsigned mode = 0600);
  atomic_file(atomic_file&& other) noexcept;
  atomic_file& operator=(atomic_file&&) = delete;
  ~atomic_file();

  // False on a write error (disk full); the file is then abandoned on destruction.
  bool write(std::string_view bytes);
  // Syncs, renames into place (replacing the target) and syncs the folder.
  result<void> commit();
  // Syncs and links into place only when the target does not exist yet
  // (already_exists otherwise, the target untouched), then syncs the folder.
  // For files made once by whichever process comes first (keys).
  result<void> commit_new();
  // Renames into place with no sync of the file or its folder: for a file that may lag
  // after a power cut (a rename never leaves it half), such as the audit head.
  result<void> commit_unsynced();
  // The temporary file, for a writer that fills it by name (SQLite's VACUUM INTO).
  const std::filesystem::path& temporary_path() const { return temporary_; }

 private:
  result<void> sync_and_close();
  atomic_file(int fd, std::filesystem::path target, std::filesystem::path temporary)
      : fd_(fd), target_(std::move(target)), temporary_(std::move(temporary)) {}
  int fd_;
  std::filesystem::path target_;
  std::filesystem::path temporary_;
};

}  // namespace casechain::core
