#include "core/util/base64.hpp"
#include "core/util/json_writer.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

using namespace casechain::core;

TEST_SUITE("core/util/encoding") {
  TEST_CASE("json strings escape quotes, backslashes and control characters") {
    std::string out;
    append_json_string(out, "a\"b\\c\nd\x01" "é");
    CHECK(out == "\"a\\\"b\\\\c\\nd\\u0001é\"");
    CHECK(boost::json::parse(out).as_string() == "a\"b\\c\nd\x01" "é");
  }

  TEST_CASE("the writer produces valid nested JSON") {
    std::string out;
    json_writer w(out);
    w.begin_object();
    w.field("n", std::int64_t{-42});
    w.key("list");
    w.begin_array();
    w.boolean(true);
    w.null();
    w.begin_object();
    w.field("x", "y");
    w.end_object();
    w.end_array();
    w.field("last", false);
    w.end_object();
    CHECK(out == R"({"n":-42,"list":[true,null,{"x":"y"}],"last":false})");
    CHECK(boost::json::parse(out).is_object());
  }

  TEST_CASE("base64 round-trips every length and refuses bad input") {
    std::string bytes;
    for (int n = 0; n < 40; ++n) {
      CAPTURE(n);
      auto encoded = base64_encode(bytes);
      CHECK(encoded.find('=') == std::string::npos);
      auto decoded = base64_decode(encoded);
      REQUIRE(decoded);
      CHECK(*decoded == bytes);
      bytes += static_cast<char>(n * 37 + 11);
    }
    CHECK(base64_encode("hello") == "aGVsbG8");
    CHECK_FALSE(base64_decode("a$bc"));
    CHECK_FALSE(base64_decode("abcde"));
  }
}
