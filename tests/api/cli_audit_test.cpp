// `casechain audit verify` through the real binary.
#include "core/data_dir.hpp"
#include "core/store/audit_store.hpp"
#include "core/store/database.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace casechain;

namespace {

test::process_result cli(std::vector<std::string> arguments) { return test::run_process(CASECHAIN_BINARY, arguments); }

void append_entries(const core::data_dir& dir, int count) {
  auto key = core::audit::audit_key::of(dir).value();
  auto db = core::store::database::open(dir.database_file()).value();
  std::vector<core::audit::audit_entry> entries(static_cast<std::size_t>(count));
  for (auto& e : entries) {
    e.at = core::now_utc();
    e.action = "read";
    e.case_ref = 42;
  }
  REQUIRE(core::store::append_audit_entries(db.sql(), key, entries));
}

}  // namespace

TEST_SUITE("api/cli/audit") {
  TEST_CASE("audit verify passes an intact trail, names the first bad entry, and refuses without the key") {
    test::temp_dir tmp;
    auto data = (tmp / "var").string();
    REQUIRE(cli({"init", "--data", data}).status == 0);
    auto dir = core::data_dir::open(data).value();
    append_entries(dir, 5);

    auto intact = cli({"audit", "verify", "--data", data});
    CHECK(intact.status == 0);
    CHECK(intact.out.find("verifies: 5 entries") != std::string::npos);

    {
      auto db = core::store::database::open(dir.database_file()).value();
      db.sql().exec("DROP TRIGGER audit_entries_no_update");
      db.sql().exec("UPDATE audit_entries SET case_id = 43 WHERE id = 3");
    }
    auto broken = cli({"audit", "verify", "--data", data});
    CHECK(broken.status == 1);
    CHECK(broken.out.find("First bad entry: 3.") != std::string::npos);

    std::filesystem::remove(dir.secrets_dir() / "audit.key");
    auto keyless = cli({"audit", "verify", "--data", data});
    CHECK(keyless.status == 1);
    CHECK(keyless.err.find("audit.key is missing") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.secrets_dir() / "audit.key"));
  }
}
