// Retention and erasure through a real data folder: families with unique
// canary values (names, national ids, round-table minutes, plan goals, event
// reasons in clear; narratives, addresses, care notes sealed) are erased
// when due and kept when not due, under a legal hold or with an open case.
// The raw database, -wal and -shm files are searched for the canaries after
// the run; the kept families' sealed values still open; the audit trail
// verifies; a dry run changes nothing; the boundary is exactly the period.
#include "core/audit/audit_key.hpp"
#include "core/data_dir.hpp"
#include "core/data_protection.hpp"
#include "core/retention/builtin_policies.hpp"
#include "core/retention/retention_run.hpp"
#include "core/store/audit_store.hpp"
#include "core/store/database.hpp"
#include "core/store/report_store.hpp"
#include "core/store/retention_store.hpp"
#include "core/store/secrecy_store.hpp"
#include "core/store/write_transaction.hpp"
#include "tests/support/stats_fixture.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <span>

using namespace casechain;
using namespace casechain::core;
namespace fs = std::filesystem;

namespace {

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

timestamp at(const char* text) { return parse_timestamp(text).value(); }

// One family's rows, each holding the family's canary (a unique word) somewhere.
struct planted {
  family_id family = 0;
  std::optional<case_id> case_;
  report_id report = 0;
  person_id person = 0;
  std::string canary;
};

struct retention_folder {
  test::temp_dir tmp;
  data_dir dir = data_dir::create(tmp / "var").value();
  store::database db = store::database::open(dir.database_file()).value();
  std::shared_ptr<const crypto::field_protection> protection = load_field_protection(dir, db.sql()).value();
  audit::audit_key key = audit::audit_key::of(dir).value();
  test::stats_builder b{db.sql(), protection};
  std::int64_t org = b.org("Care org");
  std::int64_t worker = b.user("worker", org);

  // A family with one report and, unless `track` is 0, a case closed at `closed_at` (open when empty).
  planted family(const std::string& canary, int track, const std::string& reported_at, const std::string& closed_at) {
    planted p;
    p.canary = canary;
    p.family = b.family();
    p.report = b.report("Z1", reported_at, p.family, track ? track : 1, "de dader " + canary + "narr sloeg haar");
    p.person = b.person(p.report, 0, p.family, "victim", canary + "first", "1990-01-01", "female", canary + "nid",
                        "2000", "+32470000000");
    if (track == 0) return p;
    p.case_ = b.open_case(p.family, track, "plan", reported_at, worker);
    b.decision(p.report, track, reported_at, worker, *p.case_);
    b.member(*p.case_, org);
    b.contact(*p.case_, reported_at, "reached");
    b.round_table(*p.case_, reported_at.substr(0, 10));
    db.sql().exec("UPDATE round_tables SET decisions = '" + canary + "minutes' WHERE case_id = " + std::to_string(*p.case_));
    auto e = b.event(*p.case_, reported_at, "goal_added", "{}");
    db.sql().exec("INSERT INTO plan_goals (case_id, event_id, text) VALUES (" + std::to_string(*p.case_) + ", " +
                  std::to_string(e) + ", '" + canary + "goal')");
    db.sql().exec("INSERT INTO case_events (case_id, at, kind, reason) VALUES (" + std::to_string(*p.case_) + ", '" +
                  reported_at + "', 'note', '" + canary + "reason')");
    db.sql().exec("INSERT INTO consents (person_id, organisation_id, category, given_by, given_at, valid_until) VALUES (" +
                  std::to_string(p.person) + ", " + std::to_string(org) + ", 'care_notes', " + std::to_string(worker) +
                  ", '" + reported_at + "', '2099-01-01T00:00:00Z')");
    {
      store::write_transaction t(db.sql());
      REQUIRE(store::add_care_note(db.sql(), protection->sealing,
                                   {0, *p.case_, org, worker, at(reported_at.c_str()), canary + "carenote"}));
      t.commit();
    }
    if (!closed_at.empty()) b.close(*p.case_, closed_at, "plan");
    return p;
  }

  std::string raw_files() const {
    const auto file = dir.database_file().string();
    return bytes_of(file) + bytes_of(file + "-wal") + bytes_of(file + "-shm");
  }

  std::int64_t rows_naming(const planted& p) {
    SQLite::Statement q(db.sql(), "SELECT (SELECT count(*) FROM families WHERE id = ?1) + (SELECT count(*) FROM reports "
                                  "WHERE family_id = ?1) + (SELECT count(*) FROM persons WHERE id = ?2) + "
                                  "(SELECT count(*) FROM cases WHERE family_id = ?1)");
    q.bind(1, p.family);
    q.bind(2, p.person);
    q.executeStep();
    return q.getColumn(0).getInt64();
  }

  std::string open_sealed(const char* sql, std::int64_t row, const char* table, const char* column, std::int64_t position = 0) {
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, row);
    REQUIRE(q.executeStep());
    const auto blob = q.getColumn(0);
    std::span<const unsigned char> bytes(static_cast<const unsigned char*>(blob.getBlob()), static_cast<std::size_t>(blob.getBytes()));
    auto opened = protection->sealing.open(bytes, {table, column, row, position});
    REQUIRE(opened);
    return *opened;
  }

  // The family's sealed values open and say what was planted.
  void check_kept(const planted& p) {
    CAPTURE(p.canary);
    CHECK(rows_naming(p) >= (p.case_ ? 4 : 3));  // the family, its report(s), person and case
    CHECK(open_sealed("SELECT narrative_sealed FROM reports WHERE id = ?", p.report, "reports", "narrative_sealed")
              .find(p.canary + "narr") != std::string::npos);
    CHECK(open_sealed("SELECT address_sealed FROM report_persons WHERE report_id = ? AND position = 0", p.report,
                      "report_persons", "address_sealed")
              .find("Canarystraat") != std::string::npos);
    if (p.case_) {
      auto notes = store::care_notes_of_case(db.sql(), protection->sealing, *p.case_);
      REQUIRE(notes);
      REQUIRE(notes->size() == 1);
      CHECK(notes->front().text == p.canary + "carenote");
    }
    CHECK(raw_files().find(p.canary + "first") != std::string::npos);  // stored in clear: the search finds it
  }

  result<retention::run_summary> run(const char* as_of, bool dry_run = false) {
    return retention::run_retention(db.sql(), key, retention::builtin_retention_policy(),
                                    {at(as_of), dry_run, "retention test"});
  }
};

}  // namespace

TEST_SUITE("core/retention") {
  TEST_CASE("the built-in policy is retention-1: help offers 2 years, chain cases 5, reports 2") {
    auto p = retention::builtin_retention_policy();
    CHECK(p.version == "retention-1");
    CHECK(p.closed_help_offer == retention::period{2, 0});
    CHECK(p.closed_chain_case == retention::period{5, 0});
    CHECK(p.report_without_case == retention::period{2, 0});
  }

  TEST_CASE("a policy file with a missing period, an unknown key or a negative number is refused") {
    const std::string good = R"({"format":"casechain-retention","version":2,"periods":{)"
                             R"("closed_help_offer":{"years":1,"days":10},"closed_chain_case":{"years":3,"days":0},)"
                             R"("report_without_case":{"years":0,"days":90}}})";
    auto parsed = retention::parse_retention_policy(good);
    REQUIRE(parsed);
    CHECK(parsed->version == "retention-2");
    CHECK(parsed->closed_help_offer == retention::period{1, 10});
    CHECK(parsed->report_without_case == retention::period{0, 90});
    CHECK_FALSE(retention::parse_retention_policy(R"({"format":"casechain-retention","version":2,"periods":{)"
                                                  R"("closed_help_offer":{"years":1,"days":0}}})"));
    CHECK_FALSE(retention::parse_retention_policy(std::string(good).replace(good.find("\"days\":10"), 9, "\"days\":-1")));
    CHECK_FALSE(retention::parse_retention_policy(std::string(good).replace(good.find("closed_chain_case"), 17, "closed_chain_cases")));
    CHECK_FALSE(retention::parse_retention_policy(std::string(good).replace(good.find("casechain-retention"), 19, "casechain-retentio_")));
  }

  TEST_CASE("periods run in calendar years, then days; 29 February falls back to 28") {
    CHECK(retention::after(at("2024-03-10T12:00:00Z"), {2, 0}) == at("2026-03-10T12:00:00Z"));
    CHECK(retention::after(at("2024-02-29T08:00:00Z"), {1, 0}) == at("2025-02-28T08:00:00Z"));
    CHECK(retention::after(at("2024-12-31T23:59:59Z"), {0, 1}) == at("2025-01-01T23:59:59Z"));
  }

  TEST_CASE("due families are erased to the last byte; others stay whole and readable; the audit trail verifies") {
    retention_folder f;
    auto due_help = f.family("qqduehelp", 1, "2022-01-10T09:00:00Z", "2023-06-01T10:00:00Z");     // due 2025-06-01
    auto due_report = f.family("qqduereport", 0, "2023-01-15T09:00:00Z", "");                     // due 2025-01-15
    auto not_due_chain = f.family("qqkeptchain", 2, "2022-01-10T09:00:00Z", "2023-06-01T10:00:00Z");  // due 2028
    auto held = f.family("qqkeptheld", 1, "2020-01-10T09:00:00Z", "2021-01-01T10:00:00Z");
    auto open = f.family("qqkeptopen", 3, "2019-01-10T09:00:00Z", "");
    REQUIRE(store::add_hold(f.db.sql(), held.case_, std::nullopt, "litigation pending", "tester", now_utc()));
    // A person in a due family and in a kept one stays (with the kept family).
    f.b.person(f.b.report("Z1", "2024-05-01T09:00:00Z", not_due_chain.family, 2, ""), 1, not_due_chain.family, "other",
               "qqsharedfirst", "1980-01-01", "male", "qqsharednid", "2000", "+32470000001");
    auto shared = f.db.sql().execAndGet("SELECT id FROM persons WHERE first_name = 'qqsharedfirst'").getInt64();
    f.db.sql().exec("INSERT INTO family_members (family_id, person_id, role) VALUES (" + std::to_string(due_help.family) +
                    ", " + std::to_string(shared) + ", 'other')");
    f.db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    for (const auto* p : {&due_help, &due_report}) {
      CAPTURE(p->canary);
      REQUIRE(f.raw_files().find(p->canary + "first") != std::string::npos);  // the control: there before
    }
    const auto audit_before = f.db.sql().execAndGet("SELECT count(*) FROM audit_entries").getInt64();

    auto summary = f.run("2026-01-01T00:00:00Z");
    REQUIRE(summary);
    CHECK(summary->families_due == 2);
    CHECK(summary->families_held == 1);
    CHECK(summary->families_erased == 2);
    CHECK(summary->cases_erased == 1);
    CHECK(summary->rows["persons"] == 2);  // not the shared one
    CHECK(summary->rows["care_notes"] == 1);
    CHECK(summary->rows["consents"] == 1);
    CHECK(summary->rows["reports"] == 2);
    CHECK(summary->rows["case_events"] >= 4);
    CHECK(summary->log_truncated);

    for (const auto* p : {&due_help, &due_report}) {
      CAPTURE(p->canary);
      CHECK(f.rows_naming(*p) == 0);
      CHECK(f.db.sql().execAndGet("SELECT count(*) FROM report_persons WHERE report_id = " + std::to_string(p->report)).getInt() == 0);
    }
    CHECK(fs::file_size(f.dir.database_file().string() + "-wal") == 0);
    const auto raw = f.raw_files();
    for (const char* gone : {"qqduehelp", "qqduereport"}) {
      CAPTURE(gone);
      CHECK(raw.find(gone) == std::string::npos);
    }
    for (const auto* p : {&not_due_chain, &held, &open}) f.check_kept(*p);
    for (const char* kept : {"qqkeptchainminutes", "qqkeptchaingoal", "qqkeptchainreason", "qqkeptheldnid", "qqsharedfirst"}) {
      CAPTURE(kept);
      CHECK(raw.find(kept) != std::string::npos);
    }
    CHECK(f.db.sql().execAndGet("SELECT count(*) FROM retention_erasing").getInt() == 0);

    // One entry per erased case and one per family; no value in them.
    SQLite::Statement entries(f.db.sql(), "SELECT action, coalesce(case_id, 0), purpose FROM audit_entries WHERE id > ? ORDER BY id");
    entries.bind(1, audit_before);
    std::vector<std::string> purposes;
    while (entries.executeStep()) {
      CHECK(entries.getColumn(0).getString() == "erase");
      purposes.push_back(entries.getColumn(2).getString());
      CHECK(purposes.back().find("qq") == std::string::npos);
    }
    REQUIRE(purposes.size() == 3);
    CHECK(purposes[0].find("case " + std::to_string(*due_help.case_)) != std::string::npos);
    CHECK(purposes[1].find("family " + std::to_string(due_help.family) + " erased") != std::string::npos);
    CHECK(purposes[1].find("care_notes 1") != std::string::npos);
    auto verified = store::verify_audit_trail(f.db.sql(), f.key);
    REQUIRE(verified);
    CHECK_FALSE(verified->first_bad);
    CHECK(verified->entries == audit_before + 3);

    // Nothing more is due on a second run.
    auto again = f.run("2026-01-01T00:00:00Z");
    REQUIRE(again);
    CHECK(again->families_erased == 0);
  }

  TEST_CASE("a dry run counts what is due and changes nothing") {
    retention_folder f;
    auto due = f.family("qqdrydue", 1, "2022-01-10T09:00:00Z", "2023-06-01T10:00:00Z");
    f.db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const auto before = bytes_of(f.dir.database_file());
    auto summary = f.run("2026-01-01T00:00:00Z", /*dry_run=*/true);
    REQUIRE(summary);
    CHECK(summary->families_due == 1);
    CHECK(summary->families_erased == 0);
    CHECK(bytes_of(f.dir.database_file()) == before);
    CHECK(fs::file_size(f.dir.database_file().string() + "-wal") == 0);
    f.check_kept(due);
  }

  TEST_CASE("a legal hold suspends erasure until it is removed; then the family goes") {
    retention_folder f;
    auto p = f.family("qqholdme", 1, "2020-01-10T09:00:00Z", "2021-01-01T10:00:00Z");
    REQUIRE(store::add_hold(f.db.sql(), std::nullopt, p.family, "court order", "tester", now_utc()));
    auto held = f.run("2026-01-01T00:00:00Z");
    REQUIRE(held);
    CHECK(held->families_held == 1);
    CHECK(held->families_erased == 0);
    f.check_kept(p);
    // The schema refuses too: no event of a held family's case can be deleted.
    CHECK_THROWS(f.db.sql().exec("INSERT INTO retention_erasing (case_id) VALUES (" + std::to_string(*p.case_) + ")"));
    CHECK_FALSE(store::erase_family(f.db.sql(), p.family));

    auto removed = store::remove_holds(f.db.sql(), std::nullopt, p.family, "tester", now_utc());
    REQUIRE(removed);
    CHECK(*removed == 1);
    auto erased = f.run("2026-01-01T00:00:00Z");
    REQUIRE(erased);
    CHECK(erased->families_erased == 1);
    CHECK(f.rows_naming(p) == 0);
    CHECK(f.raw_files().find("qqholdme") == std::string::npos);
  }

  TEST_CASE("the boundary is exactly the period: one second before it the family stays") {
    retention_folder f;
    auto p = f.family("qqboundary", 1, "2024-01-10T09:00:00Z", "2024-03-10T12:00:00Z");
    auto before = f.run("2026-03-10T11:59:59Z");
    REQUIRE(before);
    CHECK(before->families_due == 0);
    CHECK(f.rows_naming(p) == 4);
    auto on_time = f.run("2026-03-10T12:00:00Z");
    REQUIRE(on_time);
    CHECK(on_time->families_erased == 1);
    CHECK(f.rows_naming(p) == 0);
  }

  TEST_CASE("case events stay append-only outside the erasure, and an open case cannot be named for it") {
    retention_folder f;
    auto open = f.family("qqappend", 2, "2024-01-10T09:00:00Z", "");
    auto closed = f.family("qqappendclosed", 2, "2024-01-10T09:00:00Z", "2024-02-10T09:00:00Z");
    CHECK_THROWS(f.db.sql().exec("DELETE FROM case_events WHERE case_id = " + std::to_string(*closed.case_)));
    CHECK_THROWS(f.db.sql().exec("INSERT INTO retention_erasing (case_id) VALUES (" + std::to_string(*open.case_) + ")"));
    CHECK_FALSE(store::erase_family(f.db.sql(), open.family));
    CHECK(f.db.sql().execAndGet("PRAGMA secure_delete").getInt() == 1);
  }

  TEST_CASE("beside another connection reading: the erasure commits, the log waits; a later run empties it") {
    retention_folder f;
    auto due = f.family("qqbusyreader", 1, "2020-01-10T09:00:00Z", "2021-01-01T10:00:00Z");
    f.db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    auto other = store::database::open(f.dir.database_file(), {.busy_timeout = std::chrono::milliseconds{200}});
    REQUIRE(other);
    {
      // A server's reader, mid-read: its snapshot keeps the log from being emptied.
      other->sql().exec("BEGIN");
      CHECK(other->sql().execAndGet("SELECT count(*) FROM families").getInt() == 1);
      auto run = f.run("2026-01-01T00:00:00Z");
      REQUIRE(run);
      CHECK(run->families_erased == 1);
      CHECK_FALSE(run->log_truncated);
      CHECK(f.rows_naming(due) == 0);
      other->sql().exec("COMMIT");
    }
    auto again = f.run("2026-01-01T00:00:00Z");
    REQUIRE(again);
    CHECK(again->families_due == 0);
    CHECK(again->log_truncated);
    CHECK(fs::file_size(f.dir.database_file().string() + "-wal") == 0);
    CHECK(f.raw_files().find("qqbusyreader") == std::string::npos);
  }
}
