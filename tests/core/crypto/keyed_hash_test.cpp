#include "core/crypto/keyed_hash.hpp"

#include <doctest/doctest.h>

using namespace casechain::core::crypto;

TEST_SUITE("core/crypto/keyed_hash") {
  TEST_CASE("equal values hash equal under one key, apart under another key or purpose") {
    const auto key = secret_key::random();
    keyed_hash h(key);
    CHECK(h("report_persons.phone", "+32470123456") == h("report_persons.phone", "+32470123456"));
    CHECK(h("report_persons.phone", "+32470123456") != h("report_persons.phone", "+32470123457"));
    CHECK(h("report_persons.phone", "+32470123456") != h("persons.phone", "+32470123456"));
    CHECK(h("a", "bc") != h("ab", "c"));
    keyed_hash other(secret_key::random());
    CHECK(h("report_persons.phone", "+32470123456") != other("report_persons.phone", "+32470123456"));
  }
}
