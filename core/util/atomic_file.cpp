#include "core/util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace casechain::core {

result<atomic_file> atomic_file::create(const std::filesystem::path& target, unsigned mode) {
  auto folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string name = ".";
  name += target.filename().string();
  name += ".XXXXXX";
  std::string pattern = (folder / name).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) return fail(errc::unavailable, "cannot write in " + folder.string() + ": " + std::strerror(errno));
  ::fchmod(fd, static_cast<mode_t>(mode));
  return atomic_file(fd, target, pattern);
}

atomic_file::atomic_file(atomic_file&& other) noexcept
    : fd_(other.fd_), target_(std::move(other.target_)), temporary_(std::move(other.temporary_)) {
  other.fd_ = -1;
  other.temporary_.clear();
}

atomic_file::~atomic_file() {
  if (fd_ >= 0) ::close(fd_);
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

bool atomic_file::write(std::string_view bytes) {
  while (!bytes.empty()) {
    auto written = ::write(fd_, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

namespace {

// A rename or link is durable only once its folder is synced.
result<void> sync_folder(const std::filesystem::path& target) {
  auto folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return fail(errc::unavailable, "cannot open " + folder.string() + ": " + std::strerror(errno));
  bool synced = ::fsync(fd) == 0;
  int saved = errno;
  ::close(fd);
  if (!synced) return fail(errc::unavailable, "cannot sync " + folder.string() + ": " + std::strerror(saved));
  return {};
}

}  // namespace

result<void> atomic_file::sync_and_close() {
  bool ok = ::fsync(fd_) == 0;
  int saved = errno;
  if (::close(fd_) != 0 && ok) ok = false, saved = errno;
  fd_ = -1;
  if (!ok) return fail(errc::unavailable, "cannot write " + target_.string() + ": " + std::strerror(saved));
  return {};
}

result<void> atomic_file::commit() {
  if (auto synced = sync_and_close(); !synced) return synced.error();
  if (::rename(temporary_.c_str(), target_.c_str()) != 0)
    return fail(errc::unavailable, "cannot create " + target_.string() + ": " + std::strerror(errno));
  temporary_.clear();
  return sync_folder(target_);
}

result<void> atomic_file::commit_unsynced() {
  bool closed = ::close(fd_) == 0;
  fd_ = -1;
  if (!closed) return fail(errc::unavailable, "cannot write " + target_.string() + ": " + std::strerror(errno));
  if (::rename(temporary_.c_str(), target_.c_str()) != 0)
    return fail(errc::unavailable, "cannot create " + target_.string() + ": " + std::strerror(errno));
  temporary_.clear();
  return {};
}

result<void> atomic_file::commit_new() {
  if (auto synced = sync_and_close(); !synced) return synced.error();
  // link() never replaces: of two processes making the same file, one wins whole.
  if (::link(temporary_.c_str(), target_.c_str()) != 0) {
    if (errno == EEXIST) return fail(errc::already_exists, target_.string() + " already exists");
    return fail(errc::unavailable, "cannot create " + target_.string() + ": " + std::strerror(errno));
  }
  ::unlink(temporary_.c_str());
  temporary_.clear();
  return sync_folder(target_);
}

}  // namespace casechain::core
