#pragma once
// The server's database connections: one writer, used by one request at a
// time (SQLite has one writer anyway, and serialising here avoids busy
// retries), and a pool of readers so reads never wait for writes (WAL).
// The writer's WAL is checkpointed on a thread of its own, not in its commits.
// Thread-safe. Connections are opened (and the schema migrated) up front.

#include "core/error.hpp"
#include "core/store/database.hpp"
#include "core/store/read_snapshot.hpp"
#include "core/store/wal_checkpointer.hpp"

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

namespace casechain::api {

class database_pool {
 public:
  static core::result<std::unique_ptr<database_pool>> open(const std::filesystem::path& file, std::size_t readers);

  // Runs `work(SQLite::Database&)` on the writer, one caller at a time.
  template <class Work>
  auto write(Work&& work) {
    std::lock_guard lock(writer_mutex_);
    return work(writer_->sql());
  }

  // Runs `work(SQLite::Database&)` on a free reader, waiting for one if all are busy,
  // inside one read transaction (one snapshot for all its queries). Readers are
  // query_only: a write through one fails instead of racing the writer.
  template <class Work>
  auto read(Work&& work) {
    lease l(*this);
    core::store::read_snapshot snapshot(l.connection->sql());
    return work(l.connection->sql());
  }

 private:
  struct lease {
    explicit lease(database_pool& p);
    ~lease();
    lease(const lease&) = delete;
    lease& operator=(const lease&) = delete;
    database_pool& pool;
    core::store::database* connection;
  };

  std::unique_ptr<core::store::database> writer_;
  std::unique_ptr<core::store::wal_checkpointer> checkpointer_;  // after writer_: stops before it closes
  std::mutex writer_mutex_;
  std::vector<std::unique_ptr<core::store::database>> readers_;
  std::vector<core::store::database*> free_;
  std::mutex readers_mutex_;
  std::condition_variable reader_free_;
};

}  // namespace casechain::api
