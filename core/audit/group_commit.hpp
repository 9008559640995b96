#pragma once
// Group commit for the audit trail: entries from many concurrent requests are
// appended in one transaction, so one sync of the log makes a whole group
// durable. A request's answer leaves only after its entries are committed
// (`done` is called then, or with the error); nothing is dropped or delayed
// past the answer. One thread does the appending; submit() never blocks.

#include "core/audit/audit_entry.hpp"
#include "core/error.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace casechain::core::audit {

class group_commit {
 public:
  // Appends a group in one transaction (the caller's database and key).
  using append_function = std::function<result<void>(std::span<audit_entry>)>;
  using done_function = std::function<void(const result<void>&)>;

  struct options {
    // Entries waiting beyond this are refused (resource_exhausted) rather than queued without bound.
    std::size_t max_pending = 100000;
    // Under concurrency (the previous group held more than one entry), wait up to
    // `gather_window` for the group to reach `gather_size` before committing: fewer,
    // larger syncs. A lone request never waits.
    std::chrono::microseconds gather_window{0};
    std::size_t gather_size = 256;
  };
  explicit group_commit(append_function append, options opts);
  explicit group_commit(append_function append) : group_commit(std::move(append), options{}) {}
  // Commits what is pending, then stops.
  ~group_commit();
  group_commit(const group_commit&) = delete;
  group_commit& operator=(const group_commit&) = delete;

  // `done` runs on the committing thread (or at once when refused).
  void submit(std::vector<audit_entry> entries, done_function done);
  // Submits and waits.
  result<void> commit(std::vector<audit_entry> entries);

  // For benchmarks and tests: groups committed and entries in them so far.
  std::size_t groups() const;
  std::size_t entries() const;

 private:
  struct waiting {
    std::size_t count;
    done_function done;
  };
  void run();

  append_function append_;
  options options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<audit_entry> pending_;
  std::vector<waiting> waiting_;
  bool stopping_ = false;
  std::size_t groups_ = 0;
  std::size_t entries_ = 0;
  std::thread thread_;
};

}  // namespace casechain::core::audit
