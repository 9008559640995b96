#include "core/util/atomic_file.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

using namespace casechain;

namespace {
std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

TEST_SUITE("core/util/atomic_file") {
  TEST_CASE("a committed file appears whole with mode 0600") {
    test::temp_dir dir;
    auto target = dir / "out.ndjson";
    {
      auto file = core::atomic_file::create(target);
      REQUIRE(file);
      CHECK(file->write("line 1\n"));
      CHECK_FALSE(std::filesystem::exists(target));
      CHECK(file->write("line 2\n"));
      REQUIRE(file->commit());
    }
    CHECK(read_all(target) == "line 1\nline 2\n");
    struct stat info {};
    REQUIRE(::stat(target.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
  }

  TEST_CASE("an abandoned file leaves the old one untouched and no temporary behind") {
    test::temp_dir dir;
    auto target = dir / "keep.txt";
    { std::ofstream(target) << "old"; }
    {
      auto file = core::atomic_file::create(target);
      REQUIRE(file);
      CHECK(file->write("new, unfinished"));
    }
    CHECK(read_all(target) == "old");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
  }

  TEST_CASE("a folder that does not exist is a clear error") {
    test::temp_dir dir;
    auto file = core::atomic_file::create(dir / "no" / "such" / "file");
    REQUIRE_FALSE(file);
    CHECK(file.error().code == core::errc::unavailable);
  }

  TEST_CASE("commit_new makes a file only once: a second maker gets already_exists and the first file stays") {
    test::temp_dir dir;
    auto target = dir / "audit.key";
    {
      auto first = core::atomic_file::create(target);
      auto second = core::atomic_file::create(target);
      REQUIRE(first);
      REQUIRE(second);
      CHECK(first->write("first key"));
      CHECK(second->write("second key"));
      REQUIRE(first->commit_new());
      auto again = second->commit_new();
      REQUIRE_FALSE(again);
      CHECK(again.error().code == core::errc::already_exists);
    }
    CHECK(read_all(target) == "first key");
    // Neither temporary file is left behind.
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
  }
}
