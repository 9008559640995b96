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
  enum class durability {
    synced,    // on disk before commit() returns
    eventual,  // left to the system's write-back: for files that may lag (never lose), such as the audit head
  };
  // Syncs (unless told not to) and renames into place.
  result<void> commit(durability when = durability::synced);
  // The temporary file, for a writer that fills it by name (SQLite's VACUUM INTO).
  const std::filesystem::path& temporary_path() const { return temporary_; }

 private:
  atomic_file(int fd, std::filesystem::path target, std::filesystem::path temporary)
      : fd_(fd), target_(std::move(target)), temporary_(std::move(temporary)) {}
  int fd_;
  std::filesystem::path target_;
  std::filesystem::path temporary_;
};

}  // namespace casechain::core
