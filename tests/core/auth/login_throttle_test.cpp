#include "core/auth/login_throttle.hpp"

#include "tests/support/test_database.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace casechain;
using namespace casechain::core;
using namespace casechain::core::auth;
using namespace std::chrono_literals;

namespace {

const timestamp t0 = test::at("2026-03-02T08:00:00Z");

std::optional<std::chrono::seconds> wait(std::chrono::seconds s) { return s; }

// "officer7" from ("officer", 7); appended rather than `"x" + std::to_string(i)`,
// which GCC 12 misreads as an overlapping copy (-Wrestrict).
std::string numbered(std::string stem, int i) { return stem.append(std::to_string(i)); }

}  // namespace

TEST_SUITE("core/auth/login_throttle") {
  TEST_CASE("under the limit there is no wait; then 1 s, 2 s, 4 s, ... up to 15 minutes") {
    login_throttle throttle;
    auto now = t0;
    for (int i = 0; i < 5; ++i) {
      CHECK(throttle.retry_after("alice", "192.0.2.10", now) == std::nullopt);
      throttle.record_failure("alice", "192.0.2.10", now);
      now += 10s;
    }
    now -= 10s;  // the fifth failure
    std::chrono::seconds expected = 1s;
    for (int k = 0; k < 14; ++k) {
      CAPTURE(k);
      CHECK(throttle.retry_after("alice", "192.0.2.10", now) == wait(expected));
      CHECK(throttle.retry_after("alice", "192.0.2.10", now + expected - 1s) == wait(1s));
      now += expected;  // try as soon as allowed, and fail again
      CHECK(throttle.retry_after("alice", "192.0.2.10", now) == std::nullopt);
      throttle.record_failure("alice", "192.0.2.10", now);
      expected = std::min(expected * 2, std::chrono::seconds(15min));
    }
    CHECK(throttle.retry_after("alice", "192.0.2.10", now) == wait(15min));
  }

  TEST_CASE("asking is not failing: only recorded failures count") {
    login_throttle throttle;
    for (int i = 0; i < 100; ++i) CHECK(throttle.retry_after("alice", "192.0.2.10", t0) == std::nullopt);
    CHECK(throttle.tracked_keys() == 0);
  }

  TEST_CASE("account names are compared case-insensitively") {
    login_throttle throttle;
    for (auto name : {"Alice", "ALICE", "alice", "aLiCe", "alicE"}) throttle.record_failure(name, "192.0.2.10", t0);
    CHECK(throttle.retry_after("ALICE", "198.51.100.7", t0) == wait(1s));
  }

  TEST_CASE("an address is throttled across accounts, an account across addresses") {
    login_throttle throttle;
    for (int i = 0; i < 50; ++i) throttle.record_failure(numbered("a", i), "192.0.2.10", t0);
    CHECK(throttle.retry_after("a50", "192.0.2.10", t0) == wait(1s));   // guessing names from one address
    CHECK(throttle.retry_after("a1", "198.51.100.7", t0) == std::nullopt);  // a1 failed only once

    for (auto address : {"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"})
      throttle.record_failure("bob", address, t0);
    CHECK(throttle.retry_after("bob", "10.0.0.6", t0) == wait(1s));  // one account from many addresses
    CHECK(throttle.retry_after("carol", "10.0.0.1", t0) == std::nullopt);
  }

  TEST_CASE("an office behind one address: its staff's typos do not make colleagues wait") {
    login_throttle throttle;
    // 40 colleagues at one police station mistype once each within the window.
    for (int i = 0; i < 40; ++i) throttle.record_failure(numbered("officer", i), "192.0.2.10", t0 + 1s * i);
    CHECK(throttle.retry_after("officer0", "192.0.2.10", t0 + 40s) == std::nullopt);
    CHECK(throttle.retry_after("chief", "192.0.2.10", t0 + 40s) == std::nullopt);
    // One colleague's mistakes make only that account wait (its 6th failure: 2 s).
    for (int i = 0; i < 5; ++i) throttle.record_failure("officer7", "192.0.2.10", t0 + 41s);
    CHECK(throttle.retry_after("officer7", "192.0.2.10", t0 + 41s) == wait(2s));
    CHECK(throttle.retry_after("officer8", "192.0.2.10", t0 + 41s) == std::nullopt);
    // At 50 failures from the address (40 + 5 + 5), everyone there waits: guessing across names is slowed.
    for (int i = 0; i < 5; ++i) throttle.record_failure(numbered("guess", i), "192.0.2.10", t0 + 42s);
    CHECK(throttle.retry_after("officer8", "192.0.2.10", t0 + 42s) == wait(1s));
    CHECK(throttle.retry_after("officer8", "198.51.100.7", t0 + 42s) == std::nullopt);
  }

  TEST_CASE("the address's limit is a setting of its own") {
    login_throttle throttle(throttle_settings{.free_failures = 5, .free_failures_per_address = 2});
    throttle.record_failure("alice", "192.0.2.10", t0);
    CHECK(throttle.retry_after("bob", "192.0.2.10", t0) == std::nullopt);
    throttle.record_failure("carol", "192.0.2.10", t0);
    CHECK(throttle.retry_after("bob", "192.0.2.10", t0) == wait(1s));
    CHECK(throttle.retry_after("alice", "198.51.100.7", t0) == std::nullopt);
  }

  TEST_CASE("the longer of the account's and the address's waits applies") {
    login_throttle throttle(throttle_settings{.free_failures = 5, .free_failures_per_address = 5});
    for (int i = 0; i < 8; ++i) throttle.record_failure("alice", "192.0.2.10", t0);  // both at 8 s
    for (int i = 0; i < 5; ++i) throttle.record_failure("bob", "198.51.100.7", t0);  // both at 1 s
    CHECK(throttle.retry_after("alice", "198.51.100.7", t0) == wait(8s));
    CHECK(throttle.retry_after("bob", "192.0.2.10", t0) == wait(8s));
  }

  TEST_CASE("a success clears the account's counter but not the address's") {
    login_throttle throttle(throttle_settings{.free_failures = 5, .free_failures_per_address = 5});
    for (int i = 0; i < 6; ++i) throttle.record_failure("alice", "192.0.2.10", t0);
    throttle.record_success("alice", "192.0.2.10");
    CHECK(throttle.retry_after("alice", "198.51.100.7", t0) == std::nullopt);
    CHECK(throttle.retry_after("bob", "192.0.2.10", t0) == wait(2s));
    throttle.record_failure("alice", "198.51.100.7", t0);  // counts from one again
    CHECK(throttle.retry_after("alice", "198.51.100.7", t0) == std::nullopt);
  }

  TEST_CASE("failures are forgotten once a key has been quiet for the window") {
    login_throttle throttle;
    for (int i = 0; i < 9; ++i) throttle.record_failure("alice", "192.0.2.10", t0);
    CHECK(throttle.retry_after("alice", "192.0.2.10", t0 + 15min) == std::nullopt);  // the 16 s wait is over
    CHECK(throttle.tracked_keys() == 2);  // but the failures still count
    throttle.record_failure("alice", "192.0.2.10", t0 + 15min);
    CHECK(throttle.retry_after("alice", "192.0.2.10", t0 + 15min) == wait(32s));

    const auto later = t0 + 30min + 1s;  // quiet for 15 minutes and a second
    CHECK(throttle.retry_after("alice", "192.0.2.10", later) == std::nullopt);
    CHECK(throttle.tracked_keys() == 0);
    for (int i = 0; i < 4; ++i) throttle.record_failure("alice", "192.0.2.10", later);
    CHECK(throttle.retry_after("alice", "192.0.2.10", later) == std::nullopt);  // four of five again
  }

  TEST_CASE("quiet keys are dropped as others fail, so memory follows activity") {
    login_throttle throttle;
    throttle.record_failure("alice", "192.0.2.10", t0);
    throttle.record_failure("bob", "198.51.100.7", t0 + 10min);
    CHECK(throttle.tracked_keys() == 4);
    throttle.record_failure("carol", "203.0.113.5", t0 + 16min);  // alice's keys are past their window
    CHECK(throttle.tracked_keys() == 4);
  }

  TEST_CASE("the number of tracked keys stays under the cap, evicting the oldest") {
    login_throttle throttle(throttle_settings{.free_failures = 1, .max_keys = 10});
    for (int i = 0; i < 50; ++i)
      throttle.record_failure("user" + std::to_string(i), "10.0.0." + std::to_string(i), t0 + std::chrono::seconds(i));
    CHECK(throttle.tracked_keys() == 10);
    CHECK(throttle.retry_after("user49", "172.16.0.1", t0 + 49s) == wait(1s));  // newest kept
    CHECK(throttle.retry_after("user0", "172.16.0.1", t0 + 49s) == std::nullopt);  // oldest evicted
  }

  TEST_CASE("the default cap of 100,000 keys holds") {
    login_throttle throttle;
    for (int i = 0; i < 60'000; ++i)
      throttle.record_failure("user" + std::to_string(i), "addr" + std::to_string(i), t0);
    CHECK(throttle.tracked_keys() == 100'000);
  }

  TEST_CASE("long account names are cut, so they cannot exhaust memory") {
    login_throttle throttle;
    const std::string stem(200, 'x');
    for (int i = 0; i < 5; ++i) throttle.record_failure(stem + std::to_string(i), "10.0.0." + std::to_string(i), t0);
    CHECK(throttle.retry_after(stem + "other", "172.16.0.1", t0) == wait(1s));
  }

  TEST_CASE("failures recorded from many threads are all counted") {
    login_throttle throttle(throttle_settings{.free_failures = 4000});
    std::vector<std::thread> threads;
    for (int n = 0; n < 4; ++n)
      threads.emplace_back([&, n] {
        for (int i = 0; i < 1000; ++i) {
          throttle.record_failure("alice", "10.0." + std::to_string(n) + "." + std::to_string(i % 7), t0);
          (void)throttle.retry_after("alice", "10.0.0.1", t0);
        }
      });
    for (auto& thread : threads) thread.join();
    CHECK(throttle.retry_after("alice", "172.16.0.1", t0) == wait(1s));  // exactly 4000 failures
    throttle.record_failure("alice", "172.16.0.1", t0);
    CHECK(throttle.retry_after("alice", "172.16.0.1", t0) == wait(2s));
  }
}
