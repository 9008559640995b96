#pragma once
// Checkpoints a writer's WAL on a thread of its own. SQLite's automatic
// checkpoint runs inside the commit that crosses its threshold: that commit
// (and every audited answer waiting on it) pays for copying a thousand pages
// into the database and syncing it. Here the writer's commits only count the
// WAL's new pages; this thread, on its own connection, copies them (PASSIVE:
// it never blocks the writer or the readers). The WAL starts over from its
// beginning only once every page is copied, which a thread racing the
// writer's commits rarely sees: past writer_limit_pages the thread copies in
// small steps, and the writer's commit copies the last few pages itself.

#include "core/error.hpp"
#include "core/store/database.hpp"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace casechain::core::store {

class wal_checkpointer {
 public:
  struct options {
    // New WAL pages that start a checkpoint (SQLite's own default; fewer,
    // larger checkpoints copy a page changed by many commits once).
    int threshold_pages = 1000;
    // WAL pages from which the WAL should start over: the thread copies every
    // catch_up_pages, and a commit that finds at most catch_up_pages left
    // copies them itself. At twice the limit the commit copies whatever is left.
    int writer_limit_pages = 4000;
    int catch_up_pages = 50;
  };

  // Opens its own connection to `writer`'s database and takes over `writer`'s
  // automatic checkpoints. `writer` must outlive this object and be used
  // under the caller's own serialisation, as before.
  static result<std::unique_ptr<wal_checkpointer>> start(database& writer, options opts);
  static result<std::unique_ptr<wal_checkpointer>> start(database& writer) { return start(writer, options{}); }
  // Stops the thread and gives the writer SQLite's automatic checkpoints back.
  ~wal_checkpointer();
  wal_checkpointer(const wal_checkpointer&) = delete;
  wal_checkpointer& operator=(const wal_checkpointer&) = delete;

  // For tests and benchmarks: checkpoints this thread has run, and those the
  // writer ran itself because the WAL reached writer_limit_pages.
  std::size_t checkpoints() const { return checkpoints_.load(); }
  std::size_t writer_checkpoints() const { return writer_checkpoints_.load(); }

 private:
  wal_checkpointer(database& writer, database own, options opts);
  static int on_commit(void* self, sqlite3* db, const char* schema, int wal_pages);
  void run();

  database& writer_;
  database own_;
  options options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;  // a commit left enough new pages for the thread to copy
  bool stopping_ = false;
  std::atomic<int> copied_{0};  // WAL pages the thread's last checkpoint had copied
  std::atomic<std::size_t> checkpoints_{0};
  std::atomic<std::size_t> writer_checkpoints_{0};
  std::thread thread_;
};

}  // namespace casechain::core::store
