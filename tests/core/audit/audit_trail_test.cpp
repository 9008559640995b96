#include "core/audit/audit_chain.hpp"
#include "core/store/audit_store.hpp"
#include "tests/support/test_database.hpp"

#include <doctest/doctest.h>

#include <thread>

using namespace casechain;
using namespace casechain::core;
namespace store = casechain::core::store;

namespace {

audit::audit_key test_key(char fill = 'k') { return audit::audit_key::from_bytes(std::string(32, fill)).value(); }

audit::audit_entry entry(std::int64_t case_ref, std::string_view action = audit::action::read) {
  audit::audit_entry e;
  e.at = test::at("2026-11-22T09:00:00Z");
  e.user = 7;
  e.organisation = 3;
  e.roles = "case_manager";
  e.action = std::string(action);
  e.case_ref = case_ref;
  e.category = "identity,incident";
  e.legal_basis = "membership,membership";
  e.purpose = "GET /api/v1/cases/{id}";
  e.request_id = "abcd-" + std::to_string(case_ref);
  return e;
}

void append(test::test_database& t, const audit::audit_key& key, int count) {
  std::vector<audit::audit_entry> entries;
  for (int i = 1; i <= count; ++i) entries.push_back(entry(i));
  REQUIRE(store::append_audit_entries(t.sql(), key, entries));
}

// Tampering as someone with the database but not the key would: the
// append-only triggers are no obstacle to them.
void drop_guards(test::test_database& t) {
  t.sql().exec("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete");
}

store::audit_verification verify(test::test_database& t, const audit::audit_key& key) {
  auto v = store::verify_audit_trail(t.sql(), key);
  REQUIRE(v);
  return *v;
}

}  // namespace

TEST_SUITE("core/audit/trail") {
  TEST_CASE("appended entries get ids in sequence and the chain verifies") {
    test::test_database t;
    auto key = test_key();
    append(t, key, 5);
    append(t, key, 3);
    auto v = verify(t, key);
    CHECK(v.entries == 8);
    CHECK_FALSE(v.first_bad);
    auto ids = t.sql().execAndGet("SELECT group_concat(id) FROM audit_entries").getString();
    CHECK(ids == "1,2,3,4,5,6,7,8");
  }

  TEST_CASE("the trail refuses UPDATE and DELETE") {
    test::test_database t;
    auto key = test_key();
    append(t, key, 2);
    CHECK_THROWS(t.sql().exec("UPDATE audit_entries SET outcome = 'denied' WHERE id = 1"));
    CHECK_THROWS(t.sql().exec("DELETE FROM audit_entries WHERE id = 2"));
    CHECK(t.count("audit_entries") == 2);
  }

  TEST_CASE("a changed byte is found, and the first bad entry named") {
    test::test_database t;
    auto key = test_key();
    append(t, key, 6);
    drop_guards(t);
    SUBCASE("in a text field") { t.sql().exec("UPDATE audit_entries SET category = 'identitx,incident' WHERE id = 4"); }
    SUBCASE("in the outcome") { t.sql().exec("UPDATE audit_entries SET outcome = 'denied' WHERE id = 4"); }
    SUBCASE("in the hash") {
      t.sql().exec("UPDATE audit_entries SET hash = CAST(substr(hash, 1, 31) || "
                   "CASE WHEN substr(hash, 32) = x'00' THEN x'01' ELSE x'00' END AS BLOB) WHERE id = 4");
    }
    auto v = verify(t, key);
    REQUIRE(v.first_bad);
    CHECK(*v.first_bad == 4);
    CHECK(v.entries == 3);
    CHECK(v.problem.find("entry 4") != std::string::npos);
  }

  TEST_CASE("a deleted entry is found") {
    test::test_database t;
    auto key = test_key();
    append(t, key, 6);
    drop_guards(t);
    t.sql().exec("DELETE FROM audit_entries WHERE id = 3");
    auto v = verify(t, key);
    REQUIRE(v.first_bad);
    CHECK(*v.first_bad == 4);
    CHECK(v.problem.find("missing") != std::string::npos);
  }

  TEST_CASE("two swapped entries are found") {
    test::test_database t;
    auto key = test_key();
    append(t, key, 6);
    drop_guards(t);
    // Swap rows 2 and 5 whole (contents and hashes), keeping the ids in sequence.
    t.sql().exec("UPDATE audit_entries SET id = -2 WHERE id = 2");
    t.sql().exec("UPDATE audit_entries SET id = 2 WHERE id = 5");
    t.sql().exec("UPDATE audit_entries SET id = 5 WHERE id = -2");
    auto v = verify(t, key);
    REQUIRE(v.first_bad);
    CHECK(*v.first_bad == 2);
  }

  TEST_CASE("a chain rebuilt with another key is found at its first entry") {
    test::test_database t;
    append(t, test_key('x'), 4);
    auto v = verify(t, test_key('k'));
    REQUIRE(v.first_bad);
    CHECK(*v.first_bad == 1);
    CHECK(v.entries == 0);
  }

  TEST_CASE("concurrent writers on separate connections leave one unbroken chain") {
    test::test_database t;
    auto key = test_key();
    auto writer = [&] {
      auto db = store::database::open(t.dir / "test.db");
      REQUIRE(db);
      for (int i = 0; i < 50; ++i) {
        std::vector<audit::audit_entry> entries{entry(i), entry(i + 1000)};
        REQUIRE(store::append_audit_entries(db->sql(), key, entries));
      }
    };
    std::thread a(writer), b(writer);
    a.join();
    b.join();
    auto v = verify(t, key);
    CHECK(v.entries == 200);
    CHECK_FALSE(v.first_bad);
  }

  TEST_CASE("entries list newest first, filtered by case, user and period") {
    test::test_database t;
    auto key = test_key();
    std::vector<audit::audit_entry> entries{entry(1), entry(2), entry(1)};
    entries[2].at = test::at("2026-11-23T08:00:00Z");
    entries[1].user = 8;
    REQUIRE(store::append_audit_entries(t.sql(), key, entries));
    auto by_case = store::list_audit_entries(t.sql(), {.case_ref = 1});
    REQUIRE(by_case);
    REQUIRE(by_case->size() == 2);
    CHECK((*by_case)[0].id == 3);
    CHECK((*by_case)[1].id == 1);
    auto by_user = store::list_audit_entries(t.sql(), {.user = 8});
    REQUIRE(by_user);
    REQUIRE(by_user->size() == 1);
    CHECK((*by_user)[0].case_ref == 2);
    auto by_period = store::list_audit_entries(t.sql(), {.from = test::at("2026-11-23T00:00:00Z")});
    REQUIRE(by_period);
    REQUIRE(by_period->size() == 1);
    CHECK((*by_period)[0].id == 3);
    auto paged = store::list_audit_entries(t.sql(), {.before_id = 3, .limit = 1});
    REQUIRE(paged);
    REQUIRE(paged->size() == 1);
    CHECK((*paged)[0].id == 2);
  }
}
