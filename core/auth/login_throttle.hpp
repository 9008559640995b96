#pragma once
// Throttling of failed log-ins, per account and per client address, without
// a hard lockout (which would let anyone lock a colleague out by guessing
// badly on purpose). An account may fail `free_failures` times, an address
// `free_failures_per_address` times (more: a police station or a justice
// centre reaches the server from one address, and its staff's ordinary typos
// must not make all of them wait); after that each further attempt must wait
// 2^k seconds after the key's last failure (k = failures - its free failures,
// so 1 s, 2 s, 4 s, ...), capped at `max_wait`.
// A key's failures are forgotten once it has had none for `window`.
// Owns only counters in memory: a restart forgets them, which is acceptable
// because Argon2 already makes each guess slow. The clock is the `now` passed
// in; nothing here reads the system time. Memory is bounded by `max_keys`
// (the keys idle longest are evicted first); account names are compared
// case-insensitively (usernames are) and long keys are cut, so a flood of
// huge names cannot exhaust memory. No errors.
// Thread safety: all members are safe to call from any thread (one mutex).

#include "core/util/time.hpp"

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace casechain::core::auth {

struct throttle_settings {
  int free_failures = 5;                        // per account before any wait
  int free_failures_per_address = 50;           // per client address before any wait
  std::chrono::seconds window{15 * 60};         // quiet time after which a key's failures are forgotten
  std::chrono::seconds max_wait{15 * 60};       // the longest wait, however many failures
  std::size_t max_keys = 100'000;               // accounts and addresses tracked together
};

class login_throttle {
 public:
  explicit login_throttle(throttle_settings settings = {});

  // How long to wait before trying `account` from `address` (the longer of
  // the two keys' waits), or nullopt when a try is allowed now. Asking is not
  // a failure: only record_failure counts.
  std::optional<std::chrono::seconds> retry_after(std::string_view account, std::string_view address,
                                                  timestamp now);
  // Counts a failed log-in against both the account and the address (also
  // for unknown accounts, so guessing names is throttled too).
  void record_failure(std::string_view account, std::string_view address, timestamp now);
  // Clears the account's counter but not the address's: one good log-in from
  // a shared address must not reset the throttling of a guesser behind it.
  void record_success(std::string_view account, std::string_view address);
  // The number of keys tracked now (accounts plus addresses), for tests and metrics.
  std::size_t tracked_keys() const;

 private:
  struct counter {
    int failures = 0;
    timestamp last_failure;
    std::list<const std::string*>::iterator position;  // in by_age_
  };

  std::optional<std::chrono::seconds> wait_for(const std::string& key, int free_failures, timestamp now);
  void count_failure(std::string key, timestamp now);
  void forget(std::unordered_map<std::string, counter>::iterator entry);

  const throttle_settings settings_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, counter> counters_;
  // The keys of counters_ (map keys do not move), longest since their last failure first.
  std::list<const std::string*> by_age_;
};

}  // namespace casechain::core::auth
