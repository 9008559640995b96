#include "core/store/wal_checkpointer.hpp"

#include <sqlite3.h>

namespace casechain::core::store {
namespace {
constexpr int sqlite_default_autocheckpoint = 1000;  // SQLITE_DEFAULT_WAL_AUTOCHECKPOINT, not in the header
}  // namespace

result<std::unique_ptr<wal_checkpointer>> wal_checkpointer::start(database& writer, options opts) {
  auto own = database::open(writer.path(), {.migrate = false});
  if (!own) return own.error();
  return std::unique_ptr<wal_checkpointer>(new wal_checkpointer(writer, std::move(*own), opts));
}

wal_checkpointer::wal_checkpointer(database& writer, database own, options opts)
    : writer_(writer), own_(std::move(own)), options_(opts) {
  // Replaces SQLite's automatic checkpoint, which is itself a WAL hook.
  sqlite3_wal_hook(writer_.sql().getHandle(), &wal_checkpointer::on_commit, this);
  thread_ = std::thread([this] { run(); });
}

wal_checkpointer::~wal_checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  sqlite3_wal_autocheckpoint(writer_.sql().getHandle(), sqlite_default_autocheckpoint);
}

// On the writer's thread, after each of its commits: keep it short.
int wal_checkpointer::on_commit(void* context, sqlite3* db, const char* schema, int wal_pages) {
  auto* self = static_cast<wal_checkpointer*>(context);
  const auto& o = self->options_;
  int copied = self->copied_;
  if (wal_pages < copied) self->copied_ = copied = 0;  // the WAL started over
  int left = wal_pages - copied;
  bool past_limit = wal_pages >= o.writer_limit_pages;
  if (past_limit && (left <= o.catch_up_pages || wal_pages >= 2 * o.writer_limit_pages)) {
    // Copied in full, the WAL starts over at the writer's next transaction.
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    ++self->writer_checkpoints_;
    self->copied_ = wal_pages;
    return SQLITE_OK;
  }
  if (left < (past_limit ? o.catch_up_pages : o.threshold_pages)) return SQLITE_OK;
  {
    std::lock_guard lock(self->mutex_);
    self->wanted_ = true;
  }
  self->wake_.notify_one();
  return SQLITE_OK;
}

void wal_checkpointer::run() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || wanted_; });
      if (stopping_) return;
      wanted_ = false;
    }
    // PASSIVE copies what no reader still needs and never waits for a lock. A
    // failure (another process checkpointing, a full disk) leaves the pages to
    // the next try, or to the writer's own checkpoint at writer_limit_pages.
    int wal_pages = 0, copied = 0;
    if (sqlite3_wal_checkpoint_v2(own_.sql().getHandle(), "main", SQLITE_CHECKPOINT_PASSIVE, &wal_pages, &copied) ==
        SQLITE_OK)
      copied_ = copied;
    ++checkpoints_;
  }
}

}  // namespace casechain::core::store
