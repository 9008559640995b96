// The audit head outside the database: what the chain alone cannot show
// (entries cut off its end) is found against it.
#include "core/audit/audit_head.hpp"
#include "core/store/audit_store.hpp"
#include "tests/support/test_database.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace casechain;
using namespace casechain::core;
namespace store = casechain::core::store;

namespace {

audit::audit_key test_key() { return audit::audit_key::from_bytes(std::string(32, 'h')).value(); }

void append(test::test_database& t, const audit::audit_key& key, int count, char request = 'r') {
  std::vector<audit::audit_entry> entries(static_cast<std::size_t>(count));
  for (auto& e : entries) {
    e.at = test::at("2026-12-02T09:00:00Z");
    e.action = std::string(audit::action::read);
    e.request_id.assign(1, request);
  }
  REQUIRE(store::append_audit_entries(t.sql(), key, entries));
}

audit::audit_head newest(test::test_database& t) {
  auto head = store::newest_audit_entry(t.sql());
  REQUIRE(head);
  REQUIRE(*head);
  return **head;
}

store::audit_verification verify(test::test_database& t, const audit::audit_key& key,
                                 const std::optional<audit::audit_head>& head) {
  auto v = store::verify_audit_trail(t.sql(), key, head);
  REQUIRE(v);
  return *v;
}

data_dir folder(const test::temp_dir& d) { return data_dir::create(d / "var").value(); }

}  // namespace

TEST_SUITE("core/audit/head") {
  TEST_CASE("a head is written and read back whole; none before the first write") {
    test::temp_dir d;
    auto dir = folder(d);
    auto none = audit::read_audit_head(dir);
    REQUIRE(none);
    CHECK_FALSE(*none);
    audit::audit_head head{42, {}};
    head.hash.fill(0xab);
    head.hash[31] = 0x01;
    REQUIRE(audit::write_audit_head(dir, head));
    auto back = audit::read_audit_head(dir);
    REQUIRE(back);
    REQUIRE(*back);
    CHECK((*back)->id == 42);
    CHECK((*back)->hash == head.hash);
  }

  TEST_CASE("a damaged head file is an error, not taken for no head") {
    test::temp_dir d;
    auto dir = folder(d);
    std::ofstream(audit::audit_head_file(dir)) << "12 not-a-hash\n";
    auto read = audit::read_audit_head(dir);
    REQUIRE_FALSE(read);
    CHECK(read.error().message.find("damaged") != std::string::npos);
  }

  TEST_CASE("the last entries cut off the end: unseen by the chain, seen against the head") {
    test::test_database t;
    auto key = test_key();
    append(t, key, 6);
    auto head = newest(t);
    t.sql().exec("DROP TRIGGER audit_entries_no_delete");
    t.sql().exec("DELETE FROM audit_entries WHERE id >= 5");
    CHECK_FALSE(verify(t, key, std::nullopt).first_bad);  // the shorter chain is whole
    auto v = verify(t, key, head);
    REQUIRE(v.first_bad);
    CHECK(*v.first_bad == 5);
    CHECK(v.problem.find("cut off its end") != std::string::npos);
  }

  TEST_CASE("a trail cut back and appended to again is seen at the head's entry") {
    test::test_database t;
    auto key = test_key();
    append(t, key, 6);
    auto head = newest(t);
    t.sql().exec("DROP TRIGGER audit_entries_no_delete");
    t.sql().exec("DELETE FROM audit_entries WHERE id >= 4");
    append(t, key, 5, 's');  // other entries, chained properly from entry 3, up to entry 8
    CHECK_FALSE(verify(t, key, std::nullopt).first_bad);
    auto v = verify(t, key, head);
    REQUIRE(v.first_bad);
    CHECK(*v.first_bad == 6);
  }

  TEST_CASE("a head that lags the trail (entries committed since it was written) verifies") {
    test::test_database t;
    auto key = test_key();
    append(t, key, 3);
    auto head = newest(t);
    append(t, key, 4);
    auto v = verify(t, key, head);
    CHECK_FALSE(v.first_bad);
    CHECK(v.entries == 7);
  }
}
