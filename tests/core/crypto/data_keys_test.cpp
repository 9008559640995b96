#include "core/crypto/data_keys.hpp"
#include "core/crypto/sealer.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

using namespace casechain;
using namespace casechain::core;
using namespace casechain::core::crypto;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& file) {
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_SUITE("core/crypto/data_keys") {
  TEST_CASE("a new key file is created with mode 0600 and loads back to the same keys") {
    test::temp_dir tmp;
    const auto file = tmp / "data.keys";
    auto made = data_keys::create(file);
    REQUIRE(made);
    CHECK(mode_of(file) == 0600);
    CHECK(read_all(file).rfind("casechain-data-keys 1\n", 0) == 0);
    auto loaded = data_keys::load(file);
    REQUIRE(loaded);
    CHECK(loaded->active_version() == 1);
    CHECK(loaded->versions() == std::vector<key_version>{1});
    // Same keys: what one seals, the other opens.
    sealer by_made(std::make_shared<const data_keys>(*made));
    sealer by_loaded(std::make_shared<const data_keys>(*loaded));
    CHECK(by_loaded.open(by_made.seal("value", {"t", "c", 1}), {"t", "c", 1}));
    // Created exclusively: a second create reads the first one's keys instead of replacing them.
    auto again = data_keys::create(file);
    REQUIRE(again);
    sealer by_again(std::make_shared<const data_keys>(*again));
    CHECK(by_again.open(by_made.seal("value", {"t", "c", 1}), {"t", "c", 1}));
  }

  TEST_CASE("a key file others may read is refused, saying how to fix it") {
    test::temp_dir tmp;
    const auto file = tmp / "data.keys";
    REQUIRE(data_keys::create(file));
    for (unsigned mode : {0640u, 0604u, 0660u, 0644u}) {
      CAPTURE(mode);
      REQUIRE(::chmod(file.c_str(), mode) == 0);
      auto refused = data_keys::load(file);
      REQUIRE_FALSE(refused);
      CHECK(refused.error().code == errc::permission_denied);
      CHECK(refused.error().message.find("0600") != std::string::npos);
    }
    REQUIRE(::chmod(file.c_str(), 0400) == 0);  // narrower is fine
    CHECK(data_keys::load(file));
  }

  TEST_CASE("a missing or damaged key file is an error, never a new key") {
    test::temp_dir tmp;
    auto missing = data_keys::load(tmp / "data.keys");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == errc::not_found);
    CHECK_FALSE(fs::exists(tmp / "data.keys"));

    const auto file = tmp / "damaged.keys";
    for (std::string text : {std::string("garbage\n"), std::string("casechain-data-keys 1\nactive 1\n"),
                             std::string("casechain-data-keys 1\nhash AAAA\nkey 1 AAAA\nactive 1\n")}) {
      {
        std::ofstream out(file, std::ios::trunc);
        out << text;
      }
      ::chmod(file.c_str(), 0600);
      auto damaged = data_keys::load(file);
      REQUIRE_FALSE(damaged);
      CHECK(damaged.error().code == errc::failed_precondition);
    }
  }

  TEST_CASE("rotation adds an active version; the active one cannot be retired; save keeps 0600") {
    test::temp_dir tmp;
    const auto file = tmp / "data.keys";
    auto ring = data_keys::create(file).value();
    CHECK(ring.add_version() == 2);
    CHECK(ring.active_version() == 2);
    CHECK(ring.retire(2).error().code == errc::failed_precondition);
    REQUIRE(ring.retire(1));
    CHECK(ring.retire(1).error().code == errc::not_found);
    CHECK(ring.find(1) == nullptr);
    REQUIRE(ring.save(file));
    CHECK(mode_of(file) == 0600);
    auto loaded = data_keys::load(file).value();
    CHECK(loaded.versions() == std::vector<key_version>{2});
    CHECK(loaded.active_version() == 2);
  }
}
