#include "core/auth/login_throttle.hpp"

#include <algorithm>
#include <cassert>

namespace casechain::core::auth {
namespace {

// Usernames are at most 64 characters; anything longer cannot log in, so
// cutting it costs nothing and bounds the memory per key.
constexpr std::size_t max_key_length = 128;

// The prefixes keep an account and an address with the same text apart.
std::string account_key(std::string_view account) {
  std::string key = "a:";
  for (char c : account.substr(0, max_key_length))
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return key;
}

std::string address_key(std::string_view address) {
  return "i:" + std::string(address.substr(0, max_key_length));
}

}  // namespace

login_throttle::login_throttle(throttle_settings settings) : settings_(settings) {
  assert(settings_.max_keys >= 2 && "one failure adds two keys");
}

std::optional<std::chrono::seconds> login_throttle::retry_after(std::string_view account,
                                                                std::string_view address, timestamp now) {
  std::lock_guard lock(mutex_);
  auto by_account = wait_for(account_key(account), settings_.free_failures, now);
  auto by_address = wait_for(address_key(address), settings_.free_failures_per_address, now);
  if (!by_account) return by_address;
  if (!by_address) return by_account;
  return std::max(*by_account, *by_address);
}

void login_throttle::record_failure(std::string_view account, std::string_view address, timestamp now) {
  std::lock_guard lock(mutex_);
  count_failure(account_key(account), now);
  count_failure(address_key(address), now);
}

void login_throttle::record_success(std::string_view account, std::string_view /*address*/) {
  std::lock_guard lock(mutex_);
  if (auto entry = counters_.find(account_key(account)); entry != counters_.end()) forget(entry);
}

std::size_t login_throttle::tracked_keys() const {
  std::lock_guard lock(mutex_);
  return counters_.size();
}

// The wait still due for `key`, forgetting it when its window has passed.
std::optional<std::chrono::seconds> login_throttle::wait_for(const std::string& key, int free_failures,
                                                             timestamp now) {
  auto entry = counters_.find(key);
  if (entry == counters_.end()) return std::nullopt;
  const counter& c = entry->second;
  if (now - c.last_failure > settings_.window) {
    forget(entry);
    return std::nullopt;
  }
  if (c.failures < free_failures) return std::nullopt;
  // Past 2^30 s the cap has long applied; stopping there keeps the shift defined.
  const int k = std::min(c.failures - free_failures, 30);
  const auto wait = std::min(std::chrono::seconds(std::int64_t{1} << k), settings_.max_wait);
  const auto remaining = c.last_failure + wait - now;
  if (remaining <= std::chrono::seconds::zero()) return std::nullopt;
  return std::min(remaining, wait);  // a clock set back must not lengthen the wait
}

void login_throttle::count_failure(std::string key, timestamp now) {
  auto entry = counters_.find(key);
  if (entry != counters_.end() && now - entry->second.last_failure > settings_.window) {
    forget(entry);
    entry = counters_.end();
  }
  if (entry == counters_.end()) {
    // Make room first: the key idle longest goes, which is also the one whose
    // window ends first.
    while (counters_.size() >= settings_.max_keys && !by_age_.empty()) forget(counters_.find(*by_age_.front()));
    entry = counters_.emplace(std::move(key), counter{0, now, {}}).first;
    entry->second.position = by_age_.insert(by_age_.end(), &entry->first);
  } else {
    by_age_.splice(by_age_.end(), by_age_, entry->second.position);
  }
  counter& c = entry->second;
  // Capped so that a key failing for weeks cannot overflow the count.
  c.failures = std::min(c.failures + 1, 1'000'000);
  c.last_failure = std::max(c.last_failure, now);
  // Keys whose window has passed are dead weight; the oldest are at the front.
  while (!by_age_.empty()) {
    auto oldest = counters_.find(*by_age_.front());
    if (oldest == entry || now - oldest->second.last_failure <= settings_.window) break;
    forget(oldest);
  }
}

void login_throttle::forget(std::unordered_map<std::string, counter>::iterator entry) {
  assert(entry != counters_.end());
  by_age_.erase(entry->second.position);
  counters_.erase(entry);
}

}  // namespace casechain::core::auth
