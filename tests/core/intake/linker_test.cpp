#include "core/store/family_store.hpp"
#include "core/store/report_store.hpp"
#include "core/model/report_json.hpp"
#include "tests/support/triage_fixture.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <sstream>

using namespace casechain;
using namespace casechain::core;
using intake::link_kind;

TEST_SUITE("core/intake/linking") {
  TEST_CASE("a first report creates its persons and a family") {
    test::triage_fixture f;
    auto first = f.import(test::plain_report("R1"));
    CHECK(first.links.new_family);
    REQUIRE(first.links.persons.size() == 3);
    for (const auto& p : first.links.persons) CHECK(p.kind == link_kind::new_person);
    CHECK(f.t.count("persons") == 3);
    auto members = store::family_members(f.t.sql(), first.links.family).value();
    CHECK(members.size() == 3);
    CHECK(store::get_report(f.t.sql(), f.t.protection->sealing, first.id).value().family == first.links.family);
  }

  TEST_CASE("the same persons again link to the same family; the national id wins over a changed name") {
    test::triage_fixture f;
    auto first = f.import(test::plain_report("R1"));
    auto again = test::plain_report("R2", "2026-04-01T10:00:00Z");
    again.persons[0].first_name = "Sophie-Anne";  // the victim's name written quite differently
    again.persons[0].last_name = "Bossche";
    auto second = f.import(again);
    CHECK_FALSE(second.links.new_family);
    CHECK(second.links.family == first.links.family);
    CHECK(second.links.persons[0].kind == link_kind::national_id);
    CHECK(second.links.persons[0].person == first.links.persons[0].person);
    CHECK(second.links.persons[1].kind == link_kind::name_and_birth_date);  // suspect: no national id
    CHECK(f.t.count("persons") == 3);
    CHECK(f.t.count("link_flags") == 0);
  }

  TEST_CASE("names match across case, accents, spacing and particles") {
    test::triage_fixture f;
    auto first = f.import(test::plain_report("R1"));
    auto again = test::plain_report("R2");
    again.persons[1].first_name = " KEVIN ";
    again.persons[1].last_name = "de smet";
    auto second = f.import(again);
    CHECK(second.links.persons[1].kind == link_kind::name_and_birth_date);
    CHECK(second.links.persons[1].person == first.links.persons[1].person);
  }

  TEST_CASE("a typing error is a probable match: flagged, not merged") {
    test::triage_fixture f;
    auto first = f.import(test::plain_report("R1"));
    auto again = test::plain_report("R2");
    again.persons[1].first_name = "Kevni";  // swapped letters, no national id
    auto second = f.import(again);
    CHECK(second.links.persons[1].kind == link_kind::new_person);
    REQUIRE(second.links.persons[1].probable_candidate);
    CHECK(*second.links.persons[1].probable_candidate == first.links.persons[1].person);
    CHECK(second.links.persons[1].person != first.links.persons[1].person);
    CHECK(f.t.count("link_flags") == 1);
    // The victim still links by national id, so the report joins the family.
    CHECK(second.links.family == first.links.family);
  }

  TEST_CASE("a typing error in the last name is found through the first name") {
    test::triage_fixture f;
    auto first = f.import(test::plain_report("R1"));
    auto again = test::plain_report("R2");
    again.persons[1].last_name = "De Smit";  // only the first name is the same
    auto second = f.import(again);
    CHECK(second.links.persons[1].kind == link_kind::new_person);
    REQUIRE(second.links.persons[1].probable_candidate);
    CHECK(*second.links.persons[1].probable_candidate == first.links.persons[1].person);
  }

  TEST_CASE("first and last name swapped is a probable match") {
    test::triage_fixture f;
    auto first = f.import(test::plain_report("R1"));
    auto again = test::plain_report("R2");
    again.persons[1].first_name = "De Smet";
    again.persons[1].last_name = "Kevin";
    auto second = f.import(again);
    CHECK(second.links.persons[1].kind == link_kind::new_person);
    REQUIRE(second.links.persons[1].probable_candidate);
    CHECK(*second.links.persons[1].probable_candidate == first.links.persons[1].person);
  }

  TEST_CASE("among many persons born the same day, the one with the name is found; the others are not candidates") {
    test::triage_fixture f;
    // Thirty persons born on the suspect's birthday, none sharing a name with him.
    for (int i = 0; i < 30; ++i) {
      auto other = test::plain_report(std::string("N").append(std::to_string(i)));
      other.persons.resize(1);
      other.persons[0].national_id.clear();
      other.persons[0].first_name.assign("Voornaam").append(std::to_string(i));
      other.persons[0].last_name.assign("Achternaam").append(std::to_string(i));
      other.persons[0].birth_date = parse_date("1987-11-30");
      f.import(other);
    }
    auto first = f.import(test::plain_report("R1"));
    auto again = test::plain_report("R2");
    again.persons[0].national_id.clear();  // the family is found through the suspect alone
    again.persons[0].birth_date = parse_date("1990-06-03");
    again.persons[1].first_name = "Kevni";
    again.persons[2].birth_date = parse_date("2019-01-16");
    auto second = f.import(again);
    REQUIRE(second.links.persons[1].probable_candidate);
    CHECK(*second.links.persons[1].probable_candidate == first.links.persons[1].person);
    CHECK(f.t.count("link_flags") == 1);
  }

  TEST_CASE("a namesake with another birth date is another person") {
    test::triage_fixture f;
    auto first = f.import(test::plain_report("R1"));
    auto other = test::plain_report("R2");
    for (auto& p : other.persons) p.national_id.clear();
    other.persons.resize(1);
    other.persons[0].birth_date = parse_date("1991-06-02");
    auto second = f.import(other);
    CHECK(second.links.persons[0].kind == link_kind::new_person);
    CHECK_FALSE(second.links.persons[0].probable_candidate);
    CHECK(second.links.new_family);
    CHECK(second.links.family != first.links.family);
  }

  TEST_CASE("different national ids are never the same person, whatever the name") {
    test::triage_fixture f;
    f.import(test::plain_report("R1"));
    auto other = test::plain_report("R2");
    other.persons.resize(1);
    other.persons[0].national_id = "90.06.02-286.34";  // same name and birth date, another number
    auto second = f.import(other);
    CHECK(second.links.persons[0].kind == link_kind::new_person);
    CHECK_FALSE(second.links.persons[0].probable_candidate);
    CHECK(second.links.new_family);
  }

  TEST_CASE("a name match fills in a national id learnt later") {
    test::triage_fixture f;
    auto first = f.import(test::plain_report("R1"));
    auto again = test::plain_report("R2");
    again.persons[1].national_id = "87.11.30-123.08";
    auto second = f.import(again);
    CHECK(second.links.persons[1].person == first.links.persons[1].person);
    auto known = store::find_person_by_national_id(f.t.sql(), "87.11.30-123.08");
    REQUIRE(known);
    CHECK(known->id == first.links.persons[1].person);
  }

  TEST_CASE("a duplicate report is refused and stores nothing more") {
    test::triage_fixture f;
    f.import(test::plain_report("R1"));
    auto persons = f.t.count("persons");
    auto twice = f.importer.import(test::plain_report("R1"), test::at("2026-03-15T09:00:00Z"));
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == errc::already_exists);
    CHECK(f.t.count("reports") == 1);
    CHECK(f.t.count("persons") == persons);
    CHECK(f.t.count("triage_proposals") == 1);
  }

  TEST_CASE("history: the third report in 12 months escalates, an older one does not count") {
    test::triage_fixture f;
    CHECK(f.import(test::plain_report("R1", "2025-01-10T10:00:00Z")).proposal.track == track::help_offer);
    CHECK(f.import(test::plain_report("R2", "2026-02-01T10:00:00Z")).proposal.track == track::help_offer);
    CHECK(f.import(test::plain_report("R3", "2026-03-01T10:00:00Z")).proposal.track == track::help_offer);
    auto fourth = f.import(test::plain_report("R4", "2026-03-20T10:00:00Z"));
    CHECK(fourth.proposal.track == track::chain);
    REQUIRE(fourth.proposal.rules.size() == 1);
    CHECK(fourth.proposal.rules[0].id == "history_escalation");
    CHECK(fourth.proposal.rules[0].evidence[0].detail.find("2 earlier") == 0);
  }
}

TEST_SUITE("core/intake/linking") {
  TEST_CASE("after an import no query is left holding a read snapshot, so the log can checkpoint") {
    test::triage_fixture f;
    f.import(test::plain_report("W1"));
    f.import(test::plain_report("W2"));  // links by national id and name: every cached query ran
    for (sqlite3_stmt* s = sqlite3_next_stmt(f.t.sql().getHandle(), nullptr); s; s = sqlite3_next_stmt(f.t.sql().getHandle(), s)) {
      CAPTURE(sqlite3_sql(s));
      CHECK(sqlite3_stmt_busy(s) == 0);
    }
    int log = -1, checkpointed = -1;
    CHECK(sqlite3_wal_checkpoint_v2(f.t.sql().getHandle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &checkpointed) == SQLITE_OK);
    CHECK(log == 0);
  }
}

TEST_SUITE("core/intake/batch") {
  TEST_CASE("a batch keeps its good reports when one fails in the store, and finds duplicates within itself") {
    test::triage_fixture f;
    // A store-level failure the parser cannot foresee, for one report only.
    f.t.sql().exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON reports WHEN NEW.external_ref = 'BOOM' "
                   "BEGIN SELECT RAISE(ABORT, 'refused'); END");
    std::string ndjson;
    for (const char* ref : {"B1", "BOOM", "B2", "B1"}) {
      core::append_report_json(ndjson, test::plain_report(ref));
      ndjson += '\n';
    }
    std::istringstream in(ndjson);
    auto summary = f.importer.import_batch(in, batch_format::ndjson, now_utc(), {});
    REQUIRE(summary);
    CHECK(summary->read == 4);
    CHECK(summary->imported == 2);
    CHECK(summary->duplicates == 1);
    CHECK(summary->rejected == 2);
    REQUIRE(summary->rejections.size() == 2);
    CHECK(summary->rejections[0].line == 2);
    CHECK(summary->rejections[1].line == 4);
    CHECK(summary->rejections[1].message.find("duplicate") != std::string::npos);
    CHECK(f.t.count("reports") == 2);
    CHECK(f.t.count("triage_proposals") == 2);
  }

  TEST_CASE("a batch runs with a larger cache and a longer log between checkpoints, then gives the connection its own back") {
    test::triage_fixture f;
    auto pragma = [&](const char* name) { return f.t.sql().execAndGet(std::string("PRAGMA ") + name).getInt(); };
    const int cache = pragma("cache_size"), checkpoint = pragma("wal_autocheckpoint");
    CHECK(checkpoint == 1000);
    std::string ndjson;
    for (const char* ref : {"S1", "S2", "S3"}) {
      core::append_report_json(ndjson, test::plain_report(ref));
      ndjson += '\n';
    }
    std::istringstream in(ndjson);
    int calls = 0;
    auto summary = f.importer.import_batch(in, batch_format::ndjson, now_utc(), [&](const intake::import_summary&) {
      ++calls;
      CHECK(pragma("cache_size") == -262144);         // 256 MiB
      CHECK(pragma("wal_autocheckpoint") == 65536);   // 256 MiB of 4 KiB pages
    }, /*batch_size=*/2);
    REQUIRE(summary);
    CHECK(summary->imported == 3);
    CHECK(calls == 2);  // one per committed chunk
    CHECK(pragma("cache_size") == cache);
    CHECK(pragma("wal_autocheckpoint") == checkpoint);
  }

  TEST_CASE("a refused report does not poison the next one (cached statements are reset cleanly)") {
    test::triage_fixture f;
    f.import(test::plain_report("D1"));
    CHECK(f.importer.import(test::plain_report("D1"), now_utc()).error().code == errc::already_exists);
    CHECK(f.importer.import(test::plain_report("D2"), now_utc()));
  }
}
