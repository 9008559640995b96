#pragma once
// The request log's writer: I/O threads hand a line over (a copy into a
// buffer under a short lock) and a background thread writes whatever has
// gathered in one go, every 50 ms, so no I/O thread waits on write(2) or on another
// thread's write to answer its next request. Lines keep their order.
// Bounded: past `max_buffered` bytes waiting (the stream is stuck), lines are
// dropped and counted, and the count is written as a line of its own once the
// stream moves again; the server keeps answering either way.
// Owns: its thread and buffer. Does not own: the stream, which must outlive it.
// Thread-safe.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>

namespace casechain::api {

class log_sink {
 public:
  explicit log_sink(std::ostream& out, std::size_t max_buffered = 4 << 20);
  // Writes every line handed over, then ends the thread.
  ~log_sink();
  log_sink(const log_sink&) = delete;
  log_sink& operator=(const log_sink&) = delete;

  // Queues `line` and a newline; never blocks on the stream.
  void write(std::string_view line);
  // Returns once every line handed over before the call is on the stream (flushed).
  void flush();

 private:
  // Lines wait at most `interval` (or until `wake_size` bytes have gathered) before they are written.
  static constexpr std::chrono::milliseconds interval{50};
  static constexpr std::size_t wake_size = 64 << 10;
  void run();

  std::ostream& out_;
  std::size_t max_buffered_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable written_;
  std::string waiting_;             // lines not yet taken by the writer
  std::uint64_t handed_over_ = 0;   // lines queued so far (dropped ones included)
  std::uint64_t done_ = 0;          // lines on the stream or dropped
  std::uint64_t dropped_ = 0;       // dropped since the last report of them
  int flushes_waiting_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace casechain::api
