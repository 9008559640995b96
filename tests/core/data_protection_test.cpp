#include "core/data_protection.hpp"

#include "core/intake/importer.hpp"
#include "core/store/database.hpp"
#include "core/store/report_store.hpp"
#include "core/store/sealed_columns.hpp"
#include "tests/support/sample_report.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace casechain;
using namespace casechain::core;
namespace fs = std::filesystem;

namespace {

struct folder {
  test::temp_dir tmp;
  data_dir dir = data_dir::create(tmp / "var").value();
  store::database db = store::database::open(dir.database_file()).value();

  // Stores `count` reports with the folder's keys; their ids.
  std::vector<report_id> add_reports(int count) {
    auto protection = load_field_protection(dir, db.sql()).value();
    std::vector<report_id> ids;
    for (int i = 0; i < count; ++i)
      ids.push_back(store::add_report(db.sql(), *protection, test::sample_report("R/" + std::to_string(i)), now_utc()).value());
    return ids;
  }

  crypto::sealed_blob narrative_blob(report_id id) {
    SQLite::Statement q(db.sql(), "SELECT narrative_sealed FROM reports WHERE id = ?");
    q.bind(1, id);
    REQUIRE(q.executeStep());
    auto* p = static_cast<const unsigned char*>(q.getColumn(0).getBlob());
    return {p, p + q.getColumn(0).getBytes()};
  }
};

unsigned mode_of(const fs::path& file) {
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

}  // namespace

TEST_SUITE("core/data_protection") {
  TEST_CASE("the key file is made with mode 0600 on first start, and the same keys load after") {
    folder f;
    CHECK_FALSE(fs::exists(data_keys_file(f.dir)));
    auto first = load_field_protection(f.dir, f.db.sql());
    REQUIRE(first);
    CHECK(mode_of(data_keys_file(f.dir)) == 0600);
    auto blob = (*first)->sealing.seal("x", {"reports", "narrative_sealed", 1});
    auto again = load_field_protection(f.dir, f.db.sql());
    REQUIRE(again);
    CHECK((*again)->sealing.open(blob, {"reports", "narrative_sealed", 1}));
  }

  TEST_CASE("a database with sealed data and no key file is refused; no new key is made") {
    folder f;
    f.add_reports(1);
    REQUIRE(store::has_sealed_data(f.db.sql()).value());
    fs::remove(data_keys_file(f.dir));
    auto refused = load_field_protection(f.dir, f.db.sql());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == errc::failed_precondition);
    CHECK(refused.error().message.find("holds sealed data") != std::string::npos);
    CHECK(refused.error().message.find("data.keys is missing") != std::string::npos);
    CHECK_FALSE(fs::exists(data_keys_file(f.dir)));
  }

  TEST_CASE("a key file with wider permissions is refused") {
    folder f;
    REQUIRE(load_field_protection(f.dir, f.db.sql()));
    REQUIRE(::chmod(data_keys_file(f.dir).c_str(), 0644) == 0);
    auto refused = load_field_protection(f.dir, f.db.sql());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == errc::permission_denied);
  }

  TEST_CASE("rotation re-seals every value under a new key and retires the old one") {
    folder f;
    auto ids = f.add_reports(23);  // 23 narratives, 23 addresses, 23 phones
    auto old_protection = load_field_protection(f.dir, f.db.sql()).value();
    const auto old_blob = f.narrative_blob(ids[4]);

    std::vector<rotation_progress> shown;
    auto outcome = rotate_data_keys(f.dir, f.db.sql(), [&](const rotation_progress& p) { shown.push_back(p); },
                                    /*batch_size=*/10);
    REQUIRE(outcome);
    CHECK_FALSE(outcome->resumed);
    CHECK(outcome->active == 2);
    CHECK(outcome->resealed == 69);
    CHECK(outcome->retired == std::vector<crypto::key_version>{1});
    CHECK(outcome->still_in_use.empty());
    REQUIRE(shown.size() > 3);  // progress after each batch
    CHECK(shown.front().to_reseal == 69);
    CHECK(shown.back().resealed == 69);

    auto status = read_data_key_status(f.dir, f.db.sql());
    REQUIRE(status);
    CHECK(status->versions == std::vector<crypto::key_version>{2});
    CHECK(status->sealed_values == std::map<crypto::key_version, std::int64_t>{{2, 69}});

    // The new ring, read back from the file, opens everything; the old blob no longer opens.
    auto fresh = load_field_protection(f.dir, f.db.sql()).value();
    for (auto id : ids) {
      auto stored = store::get_report(f.db.sql(), fresh->sealing, id);
      REQUIRE(stored);
      CHECK(stored->report.narrative == test::sample_report().narrative);
      CHECK(stored->report.persons[0].address == test::sample_report().persons[0].address);
      CHECK(stored->report.persons[0].phone == test::sample_report().persons[0].phone);
    }
    CHECK(old_protection->sealing.open(old_blob, {"reports", "narrative_sealed", ids[4]}));  // a copy of the old key still could
    auto retired = fresh->sealing.open(old_blob, {"reports", "narrative_sealed", ids[4]});
    REQUIRE_FALSE(retired);
    CHECK(retired.error().message.find("key version 1") != std::string::npos);
    CHECK(f.narrative_blob(ids[4]) != old_blob);
    CHECK_FALSE(store::get_report(f.db.sql(), old_protection->sealing, ids[4]));  // the old key opens nothing stored now
  }

  TEST_CASE("an interrupted rotation carries on with its new key when run again") {
    folder f;
    auto ids = f.add_reports(12);
    // A rotation that stopped after saving version 2 and re-sealing one batch of narratives.
    auto ring = std::make_shared<crypto::data_keys>(*load_data_keys(f.dir, f.db.sql()).value());
    ring->add_version();
    REQUIRE(ring->save(data_keys_file(f.dir)));
    const crypto::sealer sealer(ring);
    store::reseal_cursor cursor;
    REQUIRE(store::reseal_batch(f.db.sql(), sealer, store::sealed_columns()[0], cursor, 5).value() == 5);
    CHECK(store::count_sealed_by_version(f.db.sql()).value() ==
          std::map<crypto::key_version, std::int64_t>{{1, 31}, {2, 5}});

    auto outcome = rotate_data_keys(f.dir, f.db.sql(), {});
    REQUIRE(outcome);
    CHECK(outcome->resumed);
    CHECK(outcome->active == 2);  // no third version
    CHECK(outcome->resealed == 31);
    CHECK(outcome->retired == std::vector<crypto::key_version>{1});
    auto fresh = load_field_protection(f.dir, f.db.sql()).value();
    for (auto id : ids) CHECK(store::get_report(f.db.sql(), fresh->sealing, id));

    // Run once more: a real new rotation to version 3.
    auto next = rotate_data_keys(f.dir, f.db.sql(), {});
    REQUIRE(next);
    CHECK_FALSE(next->resumed);
    CHECK(next->active == 3);
    CHECK(next->resealed == 36);
  }
}
