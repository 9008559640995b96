// `casechain keys status` and `keys rotate` through the real binary: counts
// and versions shown, key material never printed.
#include "core/data_dir.hpp"
#include "core/data_protection.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace casechain;

namespace {

test::process_result casechain_cli(std::vector<std::string> arguments) {
  return test::run_process(CASECHAIN_BINARY, arguments, "");
}

// The base64 keys of the key file, to prove none is printed.
std::vector<std::string> key_texts(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> keys;
  std::string word;
  while (in >> word) {
    if (word.size() >= 40) keys.push_back(word);
  }
  return keys;
}

}  // namespace

TEST_SUITE("api/cli/keys") {
  TEST_CASE("keys status and keys rotate show versions and counts, never a key") {
    test::temp_dir tmp;
    const auto data = (tmp / "var").string();
    REQUIRE(casechain_cli({"init", "--data", data}).status == 0);
    REQUIRE(casechain_cli({"demo", "generate", "--reports", "40", "--out", (tmp / "r.ndjson").string()}).status == 0);
    REQUIRE(casechain_cli({"import", (tmp / "r.ndjson").string(), "--data", data}).status == 0);
    const auto key_file = core::data_keys_file(core::data_dir::open(data).value());
    auto old_keys = key_texts(key_file);
    REQUIRE(old_keys.size() == 2);  // the hash key and version 1

    auto status = casechain_cli({"keys", "status", "--data", data});
    CHECK(status.status == 0);
    CHECK(status.out.find("Key versions held: 1 (active: 1)") != std::string::npos);
    CHECK(status.out.find("version 1: ") != std::string::npos);

    auto rotated = casechain_cli({"keys", "rotate", "--data", data});
    CHECK(rotated.status == 0);
    CHECK(rotated.out.find("key version 2 is active") != std::string::npos);
    CHECK(rotated.out.find("Retired key versions: 1") != std::string::npos);
    CHECK(rotated.err.find("re-sealed") != std::string::npos);

    auto after = casechain_cli({"keys", "status", "--data", data});
    CHECK(after.out.find("Key versions held: 2 (active: 2)") != std::string::npos);
    CHECK(after.out.find("version 1: ") == std::string::npos);

    auto new_keys = key_texts(key_file);
    REQUIRE(new_keys.size() == 2);
    CHECK(new_keys[1] != old_keys[1]);
    for (const auto& output : {status.out, status.err, rotated.out, rotated.err, after.out, after.err})
      for (const auto& key : {old_keys[0], old_keys[1], new_keys[1]}) CHECK(output.find(key) == std::string::npos);
  }

  TEST_CASE("a data folder whose key file went missing is refused, not given a new key") {
    test::temp_dir tmp;
    const auto data = (tmp / "var").string();
    REQUIRE(casechain_cli({"init", "--data", data}).status == 0);
    REQUIRE(casechain_cli({"demo", "generate", "--reports", "5", "--out", (tmp / "r.ndjson").string()}).status == 0);
    REQUIRE(casechain_cli({"import", (tmp / "r.ndjson").string(), "--data", data}).status == 0);
    const auto key_file = core::data_keys_file(core::data_dir::open(data).value());
    std::filesystem::remove(key_file);
    for (std::vector<std::string> command : {std::vector<std::string>{"keys", "status", "--data", data},
                                             std::vector<std::string>{"import", (tmp / "r.ndjson").string(), "--data", data}}) {
      auto refused = casechain_cli(command);
      CHECK(refused.status == 1);
      CHECK(refused.err.find("holds sealed data but its key file") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(key_file));
  }
}
