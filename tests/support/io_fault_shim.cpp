// A fault injector preloaded (LD_PRELOAD) into `casechain serve`: write,
// pwrite, fsync and fdatasync on files whose path starts with
// $CASECHAIN_FAULT_MATCH fail as the control file $CASECHAIN_FAULT_CONTROL
// says, so a test can fill or break the "disk" while the server runs:
//   off     nothing fails
//   enospc  writes fail with ENOSPC (a full disk); syncs succeed
//   eio     writes and syncs fail with EIO (a failing disk); "eio N" fails
//           only the next N of them (a passing fault), then lets all through
//   fsync   only syncs fail with EIO; "fsync N" lets the first N syncs
//           after the control file changed through (one commit, not two)
// Each fault injected is counted in $CASECHAIN_FAULT_CONTROL.count, one line
// per kind ("write N", "sync N"), for the test's report.
// Built without sanitizers: it must run before any runtime is set up.

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace {

enum class fault { off, enospc, eio, fsync };

using write_fn = ssize_t (*)(int, const void*, size_t);
using pwrite_fn = ssize_t (*)(int, const void*, size_t, off_t);
using sync_fn = int (*)(int);

template <class F>
F real(const char* name) {
  return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

std::atomic<long> writes_failed{0}, syncs_failed{0};
std::mutex control_mutex;
timespec control_seen{};
fault current = fault::off;
long syncs_allowed = 0;  // syncs still let through in fsync mode
long faults_left = -1;   // eio mode: faults still to inject (-1: no end)

// The control file's mode, read again only when it changed (its mtime).
fault mode() {
  const char* control = std::getenv("CASECHAIN_FAULT_CONTROL");
  if (!control) return fault::off;
  struct stat s {};
  if (::stat(control, &s) != 0) return fault::off;
  std::lock_guard lock(control_mutex);
  if (s.st_mtim.tv_sec != control_seen.tv_sec || s.st_mtim.tv_nsec != control_seen.tv_nsec) {
    control_seen = s.st_mtim;
    char text[16] = {};
    int fd = ::open(control, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      auto n = ::read(fd, text, sizeof text - 1);
      ::close(fd);
      if (n < 0) n = 0;
      text[n] = '\0';
    }
    syncs_allowed = std::strncmp(text, "fsync ", 6) == 0 ? std::atol(text + 6) : 0;
    faults_left = std::strncmp(text, "eio ", 4) == 0 ? std::atol(text + 4) : -1;
    current = std::strncmp(text, "enospc", 6) == 0 ? fault::enospc
              : std::strncmp(text, "eio", 3) == 0  ? fault::eio
              : std::strncmp(text, "fsync", 5) == 0 ? fault::fsync
                                                    : fault::off;
  }
  return current;
}

bool is_database_file(int fd) {
  const char* match = std::getenv("CASECHAIN_FAULT_MATCH");
  if (!match || !*match) return false;
  char link[64], path[4096];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  auto n = ::readlink(link, path, sizeof path - 1);
  if (n <= 0) return false;
  path[n] = '\0';
  return std::strncmp(path, match, std::strlen(match)) == 0;
}

void count() {
  const char* control = std::getenv("CASECHAIN_FAULT_CONTROL");
  if (!control) return;
  char name[4096], text[64];
  std::snprintf(name, sizeof name, "%s.count", control);
  int fd = ::open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return;
  auto n = std::snprintf(text, sizeof text, "write %ld\nsync %ld\n", writes_failed.load(), syncs_failed.load());
  static const auto real_write = real<write_fn>("write");
  (void)real_write(fd, text, static_cast<size_t>(n));
  ::close(fd);
}

// In "eio N" mode: true while faults remain (and uses one up).
bool fault_left() {
  std::lock_guard lock(control_mutex);
  if (faults_left < 0) return true;
  if (faults_left == 0) return false;
  --faults_left;
  return true;
}

// The errno to fail a write on `fd` with, or 0 to let it through.
int write_fault(int fd) {
  auto m = mode();
  if ((m != fault::enospc && m != fault::eio) || !is_database_file(fd)) return 0;
  if (m == fault::eio && !fault_left()) return 0;
  ++writes_failed;
  count();
  return m == fault::enospc ? ENOSPC : EIO;
}

bool sync_fault(int fd) {
  auto m = mode();
  if ((m != fault::eio && m != fault::fsync) || !is_database_file(fd)) return false;
  if (m == fault::fsync) {
    std::lock_guard lock(control_mutex);
    if (syncs_allowed > 0) return --syncs_allowed, false;
  }
  if (m == fault::eio && !fault_left()) return false;
  ++syncs_failed;
  count();
  return true;
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buffer, size_t size) {
  static const auto next = real<write_fn>("write");
  if (int e = write_fault(fd)) return errno = e, -1;
  return next(fd, buffer, size);
}

ssize_t pwrite(int fd, const void* buffer, size_t size, off_t offset) {
  static const auto next = real<pwrite_fn>("pwrite");
  if (int e = write_fault(fd)) return errno = e, -1;
  return next(fd, buffer, size, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t size, off_t offset) {
  static const auto next = real<pwrite_fn>("pwrite64");
  if (int e = write_fault(fd)) return errno = e, -1;
  return next(fd, buffer, size, offset);
}

int fsync(int fd) {
  static const auto next = real<sync_fn>("fsync");
  if (sync_fault(fd)) return errno = EIO, -1;
  return next(fd);
}

int fdatasync(int fd) {
  static const auto next = real<sync_fn>("fdatasync");
  if (sync_fault(fd)) return errno = EIO, -1;
  return next(fd);
}

}  // extern "C"
