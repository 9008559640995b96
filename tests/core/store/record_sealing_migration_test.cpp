// Migration 0008 seals the triage decision records a version-7 database holds
// in clear: the migration sets them aside and keeps their fired rules' ids,
// the first load of the data keys seals them, and afterwards no matched
// narrative word is left in the raw database file or its write-ahead log.
#include "core/data_dir.hpp"
#include "core/data_protection.hpp"
#include "core/store/database.hpp"
#include "core/store/migrations.hpp"
#include "core/store/report_store.hpp"
#include "core/store/triage_store.hpp"
#include "schema/migrations.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <vector>

using namespace casechain;
using namespace casechain::core;
namespace fs = std::filesystem;

namespace {

constexpr auto cue_canary = "wurgkanariemigratie";

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string record_of(int i) {
  return R"({"instrument":"swift-1","track":2,"rules":[{"id":"strangulation","track":2,"evidence":[{"item":"strangulation","source":"narrative","detail":")" +
         std::string(cue_canary) + "-" + std::to_string(i) + R"("}]},{"id":"weapon","track":2,"evidence":[]}]})";
}

}  // namespace

TEST_SUITE("core/store/record sealing migration") {
  TEST_CASE("a version-7 database's decision records are sealed on upgrade; their rule ids stay in clear") {
    test::temp_dir tmp;
    auto dir = data_dir::create(tmp / "var").value();
    const std::vector<embedded_file> version_7(schema::migrations().begin(), schema::migrations().begin() + 7);
    REQUIRE(std::string(version_7.back().name).rfind("0007_", 0) == 0);
    constexpr int proposals = 3;
    // The folder as version 7 left it: its key file, and its database made again with the first seven migrations.
    {
      auto current = store::database::open(dir.database_file());
      REQUIRE(current);
      REQUIRE(load_data_keys(dir, current->sql()));
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(dir.database_file().string() + suffix);
    {
      auto old = store::database::open(dir.database_file(), {.create = true, .migrations = version_7});
      REQUIRE(old);
      auto& db = old->sql();
      const crypto::field_protection keys(
          std::make_shared<const crypto::data_keys>(crypto::data_keys::load(data_keys_file(dir)).value()));
      for (int i = 1; i <= proposals; ++i) {
        auto narrative = store::seal_narrative(keys.sealing, i, "hij heeft haar gewurgd");
        SQLite::Statement report(db, "INSERT INTO reports (id, external_ref, police_zone, reported_at, relationship, "
                                     "violence, indicators, arrest, red_file, narrative_sealed, received_at) VALUES "
                                     "(?1, 'R' || ?1, 'Z', '2026-01-01T00:00:00Z', 'partner', '[]', '{}', 0, 0, ?2, "
                                     "'2026-01-01T00:00:00Z')");
        report.bind(1, i);
        report.bind(2, narrative.data(), static_cast<int>(narrative.size()));
        report.exec();
        SQLite::Statement proposal(db, "INSERT INTO triage_proposals (report_id, instrument, track, risk_level, score, "
                                       "complexity, unknowns, record, proposed_at) VALUES (?, 'swift-1', 2, 'high', 7, "
                                       "0, 0, ?, '2026-01-01T00:00:00Z')");
        proposal.bind(1, i);
        proposal.bind(2, record_of(i));
        proposal.exec();
      }
      db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      // The control: the search finds the records where version 7 keeps them.
      REQUIRE(bytes_of(dir.database_file()).find(cue_canary) != std::string::npos);
    }

    const std::vector<embedded_file> version_8(schema::migrations().begin(), schema::migrations().begin() + 8);
    REQUIRE(std::string(version_8.back().name).rfind("0008_", 0) == 0);
    auto db = store::database::open(dir.database_file(), {.migrations = version_8});
    REQUIRE(db);
    CHECK(store::schema_version(db->sql()) == 8);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM triage_records_to_seal").getInt() == proposals);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM triage_proposals WHERE record_sealed IS NULL").getInt() == proposals);
    auto waiting = store::open_proposal_record(db->sql(), crypto::ephemeral_protection()->sealing, 1);
    REQUIRE_FALSE(waiting);
    CHECK(waiting.error().code == errc::failed_precondition);

    auto protection = load_field_protection(dir, db->sql());
    REQUIRE(protection);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM triage_records_to_seal").getInt() == 0);
    for (int i = 1; i <= proposals; ++i) {
      CAPTURE(i);
      auto proposal = store::get_proposal(db->sql(), i);
      REQUIRE(proposal);
      CHECK(proposal->fired_rules == R"(["strangulation","weapon"])");
      CHECK(proposal->score == 7);
      auto record = store::open_proposal_record(db->sql(), (*protection)->sealing, i);
      REQUIRE(record);
      CHECK(*record == record_of(i));
    }
    auto raw = bytes_of(dir.database_file()) + bytes_of(dir.database_file().string() + "-wal");
    CHECK(raw.find(cue_canary) == std::string::npos);
    CHECK(raw.find("wurgkanarie") == std::string::npos);

    // Loading the keys again finds nothing left to seal.
    REQUIRE(load_field_protection(dir, db->sql()));
    auto record = store::open_proposal_record(db->sql(), (*protection)->sealing, 2);
    REQUIRE(record);
    CHECK(*record == record_of(2));

    // `keys rotate` re-seals the records too: the old key retires and they still open under the new one.
    auto rotated = rotate_data_keys(dir, db->sql(), {});
    REQUIRE(rotated);
    CHECK(rotated->retired == std::vector<crypto::key_version>{1});
    auto rotated_protection = load_field_protection(dir, db->sql());
    REQUIRE(rotated_protection);
    for (int i = 1; i <= proposals; ++i) {
      CAPTURE(i);
      auto reopened = store::open_proposal_record(db->sql(), (*rotated_protection)->sealing, i);
      REQUIRE(reopened);
      CHECK(*reopened == record_of(i));
    }
  }
}
