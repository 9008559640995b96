#include "core/intake/report_parser.hpp"
#include "core/model/report_json.hpp"
#include "tests/support/sample_report.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <doctest/doctest.h>

#include <functional>

using namespace casechain;
using namespace casechain::core;
namespace json = boost::json;

namespace {

// The sample report with a national register number whose check digits are
// right (97 - 900602284 mod 97 = 36).
police_report valid_sample() {
  auto r = test::sample_report();
  r.persons[0].national_id = "90.06.02-284.36";
  return r;
}

std::string to_json(const police_report& r) {
  std::string out;
  append_report_json(out, r);
  return out;
}

// The sample as JSON, changed by `change`, then parsed.
result<police_report> parse_changed(const std::function<void(json::object&)>& change) {
  json::value tree = json::parse(to_json(valid_sample()));
  change(tree.as_object());
  return parse_report(json::serialize(tree));
}

std::string message_of(const result<police_report>& r) {
  if (r) return "(no error)";
  CHECK(r.error().code == errc::invalid_argument);
  return r.error().message;
}

json::object& person(json::object& report, std::size_t i) { return report["persons"].as_array()[i].as_object(); }

}  // namespace

TEST_SUITE("core/intake/report_parser") {
  TEST_CASE("the sample report round-trips through the writer and the parser") {
    auto original = valid_sample();
    auto parsed = parse_report(to_json(original));
    REQUIRE(parsed);
    CHECK(*parsed == original);

    // Everything optional left out, a person born after 2000 with an id of that century.
    police_report small;
    small.external_ref = "GE.1";
    small.police_zone = "5415 Gent";
    small.reported_at = parse_timestamp("2026-01-02T03:04:05Z").value();
    small.persons.push_back(report_person{family_role::victim, "", "Peeters", parse_date("2005-03-15"), gender::x,
                                          "05.03.15-123.67", std::nullopt, ""});
    small.relationship = relationship::ex_partner;
    auto parsed_small = parse_report(to_json(small));
    REQUIRE(parsed_small);
    CHECK(*parsed_small == small);
  }

  TEST_CASE("a reused parser gives the same reports, also after a large one") {
    report_json_parser parser;
    auto original = valid_sample();
    auto large = original;
    large.narrative.assign(19999, 'x');
    large.indicators.clear();
    for (int i = 0; i < 64; ++i) large.indicators.push_back({"item_" + std::string(1, static_cast<char>('a' + i % 26)) +
                                                                  std::string(static_cast<std::size_t>(i / 26 + 1), 'z'),
                                                              tri_state::yes});
    for (int round = 0; round < 3; ++round) {
      auto a = parser.parse(to_json(original));
      REQUIRE(a);
      CHECK(*a == original);
      auto b = parser.parse(to_json(large));
      REQUIRE(b);
      CHECK(*b == large);
      CHECK(message_of(parser.parse("{")) == "malformed JSON at offset 1: incomplete JSON");
      // A tree larger than the parser's first buffer, then an ordinary one again.
      auto oversized = original;
      oversized.narrative.assign(300000, 'n');
      CHECK(message_of(parser.parse(to_json(oversized))) == "field narrative: expected at most 20000 bytes, got 300000");
    }
  }

  TEST_CASE("parse_report on a value validates the same way") {
    json::value tree = json::parse(to_json(valid_sample()));
    auto parsed = parse_report(tree);
    REQUIRE(parsed);
    CHECK(*parsed == valid_sample());
    tree.as_object()["police_zone"] = "";
    CHECK(message_of(parse_report(tree)) == "field police_zone: must not be empty");
    police_report out;
    auto problem = read_report(tree, out);
    REQUIRE(problem);
    CHECK(problem->path == "police_zone");
    CHECK(problem->problem == "must not be empty");
  }

  TEST_CASE("malformed JSON is reported with its offset") {
    CHECK(message_of(parse_report(R"({"external_ref": "x",})")) == "malformed JSON at offset 21: syntax error");
    CHECK(message_of(parse_report(R"({"a":)")) == "malformed JSON at offset 5: incomplete JSON");
    CHECK(message_of(parse_report("{} x")) == "malformed JSON at offset 3: extra data");
    CHECK(message_of(parse_report("")) == "malformed JSON at offset 0: incomplete JSON");
    CHECK(message_of(parse_report("{\"narrative\": \"caf\xC3\x28\"}")) == "malformed JSON at offset 19: syntax error");
    CHECK(message_of(parse_report("{\"narrative\": \"caf\xFF\"}")) == "malformed JSON at offset 18: syntax error");
    // An error far into a long text is found at its byte.
    std::string long_text = "{\"narrative\": \"" + std::string(5000, 'a') + "\", ]";
    CHECK(message_of(parse_report(long_text)) == "malformed JSON at offset 5018: syntax error");
    CHECK(message_of(parse_report("[1, 2]")) == "expected an object, got an array");
  }

  TEST_CASE("each broken rule names the field and what was expected") {
    struct broken {
      const char* what;
      std::function<void(json::object&)> change;
      std::string message;
    };
    const std::vector<broken> cases{
        {"missing required field", [](json::object& r) { r.erase("reported_at"); }, "field reported_at: is required"},
        {"missing role", [](json::object& r) { person(r, 1).erase("role"); }, "field persons[1].role: is required"},
        {"required null", [](json::object& r) { r["external_ref"] = nullptr; }, "field external_ref: is required"},
        {"wrong type", [](json::object& r) { person(r, 0)["first_name"] = 5; },
         "field persons[0].first_name: expected a string, got a number"},
        {"wrong type of bool", [](json::object& r) { r["measures"].as_object()["arrest"] = "yes"; },
         "field measures.arrest: expected true or false, got a string"},
        {"wrong type of violence", [](json::object& r) { r["violence"].as_object()["sexual"] = 1; },
         "field violence.sexual: expected true or false, got a number"},
        {"persons not an array", [](json::object& r) { r["persons"] = json::object(); },
         "field persons: expected an array of persons, got an object"},
        {"person not an object", [](json::object& r) { r["persons"].as_array()[2] = "child"; },
         "field persons[2]: expected an object, got a string"},
        {"bad enum", [](json::object& r) { person(r, 1)["role"] = "perpetrator"; },
         "field persons[1].role: expected one of victim, suspect, child, other, got \"perpetrator\""},
        {"bad enum not quoted", [](json::object& r) { r["relationship"] = "Husband of Sofie"; },
         "field relationship: expected one of partner, ex_partner, parent_child, child_parent, sibling, "
         "other_family, other"},
        {"bad gender", [](json::object& r) { person(r, 0)["gender"] = "f"; },
         "field persons[0].gender: expected one of female, male, x, unknown, got \"f\""},
        {"bad date", [](json::object& r) { person(r, 1)["birth_date"] = "1990-13-01"; },
         "field persons[1].birth_date: expected a date YYYY-MM-DD, got \"1990-13-01\""},
        {"bad date written the Belgian way", [](json::object& r) { person(r, 1)["birth_date"] = "13/01/1990"; },
         "field persons[1].birth_date: expected a date YYYY-MM-DD, got \"13/01/1990\""},
        {"bad order date", [](json::object& r) { r["measures"].as_object()["restraining_order"].as_object()["until"] = "2026-02-30"; },
         "field measures.restraining_order.until: expected a date YYYY-MM-DD, got \"2026-02-30\""},
        {"bad timestamp", [](json::object& r) { r["reported_at"] = "2026-03-14 21:40"; },
         "field reported_at: expected a timestamp YYYY-MM-DDTHH:MM:SSZ (or with a +HH:MM offset), got \"2026-03-14 "
         "21:40\""},
        {"timestamp as number", [](json::object& r) { r["incident_at"] = 1773524400; },
         "field incident_at: expected a timestamp YYYY-MM-DDTHH:MM:SSZ (or with a +HH:MM offset), got a number"},
        {"incident after report", [](json::object& r) { r["incident_at"] = "2026-03-14T21:40:01Z"; },
         "field incident_at: must not be after reported_at"},
        {"birth date in the future", [](json::object& r) { person(r, 2)["birth_date"] = "2026-03-15"; },
         "field persons[2].birth_date: must not be after the date of reported_at"},
        {"bad check digit", [](json::object& r) { person(r, 0)["national_id"] = "90.06.02-284.35"; },
         "field persons[0].national_id: the check digit does not match"},
        {"bad national id shape", [](json::object& r) { person(r, 0)["national_id"] = "90-06-02-284-36"; },
         "field persons[0].national_id: expected a national register number YY.MM.DD-XXX.CC or its 11 digits"},
        {"check digit right for neither century", [](json::object& r) { person(r, 0)["national_id"] = "05.03.15-123.66"; },
         "field persons[0].national_id: the check digit does not match"},
        {"unknown top-level field", [](json::object& r) { r["comment"] = "x"; }, "field comment: unknown field"},
        {"unknown nested field", [](json::object& r) { person(r, 1)["nickname"] = "x"; },
         "field persons[1].nickname: unknown field"},
        {"unknown address field", [](json::object& r) { person(r, 0)["address"].as_object()["box"] = "3"; },
         "field persons[0].address.box: unknown field"},
        {"unknown violence kind", [](json::object& r) { r["violence"].as_object()["verbal"] = true; },
         "field violence.verbal: unknown field"},
        {"unknown order field", [](json::object& r) { r["measures"].as_object()["restraining_order"].as_object()["days"] = 10; },
         "field measures.restraining_order.days: unknown field"},
        {"too many persons",
         [](json::object& r) {
           auto& persons = r["persons"].as_array();
           while (persons.size() < 21) persons.push_back(persons[2]);
         },
         "field persons: expected 1 to 20 persons, got 21"},
        {"no persons", [](json::object& r) { r["persons"].as_array().clear(); }, "field persons: expected 1 to 20 persons, got 0"},
        {"no victim", [](json::object& r) { person(r, 0)["role"] = "other"; },
         "field persons: needs at least one person with role victim"},
        {"no name", [](json::object& r) { person(r, 1)["first_name"] = ""; person(r, 1).erase("last_name"); },
         "field persons[1]: needs a first_name or a last_name"},
        {"name too long", [](json::object& r) { person(r, 1)["last_name"] = std::string(101, 'a'); },
         "field persons[1].last_name: expected at most 100 characters, got 101"},
        {"external_ref too long", [](json::object& r) { r["external_ref"] = std::string(65, '1'); },
         "field external_ref: expected at most 64 characters, got 65"},
        {"line break in a name", [](json::object& r) { person(r, 1)["first_name"] = "Kev\nin"; },
         "field persons[1].first_name: must not contain control characters (line breaks, tabs)"},
        {"bad postcode", [](json::object& r) { person(r, 0)["address"].as_object()["postcode"] = "20180"; },
         "field persons[0].address.postcode: expected 4 digits"},
        {"bad phone", [](json::object& r) { person(r, 0)["phone"] = "call 0478"; },
         "field persons[0].phone: expected at most 32 characters of digits, spaces and + - / ."},
        {"order from after until",
         [](json::object& r) {
           auto& order = r["measures"].as_object()["restraining_order"].as_object();
           order["from"] = "2026-03-30";
         },
         "field measures.restraining_order: from must not be after until"},
        {"order without until", [](json::object& r) { r["measures"].as_object()["restraining_order"].as_object().erase("until"); },
         "field measures.restraining_order.until: is required"},
        {"order not an object", [](json::object& r) { r["measures"].as_object()["restraining_order"] = true; },
         "field measures.restraining_order: expected an object, got a boolean"},
        {"narrative too long", [](json::object& r) { r["narrative"] = std::string(20001, 'a'); },
         "field narrative: expected at most 20000 bytes, got 20001"},
        {"narrative not a string", [](json::object& r) { r["narrative"] = json::array(); },
         "field narrative: expected a string, got an array"},
        {"indicator name invalid", [](json::object& r) { r["indicators"].as_object()["Weapon!"] = false; },
         "field indicators: item 4 has an invalid name: expected 1 to 40 characters a-z or _"},
        {"indicator name too long", [](json::object& r) { r["indicators"].as_object()[std::string(41, 'a')] = true; },
         "field indicators: item 4 has an invalid name: expected 1 to 40 characters a-z or _"},
        {"indicator value not bool", [](json::object& r) { r["indicators"].as_object()["injury"] = "yes"; },
         "field indicators.injury: expected true, false or null, got a string"},
        {"too many indicators",
         [](json::object& r) {
           auto& indicators = r["indicators"].as_object();
           for (char a = 'a'; indicators.size() < 65; ++a)
             for (char b = 'a'; b <= 'z' && indicators.size() < 65; ++b) indicators[std::string{'x', a, b}] = true;
         },
         "field indicators: expected at most 64 items, got 65"},
        {"indicators not an object", [](json::object& r) { r["indicators"] = json::array{"injury"}; },
         "field indicators: expected an object, got an array"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.what);
      CHECK(message_of(parse_changed(c.change)) == c.message);
    }
  }

  TEST_CASE("the first problem is reported, in the order of the format") {
    auto r = parse_changed([](json::object& report) {
      report["narrative"] = 1;
      person(report, 1)["birth_date"] = "x";
      report.erase("police_zone");
    });
    CHECK(message_of(r) == "field police_zone: is required");
    // Unknown fields of an object come before its other problems.
    auto unknown_first = parse_changed([](json::object& report) {
      report.erase("external_ref");
      report["zzz"] = 1;
    });
    CHECK(message_of(unknown_first) == "field zzz: unknown field");
  }

  TEST_CASE("a birth date is compared with the report's day as written") {
    auto newborn = [](const char* reported_at, const char* born) {
      return parse_changed([=](json::object& r) {
        r["reported_at"] = reported_at;
        r.erase("incident_at");
        person(r, 2)["birth_date"] = born;
      });
    };
    // 00:30 in Brussels is still the day before in UTC.
    CHECK(newborn("2026-03-15T00:30:00+01:00", "2026-03-15"));
    CHECK(message_of(newborn("2026-03-15T00:30:00+01:00", "2026-03-16")) ==
          "field persons[2].birth_date: must not be after the date of reported_at");
    CHECK(newborn("2026-03-14T23:30:00Z", "2026-03-14"));
    CHECK(message_of(newborn("2026-03-14T23:30:00Z", "2026-03-15")) ==
          "field persons[2].birth_date: must not be after the date of reported_at");
  }

  TEST_CASE("national register numbers are normalised and checked") {
    auto bare = parse_changed([](json::object& r) { person(r, 0)["national_id"] = "90060228436"; });
    REQUIRE(bare);
    CHECK(bare->persons[0].national_id == "90.06.02-284.36");
    auto born_2005 = parse_changed([](json::object& r) { person(r, 2)["national_id"] = "05031512367"; });
    REQUIRE(born_2005);
    CHECK(born_2005->persons[2].national_id == "05.03.15-123.67");
    auto empty = parse_changed([](json::object& r) { person(r, 0)["national_id"] = ""; });
    REQUIRE(empty);
    CHECK(empty->persons[0].national_id.empty());
    CHECK(message_of(parse_changed([](json::object& r) { person(r, 0)["national_id"] = "90060228435"; })) ==
          "field persons[0].national_id: the check digit does not match");
  }

  TEST_CASE("optional fields take their defaults; null is absent; order of indicators is kept") {
    auto r = parse_report(R"({"external_ref":"X1","police_zone":"Z","reported_at":"2026-03-14T22:40:00+01:00",
      "incident_at":null,"persons":[{"role":"victim","last_name":"Janssens","address":null,"gender":null}],
      "relationship":"sibling","violence":{"stalking":true},
      "indicators":{"weapon":true,"alpha":null,"injury":false},
      "measures":{"restraining_order":null,"red_file":true}})");
    REQUIRE(r);
    CHECK(r->reported_at == parse_timestamp("2026-03-14T21:40:00Z").value());
    CHECK_FALSE(r->incident_at);
    CHECK(r->persons[0].gender == gender::unknown);
    CHECK_FALSE(r->persons[0].address);
    CHECK_FALSE(r->persons[0].birth_date);
    CHECK(r->violence == violence_kinds{false, false, false, false, false, true});
    REQUIRE(r->indicators.size() == 3);
    CHECK(r->indicators[0] == indicator{"weapon", tri_state::yes});
    CHECK(r->indicators[1] == indicator{"alpha", tri_state::unknown});
    CHECK(r->indicators[2] == indicator{"injury", tri_state::no});
    CHECK_FALSE(r->measures.restraining_order);
    CHECK_FALSE(r->measures.arrest);
    CHECK(r->measures.red_file);
    CHECK(r->narrative.empty());
  }

  TEST_CASE("limits count characters, the narrative's counts bytes") {
    std::string hundred_accents;
    for (int i = 0; i < 100; ++i) hundred_accents += "\xC3\xA9";  // é
    auto ok = parse_changed([&](json::object& r) { person(r, 1)["first_name"] = hundred_accents; });
    REQUIRE(ok);
    CHECK(ok->persons[1].first_name == hundred_accents);
    CHECK(message_of(parse_changed([&](json::object& r) { person(r, 1)["first_name"] = hundred_accents + "e"; })) ==
          "field persons[1].first_name: expected at most 100 characters, got 101");
    CHECK(parse_changed([](json::object& r) { r["narrative"] = std::string(20000, 'a'); }));
    CHECK(parse_changed([](json::object& r) {
      auto& persons = r["persons"].as_array();
      while (persons.size() < 20) persons.push_back(persons[2]);
    }));
  }

  TEST_CASE("no sensitive value reaches an error message") {
    const std::vector<std::function<void(json::object&)>> changes{
        [](json::object& r) { person(r, 0)["national_id"] = "90.06.02-284.35"; },
        [](json::object& r) { person(r, 0)["national_id"] = "90060228435"; },
        [](json::object& r) { person(r, 0)["national_id"] = "Sofie Van den Bossche"; },
        [](json::object& r) { person(r, 0)["first_name"] = "Sofie" + std::string(100, 'e'); },
        [](json::object& r) { person(r, 0)["last_name"] = "Van den\tBossche"; },
        [](json::object& r) { person(r, 0)["first_name"] = 478123456; },
        [](json::object& r) { person(r, 0)["phone"] = "+32 478 12 34 56 (Sofie)"; },
        [](json::object& r) { person(r, 0)["phone"] = "+32 478 12 34 56 78 90 12 34 56 78"; },
        [](json::object& r) { person(r, 0)["birth_date"] = "+32 478 12 34 56"; },
        [](json::object& r) { person(r, 0)["birth_date"] = "90.06.02-284.36"; },
        [](json::object& r) { person(r, 0)["birth_date"] = "Sofie"; },
        [](json::object& r) { person(r, 0)["role"] = "Sofie"; },
        [](json::object& r) { person(r, 0)["gender"] = "Van den Bossche"; },
        [](json::object& r) { r["reported_at"] = "Sofie Van den Bossche"; },
        [](json::object& r) { person(r, 0)["address"].as_object()["postcode"] = "Lange Leemstraat 2018"; },
        [](json::object& r) { person(r, 0)["address"].as_object()["street"] = std::string(201, 'L') + "eemstraat"; },
        [](json::object& r) { person(r, 0)["address"].as_object()["Lange Leemstraat"] = "12"; },
        [](json::object& r) { r["Hij heeft haar geslagen"] = true; },
        [](json::object& r) { r["narrative"] = "Hij heeft haar geslagen. " + std::string(20000, '.'); },
        [](json::object& r) { r["indicators"].as_object()["Hij heeft haar geslagen"] = true; },
    };
    const std::vector<std::string> secrets{"Sofie", "Bossche", "284", "478", "Leemstraat", "geslagen", "2018"};
    std::size_t index = 0;
    for (const auto& change : changes) {
      CAPTURE(index++);
      std::string message = message_of(parse_changed(change));
      CHECK(message != "(no error)");
      for (const auto& secret : secrets) {
        CAPTURE(secret);
        CHECK(message.find(secret) == std::string::npos);
      }
    }
    // Malformed JSON gives an offset, never the text around it.
    std::string broken = R"({"persons":[{"first_name":"Sofie","last_name":"Van den Bossche",,)";
    auto message = message_of(parse_report(broken));
    CHECK(message.starts_with("malformed JSON at offset "));
    CHECK(message.find("Sofie") == std::string::npos);
  }

  TEST_CASE("UTF-8 validation") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xC3"));              // cut short
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xFF"));
    CHECK(is_indicator_name("threats_to_kill"));
    CHECK_FALSE(is_indicator_name(""));
    CHECK_FALSE(is_indicator_name("Threats"));
    CHECK_FALSE(is_indicator_name(std::string(41, 'a')));
  }
}
