#include "core/store/family_store.hpp"
#include "core/store/report_store.hpp"
#include "tests/support/sample_report.hpp"
#include "tests/support/test_database.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using namespace casechain::core;
namespace store = casechain::core::store;

TEST_SUITE("core/store/reports") {
  TEST_CASE("a report round-trips with its persons, indicators and measures") {
    test::test_database t;
    auto report = test::sample_report();
    auto id = store::add_report(t.sql(), *t.protection, report, test::at("2026-03-14T22:00:00Z"));
    REQUIRE(id);
    auto stored = store::get_report(t.sql(), t.protection->sealing, *id);
    REQUIRE(stored);
    CHECK(stored->report == report);
    CHECK(stored->received_at == test::at("2026-03-14T22:00:00Z"));
    CHECK_FALSE(stored->family);
    CHECK(stored->linked_persons.size() == 3);
    CHECK(stored->report.indicators[1].value == tri_state::unknown);
  }

  TEST_CASE("the same external_ref from the same zone is a duplicate, from another zone it is not") {
    test::test_database t;
    auto report = test::sample_report();
    REQUIRE(store::add_report(t.sql(), *t.protection, report, now_utc()));
    auto twice = store::add_report(t.sql(), *t.protection, report, now_utc());
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == errc::already_exists);
    CHECK(twice.error().message.find("duplicate") != std::string::npos);
    CHECK(t.count("reports") == 1);
    CHECK(t.count("report_persons") == 3);
    report.police_zone = "5415 Gent";
    CHECK(store::add_report(t.sql(), *t.protection, report, now_utc()));
    auto found = store::find_report(t.sql(), "5415 Gent", report.external_ref);
    CHECK(found);
  }

  TEST_CASE("a report that breaks a rule leaves nothing half stored") {
    test::test_database t;
    auto report = test::sample_report();
    report.persons[2].first_name = "Lotte";
    report.external_ref = std::string(65, 'x');  // over the 64-character limit: rejected by the schema
    auto refused = store::add_report(t.sql(), *t.protection, report, now_utc());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == errc::invalid_argument);
    CHECK(t.count("reports") == 0);
    CHECK(t.count("report_persons") == 0);
  }

  TEST_CASE("a report is linked to a family and its persons") {
    test::test_database t;
    auto id = store::add_report(t.sql(), *t.protection, test::sample_report(), now_utc());
    REQUIRE(id);
    auto fam = store::add_family(t.sql(), now_utc());
    REQUIRE(fam);
    auto p = store::add_person(t.sql(), person{0, "Sofie", "Van den Bossche", parse_date("1990-06-02"), gender::female,
                                               "90.06.02-284.36", now_utc()});
    REQUIRE(p);
    REQUIRE(store::set_report_family(t.sql(), *id, fam->id));
    REQUIRE(store::link_report_person(t.sql(), *id, 0, p->id));
    auto stored = store::get_report(t.sql(), t.protection->sealing, *id);
    REQUIRE(stored);
    CHECK(stored->family == fam->id);
    CHECK(stored->linked_persons[0] == p->id);
    CHECK_FALSE(stored->linked_persons[1]);
    CHECK(store::link_report_person(t.sql(), *id, 7, p->id).error().code == errc::not_found);
    CHECK(store::set_report_family(t.sql(), *id, 999).error().code == errc::not_found);
    CHECK(store::get_report(t.sql(), t.protection->sealing, 999).error().code == errc::not_found);
  }
}

TEST_SUITE("core/store/families") {
  TEST_CASE("persons round-trip and national ids are unique") {
    test::test_database t;
    person p{0, "Karim", "El Amrani", parse_date("1985-02-03"), gender::male, "85.02.03-123.45", now_utc()};
    auto stored = store::add_person(t.sql(), p);
    REQUIRE(stored);
    auto by_id = store::get_person(t.sql(), stored->id);
    REQUIRE(by_id);
    CHECK(*by_id == *stored);
    auto by_nid = store::find_person_by_national_id(t.sql(), "85.02.03-123.45");
    REQUIRE(by_nid);
    CHECK(by_nid->id == stored->id);
    CHECK(store::add_person(t.sql(), p).error().code == errc::already_exists);
    p.national_id.clear();
    CHECK(store::add_person(t.sql(), p));  // persons without national id are never unique-checked
    CHECK(store::add_person(t.sql(), p));
    CHECK(store::find_person_by_national_id(t.sql(), "00.00.00-000.00").error().code == errc::not_found);
  }

  TEST_CASE("family members carry their role; a person may belong to several families") {
    test::test_database t;
    auto f1 = store::add_family(t.sql(), now_utc());
    auto f2 = store::add_family(t.sql(), now_utc());
    auto p = store::add_person(t.sql(), person{0, "Marie", "Dubois", std::nullopt, gender::female, "", now_utc()});
    REQUIRE((f1 && f2 && p));
    REQUIRE(store::add_family_member(t.sql(), {f1->id, p->id, family_role::victim}));
    REQUIRE(store::add_family_member(t.sql(), {f2->id, p->id, family_role::other}));
    CHECK(store::add_family_member(t.sql(), {f1->id, p->id, family_role::suspect}).error().code == errc::already_exists);
    CHECK(store::add_family_member(t.sql(), {f1->id, 999, family_role::child}).error().code == errc::not_found);
    auto members = store::family_members(t.sql(), f1->id);
    REQUIRE(members);
    REQUIRE(members->size() == 1);
    CHECK((*members)[0].role == family_role::victim);
    auto families = store::families_of(t.sql(), p->id);
    REQUIRE(families);
    CHECK(*families == std::vector<family_id>{f1->id, f2->id});
  }
}
