#include "api/server/log_sink.hpp"

namespace casechain::api {

log_sink::log_sink(std::ostream& out, std::size_t max_buffered)
    : out_(out), max_buffered_(max_buffered), thread_([this] { run(); }) {}

log_sink::~log_sink() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void log_sink::write(std::string_view line) {
  {
    std::lock_guard lock(mutex_);
    ++handed_over_;
    if (waiting_.size() + line.size() + 1 > max_buffered_) {
      ++dropped_;
      ++done_;
      return;
    }
    waiting_.append(line);
    waiting_.push_back('\n');
    // The writer wakes by itself every `interval`; waking it for each line would
    // cost a thread switch per request, more than the write it saves.
    if (waiting_.size() < wake_size) return;
  }
  wake_.notify_one();
}

void log_sink::flush() {
  std::unique_lock lock(mutex_);
  auto target = handed_over_;
  ++flushes_waiting_;
  wake_.notify_one();
  written_.wait(lock, [&] { return done_ >= target; });
  --flushes_waiting_;
}

void log_sink::run() {
  std::string taking;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, interval, [&] {
      return stopping_ || waiting_.size() >= wake_size || (flushes_waiting_ > 0 && !waiting_.empty());
    });
    if (waiting_.empty() && dropped_ == 0) {
      if (stopping_) return;  // everything is out
      continue;
    }
    taking.clear();
    taking.swap(waiting_);
    if (dropped_ > 0) {
      taking += R"({"level":"warning","event":"log lines dropped","count":)" + std::to_string(dropped_) + "}\n";
      dropped_ = 0;
    }
    auto lines = handed_over_ - done_;
    lock.unlock();
    out_.write(taking.data(), static_cast<std::streamsize>(taking.size()));
    out_.flush();
    lock.lock();
    done_ += lines;
    written_.notify_all();
  }
}

}  // namespace casechain::api
