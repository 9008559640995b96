// `casechain serve` on a data folder of the previous schema version, through
// the real binary: it says it upgrades the database before it listens (on a
// large database an upgrade takes a while, and a silent start looks hung),
// and a start with nothing to upgrade says nothing of it.
#include "core/data_dir.hpp"
#include "core/store/database.hpp"
#include "core/store/migrations.hpp"
#include "schema/migrations.hpp"
#include "tests/support/process.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace casechain;

TEST_SUITE("cli serve upgrade") {
  TEST_CASE("serve announces a schema upgrade before it listens, and only when there is one") {
    test::temp_dir tmp;
    const auto data = tmp / "data";
    REQUIRE(test::run_process(CASECHAIN_BINARY, {"init", "--data", data.string()}).status == 0);
    // The folder's database made again by the release before this one.
    auto dir = core::data_dir::open(data);
    REQUIRE(dir);
    const auto file = dir->database_file();
    std::filesystem::remove(file);
    const auto shipped = schema::migrations();
    const int previous = static_cast<int>(shipped.size()) - 1;
    {
      auto old = core::store::database::open(
          file, {.create = true, .migrations = shipped.first(static_cast<std::size_t>(previous))});
      REQUIRE(old);
      REQUIRE(core::store::schema_version(old->sql()) == previous);
    }

    test::server_process server(CASECHAIN_BINARY, {data, tmp / "server.log", {}, {}});
    server.start();
    REQUIRE_MESSAGE(server.wait_listening(), server.log_since_start());
    const auto first = server.log_since_start();
    const auto announced = first.find("Upgrading the database from schema version " + std::to_string(previous) +
                                      " to " + std::to_string(previous + 1) + "...");
    CHECK(announced != std::string::npos);
    CHECK(first.find("Upgraded in ") != std::string::npos);
    CHECK(announced < first.find("listens on"));
    CHECK(server.stop() == 0);

    server.start();
    REQUIRE_MESSAGE(server.wait_listening(), server.log_since_start());
    CHECK(server.log_since_start().find("Upgrading") == std::string::npos);
    CHECK(server.stop() == 0);
    auto now = core::store::database::open(file);
    REQUIRE(now);
    CHECK(core::store::schema_version(now->sql()) == previous + 1);
  }
}
