#pragma once
// The server's database connections: one writer, used by one request at a
// time (SQLite has one writer anyway, and serialising here avoids busy
// retries), and a pool of readers so reads never wait for writes (WAL).
// Thread-safe. Connections are opened (and the schema migrated) up front.
//
// Every read runs in one read transaction (one snapshot for all its queries).
// SQLite empties a connection's page cache whenever it begins a snapshot after
// any commit, and the audit trail commits all the time (a group of reads'
// entries every few milliseconds), so a reader would re-read its index pages
// on nearly every request. A reader therefore keeps its snapshot open when it
// goes back to the pool, and read_recent() reuses it while it is younger than
// `recent` and no write has gone through write() since it began: it sees
// every change made through this pool, may miss audit entries appended since
// (and other processes' writes of the last `recent`). read() always begins a
// new snapshot. A thread of the pool ends snapshots older than `recent` that
// idle readers hold, so no reader pins the write-ahead log for long.

#include "core/error.hpp"
#include "core/store/database.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace casechain::api {

class database_pool {
 public:
  static constexpr std::chrono::milliseconds recent{100};

  static core::result<std::unique_ptr<database_pool>> open(const std::filesystem::path& file, std::size_t readers);
  ~database_pool();
  database_pool(const database_pool&) = delete;
  database_pool& operator=(const database_pool&) = delete;

  // Runs `work(SQLite::Database&)` on the writer, one caller at a time; a change
  // it commits is seen by every read that begins after it returns.
  template <class Work>
  auto write(Work&& work) {
    std::lock_guard lock(writer_mutex_);
    struct counted {
      std::atomic<std::uint64_t>& writes;
      ~counted() { ++writes; }
    } after{writes_};
    return work(writer_->sql());
  }

  // The same, for a write that only appends to the audit trail (no reader of
  // case data needs a new snapshot for it).
  template <class Work>
  auto append_audit(Work&& work) {
    std::lock_guard lock(writer_mutex_);
    return work(writer_->sql());
  }

  // Runs `work(SQLite::Database&)` on a free reader (waiting for one if all are
  // busy) in a new snapshot. Readers are query_only: a write through one fails.
  template <class Work>
  auto read(Work&& work) {
    return read_in(true, std::forward<Work>(work));
  }

  // The same in the reader's recent snapshot (see above): for the hot reads of
  // sessions and case data, never for the audit trail.
  template <class Work>
  auto read_recent(Work&& work) {
    return read_in(false, std::forward<Work>(work));
  }

 private:
  struct reader {
    std::unique_ptr<core::store::database> db;
    bool holding = false;            // a snapshot is open
    std::uint64_t writes_before = 0;  // writes_ when it began
    std::chrono::steady_clock::time_point began;
    void end_snapshot() noexcept;
  };
  struct lease {
    explicit lease(database_pool& p);
    ~lease();
    lease(const lease&) = delete;
    lease& operator=(const lease&) = delete;
    database_pool& pool;
    reader* held;
  };

  database_pool() = default;

  template <class Work>
  auto read_in(bool new_snapshot, Work&& work) {
    lease l(*this);
    begin_snapshot(*l.held, new_snapshot);
    try {
      return work(l.held->db->sql());
    } catch (...) {
      l.held->end_snapshot();
      throw;
    }
  }
  void begin_snapshot(reader& r, bool new_snapshot);
  void end_stale_snapshots();

  std::unique_ptr<core::store::database> writer_;
  std::mutex writer_mutex_;
  std::atomic<std::uint64_t> writes_{0};
  std::vector<std::unique_ptr<reader>> readers_;
  std::vector<reader*> free_;
  std::mutex readers_mutex_;
  std::condition_variable reader_free_;
  bool stopping_ = false;  // under readers_mutex_
  std::condition_variable stop_;
  std::thread sweeper_;
};

}  // namespace casechain::api
