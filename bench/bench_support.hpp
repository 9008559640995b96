#pragma once
// Small helpers shared by the benchmark programs: running one measured phase
// in a child process (so each phase's peak memory is its own), and printing.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <string>

namespace casechain::bench {

struct phase_result {
  double seconds = 0;
  std::int64_t items = 0;
  long peak_rss_kib = 0;
  double rate() const { return seconds > 0 ? static_cast<double>(items) / seconds : 0; }
};

// Runs `work` (which returns how many items it handled) in a forked child and
// measures its wall time and peak resident memory.
inline phase_result run_phase(const std::function<std::int64_t()>& work) {
  std::fflush(stdout);  // the child must not print the parent's buffered output again
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    ::close(fds[0]);
    auto began = std::chrono::steady_clock::now();
    std::int64_t items = work();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    phase_result r{seconds, items, 0};
    auto written = ::write(fds[1], &r, sizeof r);
    ::_exit(written == sizeof r ? 0 : 1);
  }
  ::close(fds[1]);
  phase_result r;
  auto got = ::read(fds[0], &r, sizeof r);
  ::close(fds[0]);
  int status = 0;
  rusage usage{};
  ::wait4(child, &status, 0, &usage);
  if (got != sizeof r || !WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("a phase failed");
  r.peak_rss_kib = usage.ru_maxrss;
  return r;
}

inline void print_phase(const char* name, const phase_result& r) {
  std::printf("  %-44s %9lld in %7.2f s = %9.0f /s, peak RSS %7.1f MiB\n", name, static_cast<long long>(r.items),
              r.seconds, r.rate(), static_cast<double>(r.peak_rss_kib) / 1024.0);
}

}  // namespace casechain::bench
