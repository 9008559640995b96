#include "core/triage/decisions.hpp"
#include "core/triage/validity.hpp"
#include "tests/support/triage_fixture.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using namespace casechain::core;

namespace {

police_report order_report(const std::string& ref, const char* at) {
  auto r = test::plain_report(ref, at);
  r.measures.restraining_order = restraining_order{*parse_date("2026-03-15"), *parse_date("2026-03-25")};
  return r;
}

// A report on a family of its own (its own victim), so families do not mix.
police_report own_family(police_report r, int n) {
  r.persons.resize(1);
  r.persons[0].national_id.clear();
  r.persons[0].first_name = "Person" + std::string(1, static_cast<char>('a' + n));
  return r;
}

const timestamp all_from = test::at("2000-01-01T00:00:00Z");
const timestamp all_to = test::at("2100-01-01T00:00:00Z");

}  // namespace

TEST_SUITE("core/triage/validity") {
  TEST_CASE("Cohen's kappa on known matrices") {
    triage::track_matrix perfect{};
    perfect[1][1] = 10, perfect[2][2] = 5, perfect[3][3] = 5;
    CHECK(triage::cohens_kappa(perfect) == doctest::Approx(1.0));
    // Two raters, 50 items: observed 0.7, expected 0.5 -> kappa 0.4 (textbook example in two classes).
    triage::track_matrix m{};
    m[1][1] = 20, m[1][2] = 5, m[2][1] = 10, m[2][2] = 15;
    CHECK(triage::cohens_kappa(m) == doctest::Approx(0.4));
    CHECK(triage::cohens_kappa(triage::track_matrix{}) == 0);
  }

  TEST_CASE("confusion matrix, overrides per rule and repeats from a small database") {
    test::triage_fixture f;
    // Four families: two agreed on track 1, one order agreed on 3, one order lowered to 2 (confirmed).
    auto a = f.import(own_family(test::plain_report("A1", "2026-01-05T10:00:00Z"), 0));
    auto b = f.import(own_family(test::plain_report("B1", "2026-01-06T10:00:00Z"), 1));
    auto c = f.import(own_family(order_report("C1", "2026-01-07T10:00:00Z"), 2));
    auto d = f.import(own_family(order_report("D1", "2026-01-08T10:00:00Z"), 3));
    REQUIRE(triage::decide(f.t.sql(), {a.id, track::help_offer, f.anna.id, "", now_utc()}));
    REQUIRE(triage::decide(f.t.sql(), {b.id, track::chain, f.anna.id, "children known to CAW", now_utc()}));
    REQUIRE(triage::decide(f.t.sql(), {c.id, track::intensive, f.anna.id, "", now_utc()}));
    REQUIRE(triage::decide(f.t.sql(), {d.id, track::chain, f.anna.id, "order lifted", now_utc()}));
    REQUIRE(triage::confirm(f.t.sql(), d.id, f.bert.id, now_utc()));
    // Family A comes back within the year; family C after more than a year.
    f.import(own_family(test::plain_report("A2", "2026-06-01T10:00:00Z"), 0));
    f.import(own_family(test::plain_report("C2", "2027-03-01T10:00:00Z"), 2));

    auto v = triage::compute_validity(f.t.sql(), all_from, all_to);
    REQUIRE(v);
    CHECK(v->decisions == 4);
    CHECK(v->matrix[1][1] == 1);
    CHECK(v->matrix[1][2] == 1);
    CHECK(v->matrix[3][3] == 1);
    CHECK(v->matrix[3][2] == 1);
    CHECK(v->observed_agreement == doctest::Approx(0.5));
    // rows (1: 2, 3: 2), columns (1: 1, 2: 2, 3: 1): expected 0.5*0.25 + 0.5*0.25 = 0.25
    CHECK(v->kappa == doctest::Approx((0.5 - 0.25) / 0.75));
    REQUIRE(v->rules.count("restraining_order") == 1);
    CHECK(v->rules["restraining_order"].fired == 2);
    CHECK(v->rules["restraining_order"].overridden == 1);
    CHECK(v->repeats[1].families == 1);
    CHECK(v->repeats[1].repeated == 1);
    CHECK(v->repeats[3].families == 1);
    CHECK(v->repeats[3].repeated == 0);
    CHECK(v->repeats[2].families == 2);
    CHECK(v->repeats[2].repeated == 0);

    auto january_6th = triage::compute_validity(f.t.sql(), test::at("2026-01-06T00:00:00Z"), test::at("2026-01-07T00:00:00Z"));
    REQUIRE(january_6th);
    CHECK(january_6th->decisions == 1);
  }

  TEST_CASE("replay shows which tracks another instrument would change, and changes nothing") {
    test::triage_fixture f;
    f.import(own_family(test::plain_report("A1", "2026-01-05T10:00:00Z"), 0));
    f.import(own_family(order_report("C1", "2026-01-07T10:00:00Z"), 2));
    // An instrument without the order rule: the order report drops to track 1.
    auto lenient = triage::load_instrument(R"({"name": "lenient", "version": 1, "many_unknowns": 5,
      "risk_items": [{"item": "weapon", "weight": 1}], "complexity_items": [],
      "risk_levels": [{"level": "low", "min_score": 0}], "rules": []})");
    REQUIRE(lenient);
    auto proposals_before = f.t.count("triage_proposals");
    auto r = triage::replay(f.t.sql(), *f.t.protection, **lenient, *triage::builtin_lexicons(), all_from, all_to);
    REQUIRE(r);
    CHECK(r->reports == 2);
    CHECK(r->changed == 1);
    CHECK(r->matrix[3][1] == 1);
    CHECK(r->matrix[1][1] == 1);
    CHECK(f.t.count("triage_proposals") == proposals_before);
    CHECK(f.t.sql().execAndGet("SELECT count(*) FROM triage_proposals WHERE track = 3").getInt() == 1);
  }
}
