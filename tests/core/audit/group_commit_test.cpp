#include "core/audit/group_commit.hpp"
#include "core/store/audit_store.hpp"
#include "tests/support/test_database.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

using namespace casechain;
using namespace casechain::core;
namespace store = casechain::core::store;

namespace {

audit::audit_entry read_entry(std::int64_t case_ref) {
  audit::audit_entry e;
  e.at = test::at("2026-11-22T09:00:00Z");
  e.user = 1;
  e.action = std::string(audit::action::read);
  e.case_ref = case_ref;
  return e;
}

}  // namespace

TEST_SUITE("core/audit/group_commit") {
  TEST_CASE("entries from many threads are all committed, in groups, and the chain verifies") {
    test::test_database t;
    auto key = audit::audit_key::from_bytes(std::string(32, 'g')).value();
    std::mutex writer;
    audit::group_commit commits([&](std::span<audit::audit_entry> group) {
      std::lock_guard lock(writer);
      return store::append_audit_entries(t.sql(), key, group);
    });
    std::atomic<int> done_ok{0};
    std::vector<std::thread> threads;
    for (int th = 0; th < 8; ++th)
      threads.emplace_back([&, th] {
        for (int i = 0; i < 100; ++i)
          if (commits.commit({read_entry(th * 1000 + i)})) ++done_ok;
      });
    for (auto& th : threads) th.join();
    CHECK(done_ok == 800);
    CHECK(commits.entries() == 800);
    CHECK(commits.groups() <= 800);
    CHECK(t.count("audit_entries") == 800);
    auto v = store::verify_audit_trail(t.sql(), key);
    REQUIRE(v);
    CHECK(v->entries == 800);
    CHECK_FALSE(v->first_bad);
  }

  TEST_CASE("under concurrency, entries are gathered into one group up to the gather size") {
    std::vector<std::size_t> sizes;
    std::mutex seen;
    audit::group_commit commits(
        [&](std::span<audit::audit_entry> group) -> result<void> {
          std::lock_guard lock(seen);
          sizes.push_back(group.size());
          return {};
        },
        {.gather_window = std::chrono::seconds(60), .gather_size = 4});
    REQUIRE(commits.commit({read_entry(1)}));  // a lone entry: committed without gathering
    REQUIRE(commits.commit({read_entry(2), read_entry(3)}));  // two at once: concurrency seen
    std::atomic<int> committed{0};
    for (int i = 0; i < 3; ++i)
      commits.submit({read_entry(10 + i)}, [&](const result<void>& r) { committed += r ? 1 : 0; });
    // The window is a minute: only reaching the gather size commits these three with the fourth.
    REQUIRE(commits.commit({read_entry(20)}));
    CHECK(committed == 3);
    std::lock_guard lock(seen);
    CHECK(sizes == std::vector<std::size_t>{1, 2, 4});
  }

  TEST_CASE("a failing append fails every request in its group and commits nothing") {
    audit::group_commit commits([](std::span<audit::audit_entry>) -> result<void> {
      return fail(errc::unavailable, "disk full");
    });
    auto r = commits.commit({read_entry(1), read_entry(2)});
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::unavailable);
    CHECK(commits.entries() == 0);
  }

  TEST_CASE("submissions beyond the pending bound are refused at once") {
    std::atomic<int> refused{0};
    auto record = [&](const result<void>& r) {
      if (!r && r.error().code == errc::resource_exhausted) ++refused;
    };
    std::mutex gate;
    std::unique_lock hold(gate);  // the appender blocks until released
    {
      audit::group_commit commits(
          [&](std::span<audit::audit_entry>) -> result<void> {
            std::lock_guard wait(gate);
            return {};
          },
          {.max_pending = 3});
      // Whether or not the appender has taken the first entry yet, the
      // two later submissions cannot both fit under a bound of 3.
      commits.submit({read_entry(1)}, record);
      commits.submit({read_entry(2), read_entry(3), read_entry(4)}, record);
      commits.submit({read_entry(5), read_entry(6), read_entry(7), read_entry(8)}, record);
      CHECK(refused >= 1);
      hold.unlock();
    }
    CHECK(refused >= 1);
  }
}
