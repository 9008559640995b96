// The request log's writer: every line arrives whole and in order, flush()
// waits for them, and a stuck stream costs dropped (and counted) lines, never
// a blocked caller.
#include "api/server/log_sink.hpp"
#include "tests/support/gate.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace casechain;

namespace {

// A stream buffer that holds its first write at a gate: a disk that hangs.
class stuck_buffer : public std::stringbuf {
 public:
  explicit stuck_buffer(test::gate& g) : gate_(g) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (!passed_) {
      passed_ = true;
      gate_.pass();
    }
    return std::stringbuf::xsputn(s, n);
  }

 private:
  test::gate& gate_;
  bool passed_ = false;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_SUITE("api/server") {
  TEST_CASE("log sink: lines from many threads arrive whole, each thread's in order, all of them by flush()") {
    std::ostringstream out;
    constexpr int threads = 4, per_thread = 2000;
    {
      api::log_sink sink(out);
      std::vector<std::thread> writers;
      for (int t = 0; t < threads; ++t)
        writers.emplace_back([&, t] {
          for (int i = 0; i < per_thread; ++i) sink.write("thread " + std::to_string(t) + " line " + std::to_string(i));
        });
      for (auto& w : writers) w.join();
      sink.flush();
      auto lines = lines_of(out.str());
      REQUIRE(lines.size() == threads * per_thread);
      std::vector<int> next(threads, 0);
      for (const auto& line : lines) {
        int t = -1, i = -1;
        REQUIRE(std::sscanf(line.c_str(), "thread %d line %d", &t, &i) == 2);
        REQUIRE(t >= 0);
        REQUIRE(t < threads);
        CHECK(i == next[t]);
        next[t] = i + 1;
      }
    }
  }

  TEST_CASE("log sink: lines written just before the sink ends are not lost") {
    std::ostringstream out;
    {
      api::log_sink sink(out);
      for (int i = 0; i < 100; ++i) sink.write("line " + std::to_string(i));
    }
    auto lines = lines_of(out.str());
    REQUIRE(lines.size() == 100);
    CHECK(lines.back() == "line 99");
  }

  TEST_CASE("log sink: a stuck stream drops lines past the bound and says how many, without blocking the writers") {
    test::gate gate;
    stuck_buffer buffer(gate);
    std::ostream out(&buffer);
    api::log_sink sink(out, /*max_buffered=*/100);
    sink.write("first");       // taken by the writer thread, which then hangs in the stream
    gate.wait_for_arrivals(1);
    for (int i = 0; i < 50; ++i) sink.write("line " + std::to_string(i));  // lines 0-9 take 7 bytes, the others 8: 13 fit in 100
    gate.release();
    sink.flush();
    auto lines = lines_of(buffer.str());
    REQUIRE(lines.size() == 1 + 13 + 1);
    CHECK(lines[0] == "first");
    CHECK(lines[1] == "line 0");
    CHECK(lines[13] == "line 12");
    CHECK(lines[14] == R"({"level":"warning","event":"log lines dropped","count":37})");
  }
}
