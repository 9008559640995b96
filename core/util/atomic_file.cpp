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

result<void> atomic_file::commit(durability when) {
  if ((when == durability::synced && ::fsync(fd_) != 0) || ::close(fd_) != 0) {
    fd_ = -1;
    return fail(errc::unavailable, "cannot write " + target_.string() + ": " + std::strerror(errno));
  }
  fd_ = -1;
  if (::rename(temporary_.c_str(), target_.c_str()) != 0)
    return fail(errc::unavailable, "cannot create " + target_.string() + ": " + std::strerror(errno));
  temporary_.clear();
  return {};
}

}  // namespace casechain::core
