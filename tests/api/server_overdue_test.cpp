// GET /api/v1/overdue over TLS: the late work latest first, in pages, with
// the count of all of it; a case manager's only for their own cases.
#include "core/store/case_store.hpp"
#include "core/store/family_store.hpp"
#include "tests/support/server_fixture.hpp"

#include <set>

namespace casechain {
namespace {

using test::http::status;

// Opens a track-2 case 60 days before the fixture's clock (every clock on it is late by now).
core::case_id open_late_case(test::server_fixture& f, std::optional<core::user_id> manager) {
  return f.app->db().write([&](SQLite::Database& db) {
    auto opened = f.clock - std::chrono::hours(24 * 60);
    auto family = core::store::add_family(db, opened).value();
    core::case_record c;
    c.family = family.id;
    c.track = core::track::chain;
    c.step = core::first_step(c.track);
    c.case_manager = manager;
    c.opened_at = c.updated_at = opened;
    return core::store::open_case(db, c, {0, 0, opened, f.users["coordinator"].id, "opened", R"({"track":2})", ""})
        .value()
        .id;
  });
}

std::string item_key(const boost::json::value& item) {
  return std::to_string(item.at("case").as_int64()) + "/" + std::string(item.at("clock").as_string());
}

TEST_SUITE("server") {
  TEST_CASE("overdue work comes in pages, latest first, with the count of all of it") {
    test::server_fixture f;
    auto mine = open_late_case(f, f.users["manager"].id);
    open_late_case(f, f.users["manager"].id);
    auto unmanaged = open_late_case(f, std::nullopt);
    auto coordinator = f.log_in("coordinator");

    auto all = test::json_of(f.client->get("/api/v1/overdue", test::bearer(coordinator)));
    auto total = all.at("total").as_int64();
    CHECK(total >= 3);  // at least one late clock on each case
    CHECK(static_cast<std::int64_t>(all.at("items").as_array().size()) == total);
    CHECK(all.at("limit").as_int64() == 500);
    std::set<std::int64_t> cases;
    std::int64_t previous_days = INT64_MAX;
    for (const auto& i : all.at("items").as_array()) {
      cases.insert(i.at("case").as_int64());
      CHECK(i.at("days_late").as_int64() <= previous_days);  // latest first
      previous_days = i.at("days_late").as_int64();
    }
    CHECK(cases.count(unmanaged) == 1);

    // Page by page, one item each: the same items in the same order, the same total on every page.
    for (std::int64_t offset = 0; offset < total; ++offset) {
      auto page = test::json_of(f.client->get("/api/v1/overdue?limit=1&offset=" + std::to_string(offset), test::bearer(coordinator)));
      CHECK(page.at("total").as_int64() == total);
      REQUIRE(page.at("items").as_array().size() == 1);
      CHECK(item_key(page.at("items").at(0)) == item_key(all.at("items").at(static_cast<std::size_t>(offset))));
    }
    auto past_end = test::json_of(f.client->get("/api/v1/overdue?offset=" + std::to_string(total), test::bearer(coordinator)));
    CHECK(past_end.at("items").as_array().empty());
    CHECK(past_end.at("total").as_int64() == total);

    // A case manager's count and items are of their own cases only.
    auto manager = f.log_in("manager");
    auto own = test::json_of(f.client->get("/api/v1/overdue", test::bearer(manager)));
    CHECK(own.at("total").as_int64() >= 2);
    CHECK(own.at("total").as_int64() < total);
    bool saw_mine = false;
    for (const auto& i : own.at("items").as_array()) {
      CHECK(i.at("case").as_int64() != unmanaged);
      saw_mine = saw_mine || i.at("case").as_int64() == mine;
    }
    CHECK(saw_mine);

    for (const char* bad : {"limit=0", "limit=1001", "limit=ten", "offset=-1"}) {
      CAPTURE(bad);
      CHECK(f.client->get(std::string("/api/v1/overdue?") + bad, test::bearer(coordinator)).result() == status::bad_request);
    }
  }
}

}  // namespace
}  // namespace casechain
