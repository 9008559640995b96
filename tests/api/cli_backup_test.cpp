// `casechain backup` and `casechain restore` through the real binary: a
// backup taken while another thread writes is the source at one moment, and
// restores to it; a backup that fails a check replaces nothing.
#include "core/audit/audit_key.hpp"
#include "core/data_dir.hpp"
#include "core/data_protection.hpp"
#include "core/store/audit_store.hpp"
#include "core/store/database.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace casechain;
namespace fs = std::filesystem;

namespace {

test::process_result cli(std::vector<std::string> arguments) { return test::run_process(CASECHAIN_BINARY, arguments, ""); }

// A data folder with imported reports (sealed narratives) and five audit entries.
std::string make_folder(const test::temp_dir& tmp, const std::string& name) {
  auto data = (tmp / name).string();
  REQUIRE(cli({"init", "--data", data}).status == 0);
  auto reports = (tmp / (name + ".ndjson")).string();
  REQUIRE(cli({"demo", "generate", "--reports", "30", "--out", reports}).status == 0);
  REQUIRE(cli({"import", reports, "--data", data}).status == 0);
  auto dir = core::data_dir::open(data).value();
  auto key = core::audit::audit_key::of(dir).value();
  auto db = core::store::database::open(dir.database_file()).value();
  std::vector<core::audit::audit_entry> entries(5);
  for (auto& e : entries) {
    e.at = core::now_utc();
    e.action = "read";
    e.purpose = "backup test";
  }
  REQUIRE(core::store::append_audit_entries(db.sql(), key, entries));
  return data;
}

std::int64_t audit_count(SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM audit_entries").getInt64(); }

// Rows in one database and not the other, over every table; audit entries
// only up to `audit_limit` (the trail grows on, append-only, past a backup).
std::int64_t differing_rows(const fs::path& a, const fs::path& b, std::int64_t audit_limit) {
  SQLite::Database db(a.string(), SQLite::OPEN_READONLY);
  db.exec("ATTACH DATABASE '" + b.string() + "' AS other");
  SQLite::Statement tables(db, "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  std::int64_t differing = 0;
  while (tables.executeStep()) {
    auto t = tables.getColumn(0).getString();
    auto where = t == "audit_entries" ? " WHERE id <= " + std::to_string(audit_limit) : std::string();
    for (auto [x, y] : {std::pair{"main", "other"}, {"other", "main"}})
      differing += db.execAndGet("SELECT count(*) FROM (SELECT * FROM " + std::string(x) + "." + t + where +
                                 " EXCEPT SELECT * FROM " + y + "." + t + where + ")")
                       .getInt64();
  }
  return differing;
}

}  // namespace

TEST_SUITE("api/cli/backup") {
  TEST_CASE("a backup taken under write load is the source at one moment, mode 0600, and restores to it") {
    test::temp_dir tmp;
    auto data = make_folder(tmp, "var");
    auto dir = core::data_dir::open(data).value();
    auto key = core::audit::audit_key::of(dir).value();
    auto source = core::store::database::open(dir.database_file()).value();
    const auto start = audit_count(source.sql());

    // Another thread appends to the audit trail, one transaction per entry, all through the backup.
    std::atomic<bool> stop{false};
    std::atomic<std::int64_t> written{0};
    std::thread writer([&] {
      auto db = core::store::database::open(dir.database_file()).value();
      while (!stop) {
        std::vector<core::audit::audit_entry> entry(1);
        entry[0].at = core::now_utc();
        entry[0].action = "read";
        entry[0].purpose = "backup test load";
        REQUIRE(core::store::append_audit_entries(db.sql(), key, entry));
        ++written;
      }
    });
    while (written < 5) std::this_thread::yield();  // the load is on before the backup starts
    const auto before = audit_count(source.sql());
    auto backup_file = tmp / "backup.db";
    auto taken = cli({"backup", "--data", data, "--out", backup_file.string()});
    const auto after = audit_count(source.sql());
    stop = true;
    writer.join();
    REQUIRE(taken.status == 0);
    CHECK(after > before);  // the writer went on during the backup

    struct stat mode{};
    REQUIRE(::stat(backup_file.c_str(), &mode) == 0);
    CHECK((mode.st_mode & 0777) == 0600);
    std::int64_t in_backup = 0;
    {
      SQLite::Database backup(backup_file.string(), SQLite::OPEN_READONLY);
      in_backup = audit_count(backup);
      CHECK(backup.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    CHECK(in_backup >= before);
    CHECK(in_backup <= after);
    CHECK(in_backup > start);
    CHECK(differing_rows(dir.database_file(), backup_file, in_backup) == 0);

    auto restored = cli({"restore", "--data", data, "--from", backup_file.string()});
    CHECK(restored.status == 0);
    CHECK(restored.out.find("audit trail verifies (" + std::to_string(in_backup) + " entries)") != std::string::npos);
    CHECK(restored.out.find("sealed values open with this folder's data keys") != std::string::npos);
    {
      auto now = core::store::database::open(dir.database_file()).value();
      CHECK(audit_count(now.sql()) == in_backup);
    }
    CHECK(differing_rows(dir.database_file(), backup_file, after) == 0);
    CHECK(cli({"audit", "verify", "--data", data}).status == 0);
  }

  TEST_CASE("restore refuses a damaged or foreign backup and leaves the database as it was") {
    test::temp_dir tmp;
    auto data = make_folder(tmp, "var");
    auto dir = core::data_dir::open(data).value();
    auto good = tmp / "good.db";
    REQUIRE(cli({"backup", "--data", data, "--out", good.string()}).status == 0);
    auto entries = [&] {
      auto db = core::store::database::open(dir.database_file()).value();
      return audit_count(db.sql());
    };
    const auto original = entries();

    SUBCASE("an edited audit trail") {
      auto edited = tmp / "edited.db";
      fs::copy_file(good, edited);
      {
        SQLite::Database db(edited.string(), SQLite::OPEN_READWRITE);
        db.exec("DROP TRIGGER audit_entries_no_update");
        db.exec("UPDATE audit_entries SET purpose = 'changed' WHERE id = 2");
      }
      auto refused = cli({"restore", "--data", data, "--from", edited.string()});
      CHECK(refused.status == 1);
      CHECK(refused.err.find("audit trail does not verify") != std::string::npos);
    }
    SUBCASE("bytes that are not a database") {
      auto junk = tmp / "junk.db";
      std::ofstream(junk) << std::string(8192, 'x');
      auto refused = cli({"restore", "--data", data, "--from", junk.string()});
      CHECK(refused.status != 0);
    }
    SUBCASE("a backup of another folder, made with other keys") {
      auto other = make_folder(tmp, "other");
      auto foreign = tmp / "foreign.db";
      REQUIRE(cli({"backup", "--data", other, "--out", foreign.string()}).status == 0);
      auto refused = cli({"restore", "--data", data, "--from", foreign.string()});
      CHECK(refused.status == 1);
      CHECK(refused.err.find("does not verify with this folder's audit.key") != std::string::npos);
      // With the audit key copied but not the data keys, the sealed sample still refuses it.
      auto other_dir = core::data_dir::open(other).value();
      fs::copy_file(dir.secrets_dir() / "audit.key", other_dir.secrets_dir() / "audit.key",
                    fs::copy_options::overwrite_existing);
      auto mine = tmp / "mine.db";
      REQUIRE(cli({"backup", "--data", data, "--out", mine.string()}).status == 0);
      auto sealed = cli({"restore", "--data", other, "--from", mine.string()});
      CHECK(sealed.status == 1);
      CHECK(sealed.err.find("do not open with this folder's data keys") != std::string::npos);
    }
    CHECK(entries() == original);
    CHECK(differing_rows(dir.database_file(), good, original) == 0);
  }
}
