#include "core/data_dir.hpp"
#include "core/store/database.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

using namespace casechain;

namespace {
unsigned mode_of(const std::filesystem::path& p) {
  struct stat info {};
  REQUIRE(::stat(p.c_str(), &info) == 0);
  return info.st_mode & 0777;
}
}  // namespace

TEST_SUITE("core/data_dir") {
  TEST_CASE("init makes a private folder with a database and a pepper") {
    test::temp_dir tmp;
    auto dir = core::data_dir::create(tmp / "var");
    REQUIRE(dir);
    CHECK(std::filesystem::exists(dir->database_file()));
    CHECK(mode_of(dir->root()) == 0700);
    CHECK(mode_of(dir->secrets_dir()) == 0700);
    CHECK(mode_of(dir->secrets_dir() / "pepper") == 0600);
    CHECK(mode_of(dir->database_file()) == 0600);
    auto pepper = dir->pepper();
    REQUIRE(pepper);
    CHECK(pepper->size() == 32);
    CHECK(*pepper == core::data_dir::open(tmp / "var").value().pepper().value());  // stable across opens
    CHECK(core::store::database::open(dir->database_file()));
  }

  TEST_CASE("init refuses a folder that is already initialised") {
    test::temp_dir tmp;
    REQUIRE(core::data_dir::create(tmp / "var"));
    auto again = core::data_dir::create(tmp / "var");
    REQUIRE_FALSE(again);
    CHECK(again.error().code == core::errc::already_exists);
  }

  TEST_CASE("opening a folder without data says how to create it") {
    test::temp_dir tmp;
    auto missing = core::data_dir::open(tmp / "nothing");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == core::errc::not_found);
    CHECK(missing.error().message.find("casechain init") != std::string::npos);
  }

  TEST_CASE("a damaged secret is reported, not silently replaced") {
    test::temp_dir tmp;
    { std::ofstream(tmp / "pepper") << "short"; }
    auto secret = core::load_or_create_secret(tmp / "pepper", 32);
    REQUIRE_FALSE(secret);
    CHECK(secret.error().code == core::errc::failed_precondition);
  }
}
