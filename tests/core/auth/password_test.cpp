#include "core/auth/password.hpp"

#include <doctest/doctest.h>

using namespace casechain::core::auth;

namespace {
// Small parameters keep the tests fast; production uses the defaults.
const argon2_parameters quick{256, 1, 1};
}  // namespace

TEST_SUITE("core/auth/password") {
  TEST_CASE("a hash verifies its password and no other") {
    password_hasher hasher("pepper-0123456789abcdef0123456789", quick);
    auto hash = hasher.hash("correct horse battery");
    CHECK(hash.starts_with("$argon2id$v=19$m=256,t=1,p=1$"));
    CHECK(hasher.verify("correct horse battery", hash));
    CHECK_FALSE(hasher.verify("correct horse batterY", hash));
    CHECK_FALSE(hasher.verify("", hash));
  }

  TEST_CASE("each hash has its own salt") {
    password_hasher hasher("pepper", quick);
    CHECK(hasher.hash("same password here") != hasher.hash("same password here"));
  }

  TEST_CASE("the pepper takes part: another pepper does not verify") {
    auto hash = password_hasher("pepper-a", quick).hash("correct horse battery");
    CHECK_FALSE(password_hasher("pepper-b", quick).verify("correct horse battery", hash));
  }

  TEST_CASE("default parameters are Argon2id at OWASP's minimum") {
    password_hasher hasher("pepper");
    auto hash = hasher.hash("correct horse battery");
    CHECK(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    CHECK(hasher.verify("correct horse battery", hash));
  }

  TEST_CASE("malformed or tampered hashes do not verify and do not crash") {
    password_hasher hasher("pepper", quick);
    auto hash = hasher.hash("correct horse battery");
    for (std::string bad : {std::string(""), std::string("$argon2i$v=19$m=256,t=1,p=1$c2FsdHNhbHQ$aGFzaA"),
                            std::string("$argon2id$v=19$m=999999999,t=1,p=1$c2FsdHNhbHQ$aGFzaA"),
                            std::string("$argon2id$v=19$m=256,t=1,p=1$$"), hash.substr(0, hash.size() - 3),
                            hash + "A"}) {
      CAPTURE(bad);
      CHECK_FALSE(hasher.verify("correct horse battery", bad));
    }
  }

  TEST_CASE("the policy asks 12 to 256 characters and refuses common passwords") {
    CHECK(password_problem("short"));
    CHECK(password_problem("elevenchars"));
    CHECK_FALSE(password_problem("twelve chars"));
    CHECK_FALSE(password_problem("éééééééééééé"));  // 12 characters, 24 bytes
    CHECK(password_problem("éééééééééé"));        // 10 characters, 20 bytes
    CHECK_FALSE(password_problem(std::string(255, 'a') + "b"));
    CHECK(password_problem(std::string(257, 'b')));
    CHECK(password_problem("Password1234")->find("common") != std::string::npos);
    CHECK(password_problem("aaaaaaaaaaaaaaaa"));
  }
}
