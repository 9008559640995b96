// The raw database file and its write-ahead log never hold a narrative, an
// address, a phone number or a decision record's matched narrative words in
// plaintext: canaries planted in those fields of
// reports imported through the real batch importer are searched for in the
// files' bytes. A control canary in a field stored in clear (the last name)
// proves the search finds what is there.
#include "core/data_dir.hpp"
#include "core/data_protection.hpp"
#include "core/intake/importer.hpp"
#include "core/model/report_json.hpp"
#include "core/store/database.hpp"
#include "core/store/report_store.hpp"
#include "core/store/triage_store.hpp"
#include "tests/support/sample_report.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <sstream>

using namespace casechain;
using namespace casechain::core;
namespace fs = std::filesystem;

namespace {

constexpr int reports = 60;  // over two chunks of the importer's batch below

// Unique per report and field, so a hit would say which field leaked.
std::string sealed_canary(const char* field, int i) { return "SEALEDCANARY-" + std::string(field) + "-" + std::to_string(i); }
std::string phone_canary(int i) { return "+32 471 908 462 " + std::to_string(700 + i); }
// A narrative word the lexicon's "wurg*" matches: the decision record names it as the rule's evidence.
constexpr auto cue_canary = "wurgkanariezq";

police_report canary_report(int i) {
  auto r = test::sample_report("CAN/" + std::to_string(i));
  auto& victim = r.persons[0];
  victim.last_name = "OPENCANARY-" + std::to_string(i);  // stored in clear: the control
  victim.address = postal_address{sealed_canary("street", i), sealed_canary("nr", i).substr(0, 20), "2018",
                                  sealed_canary("municipality", i)};
  victim.phone = phone_canary(i);
  r.persons[1].address = postal_address{sealed_canary("suspectstreet", i), "3", "2000", "Antwerpen"};
  r.narrative = "Melding " + sealed_canary("narrative", i) + ": hij heeft haar geslagen en " + cue_canary + ".";
  return r;
}

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct imported_folder {
  test::temp_dir tmp;
  data_dir dir = data_dir::create(tmp / "var").value();
  store::database db = store::database::open(dir.database_file()).value();
  std::shared_ptr<const crypto::field_protection> protection = load_field_protection(dir, db.sql()).value();

  imported_folder() {
    std::string ndjson;
    for (int i = 0; i < reports; ++i) {
      append_report_json(ndjson, canary_report(i));
      ndjson += '\n';
    }
    std::istringstream in(ndjson);
    intake::report_importer importer(db.sql(), *protection, triage::builtin_instrument(), triage::builtin_lexicons());
    auto summary = importer.import_batch(in, batch_format::ndjson, now_utc(), {}, /*batch_size=*/25);
    REQUIRE(summary);
    REQUIRE(summary->imported == reports);
  }

  std::string database_and_wal() const {
    return bytes_of(dir.database_file()) + bytes_of(dir.database_file().string() + "-wal");
  }
};

void check_no_sealed_canary(const std::string& raw) {
  CHECK(raw.find("SEALEDCANARY") == std::string::npos);
  CHECK(raw.find(cue_canary) == std::string::npos);
  for (int i = 0; i < reports; ++i) {
    CAPTURE(i);
    CHECK(raw.find(phone_canary(i)) == std::string::npos);
  }
}

}  // namespace

TEST_SUITE("core/store/encryption at rest") {
  TEST_CASE("no narrative, address or phone canary is in the database file or its WAL; the control is") {
    imported_folder f;
    // Before a checkpoint, the imported pages sit in the WAL.
    REQUIRE(fs::file_size(f.dir.database_file().string() + "-wal") > 0);
    auto raw = f.database_and_wal();
    check_no_sealed_canary(raw);
    CHECK(raw.find("OPENCANARY-0") != std::string::npos);
    CHECK(raw.find("OPENCANARY-59") != std::string::npos);

    f.db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    CHECK(fs::file_size(f.dir.database_file().string() + "-wal") == 0);
    raw = f.database_and_wal();
    check_no_sealed_canary(raw);
    CHECK(raw.find("OPENCANARY-0") != std::string::npos);  // the search does find what is stored in clear
    CHECK(raw.find("OPENCANARY-59") != std::string::npos);
  }

  TEST_CASE("the sealed fields read back whole through the store, and phones are found by keyed hash") {
    imported_folder f;
    for (int i : {0, 31, 59}) {
      CAPTURE(i);
      auto id = store::find_report(f.db.sql(), "5345 Antwerpen", "CAN/" + std::to_string(i));
      REQUIRE(id);
      auto stored = store::get_report(f.db.sql(), f.protection->sealing, *id);
      REQUIRE(stored);
      CHECK(stored->report == canary_report(i));
      auto found = store::reports_with_phone(f.db.sql(), f.protection->lookup, phone_canary(i));
      REQUIRE(found);
      CHECK(*found == std::vector<report_id>{*id});
      // The decision record opens, and names the cue word as the evidence it is.
      auto record = store::open_proposal_record(f.db.sql(), f.protection->sealing, *id);
      REQUIRE(record);
      CHECK(record->find(cue_canary) != std::string::npos);
      auto proposal = store::get_proposal(f.db.sql(), *id);
      REQUIRE(proposal);
      CHECK(proposal->fired_rules.find(cue_canary) == std::string::npos);
    }
  }
}
