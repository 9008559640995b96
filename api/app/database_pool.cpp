#include "api/app/database_pool.hpp"

#include <sqlite3.h>

namespace casechain::api {

core::result<std::unique_ptr<database_pool>> database_pool::open(const std::filesystem::path& file,
                                                                 std::size_t readers) {
  auto pool = std::unique_ptr<database_pool>(new database_pool());
  auto writer = core::store::database::open(file);
  if (!writer) return writer.error();
  pool->writer_ = std::make_unique<core::store::database>(std::move(*writer));
  auto checkpointer = core::store::wal_checkpointer::start(*pool->writer_);
  if (!checkpointer) return checkpointer.error();
  pool->checkpointer_ = std::move(*checkpointer);
  for (std::size_t i = 0; i < std::max<std::size_t>(readers, 1); ++i) {
    auto reader = core::store::database::open(file, {.migrate = false});  // the writer migrated it
    if (!reader) return reader.error();
    if (reader->sql().tryExec("PRAGMA query_only = ON") != SQLITE_OK)
      return core::fail(core::errc::unavailable, "could not make a reader connection read-only");
    pool->readers_.push_back(std::make_unique<core::store::database>(std::move(*reader)));
    pool->free_.push_back(pool->readers_.back().get());
  }
  return pool;
}

database_pool::lease::lease(database_pool& p) : pool(p) {
  std::unique_lock lock(pool.readers_mutex_);
  pool.reader_free_.wait(lock, [&] { return !pool.free_.empty(); });
  connection = pool.free_.back();
  pool.free_.pop_back();
}

database_pool::lease::~lease() {
  {
    std::lock_guard lock(pool.readers_mutex_);
    pool.free_.push_back(connection);
  }
  pool.reader_free_.notify_one();
}

}  // namespace casechain::api
