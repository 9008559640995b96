#pragma once
// A bounded pool of worker threads for the requests that touch the database,
// so a slow query never holds an I/O thread (which serves many connections).
// The queue of waiting jobs is bounded: when it is full, try_submit refuses
// at once and the server answers 503 with Retry-After instead of letting the
// backlog (and its memory and latency) grow without end.
// Thread-safe. The destructor runs the jobs still queued, then joins.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace casechain::api {

class database_jobs {
 public:
  // `before_each` (tests only) runs on the worker before every job: a test
  // holds the workers there to fill the queue without relying on timing.
  database_jobs(std::size_t workers, std::size_t queue_limit, std::function<void()> before_each = {});
  ~database_jobs();
  database_jobs(const database_jobs&) = delete;
  database_jobs& operator=(const database_jobs&) = delete;

  // Queues `job`; false when `queue_limit` jobs already wait (the caller refuses the request).
  bool try_submit(std::function<void()> job);
  // Jobs queued and not yet taken by a worker.
  std::size_t waiting() const;

 private:
  void work();

  std::size_t queue_limit_;
  std::function<void()> before_each_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace casechain::api
