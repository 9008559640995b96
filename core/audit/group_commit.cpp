#include "core/audit/group_commit.hpp"

#include <future>

namespace casechain::core::audit {

group_commit::group_commit(append_function append, options opts)
    : append_(std::move(append)), options_(opts), thread_([this] { run(); }) {}

group_commit::~group_commit() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void group_commit::submit(std::vector<audit_entry> entries, done_function done) {
  {
    std::unique_lock lock(mutex_);
    if (!stopping_ && pending_.size() + entries.size() <= options_.max_pending) {
      pending_.insert(pending_.end(), std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
      waiting_.push_back({entries.size(), std::move(done)});
      lock.unlock();
      wake_.notify_one();
      return;
    }
  }
  done(fail(errc::resource_exhausted, "the audit trail is too far behind; try again shortly"));
}

result<void> group_commit::commit(std::vector<audit_entry> entries) {
  std::promise<result<void>> promise;
  auto future = promise.get_future();
  submit(std::move(entries), [&promise](const result<void>& r) { promise.set_value(r); });
  return future.get();
}

std::size_t group_commit::groups() const {
  std::lock_guard lock(mutex_);
  return groups_;
}

std::size_t group_commit::entries() const {
  std::lock_guard lock(mutex_);
  return entries_;
}

void group_commit::run() {
  std::vector<audit_entry> group;
  std::vector<waiting> waiters;
  bool concurrent = false;  // the previous group held more than one entry
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      if (pending_.empty()) return;  // stopping, and nothing left to commit
      if (concurrent && options_.gather_window.count() > 0) {
        wake_.wait_for(lock, options_.gather_window,
                       [this] { return stopping_ || pending_.size() >= options_.gather_size; });
      }
      group.swap(pending_);
      waiters.swap(waiting_);
    }
    result<void> committed = [&]() -> result<void> {
      try {
        return append_(group);
      } catch (const std::exception&) {
        return fail(errc::internal, "the audit trail could not be written");
      }
    }();
    {
      std::lock_guard lock(mutex_);
      ++groups_;
      if (committed) entries_ += group.size();
    }
    concurrent = group.size() > 1;
    for (auto& w : waiters) w.done(committed);
    group.clear();
    waiters.clear();
  }
}

}  // namespace casechain::core::audit
