#include "api/server/database_jobs.hpp"

namespace casechain::api {

database_jobs::database_jobs(std::size_t workers, std::size_t queue_limit, std::function<void()> before_each)
    : queue_limit_(queue_limit), before_each_(std::move(before_each)) {
  for (std::size_t i = 0; i < std::max<std::size_t>(workers, 1); ++i) workers_.emplace_back([this] { work(); });
}

database_jobs::~database_jobs() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& w : workers_) w.join();
}

bool database_jobs::try_submit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= queue_limit_) return false;
    queue_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

std::size_t database_jobs::waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void database_jobs::work() {
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    if (before_each_) before_each_();
    job();  // jobs catch their own faults (the server's handler does)
  }
}

}  // namespace casechain::api
