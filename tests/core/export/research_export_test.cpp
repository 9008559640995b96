// The research export on the hand-built chain plus persons full of canary
// identifiers: nothing identifying leaves, k >= 5 holds, pseudonyms differ
// between exports and agree within one, the same data gives the same counts.
#include "core/export/csv.hpp"
#include "core/export/k_anonymity.hpp"
#include "core/export/research_export.hpp"
#include "tests/support/canary_rows.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace casechain;
namespace fs = std::filesystem;

namespace {

const char* files[] = {"reports.csv", "persons.csv", "cases.csv", "events.csv", "screenings.csv"};
core::date export_day = core::parse_date("2026-06-01").value();

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A CSV of these tests' outputs, none of whose fields holds a comma or quote.
std::vector<std::vector<std::string>> rows_of(const fs::path& p) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read(p));
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::stringstream fs_(line);
    std::string field;
    while (std::getline(fs_, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    rows.push_back(fields);
  }
  return rows;
}

struct exported {
  test::stats_scenario s;
  test::temp_dir out;
  core::research::export_summary summary;
  exported() {
    test::add_canary_persons(s.b);
    auto written = core::research::write_export(s.t.sql(), s.b.protection().sealing, out / "export", export_day);
    REQUIRE(written);
    summary = *written;
  }
  fs::path file(const char* name) const { return out / "export" / name; }
};

}  // namespace

TEST_SUITE("core/export") {
  TEST_CASE("no canary identifier in any file, no full date, files 0600 in a 0700 folder") {
    exported e;
    std::regex full_date(R"(\d{4}-\d{2}-\d{2})");
    for (const char* name : files) {
      CAPTURE(name);
      auto text = read(e.file(name));
      REQUIRE_FALSE(text.empty());
      for (auto canary : test::canaries) {
        CAPTURE(canary);
        CHECK(text.find(canary) == std::string::npos);
      }
      CHECK_FALSE(std::regex_search(text, full_date));
      struct stat st {};
      REQUIRE(::stat(e.file(name).c_str(), &st) == 0);
      CHECK((st.st_mode & 0777) == 0600);
    }
    struct stat dir {};
    REQUIRE(::stat((e.out / "export").c_str(), &dir) == 0);
    CHECK((dir.st_mode & 0777) == 0700);
  }

  TEST_CASE("every combination of quasi-identifiers covers at least 5 persons") {
    exported e;
    auto persons = rows_of(e.file("persons.csv"));
    CHECK(persons.size() == 13);
    CHECK(e.summary.suppressed_persons == 7);
    CHECK(e.summary.dropped_persons == 0);
    std::map<std::vector<std::string>, int> groups;
    for (const auto& p : persons) {
      REQUIRE(p.size() == 7);
      ++groups[{p[3], p[4], p[5], p[6]}];
    }
    for (const auto& [qi, n] : groups) {
      CAPTURE(qi[0] + "," + qi[1] + "," + qi[2] + "," + qi[3]);
      CHECK(n >= 5);
    }
    CHECK(groups[{"35-44", "female", "35xx", "6+"}] == 6);
    CHECK(groups[{"*", "*", "*", "*"}] == 7);
  }

  TEST_CASE("pseudonyms agree within an export and differ between two exports") {
    exported e;
    std::set<std::string> report_families, case_families;
    for (const auto& r : rows_of(e.file("reports.csv")))
      if (!r[1].empty()) report_families.insert(r[1]);
    for (const auto& c : rows_of(e.file("cases.csv"))) case_families.insert(c[1]);
    CHECK(std::includes(report_families.begin(), report_families.end(), case_families.begin(), case_families.end()));

    test::temp_dir other;
    REQUIRE(core::research::write_export(e.s.t.sql(), e.s.b.protection().sealing, other / "again", export_day));
    for (const char* name : files) {
      CAPTURE(name);
      std::set<std::string> first, second;
      for (const auto& r : rows_of(e.file(name))) first.insert(r[0]);
      for (const auto& r : rows_of(other / "again" / name)) second.insert(r[0]);
      std::vector<std::string> shared;
      std::set_intersection(first.begin(), first.end(), second.begin(), second.end(), std::back_inserter(shared));
      CHECK(shared.empty());
    }
  }

  TEST_CASE("the same data exported twice gives the same counts and the same values apart from pseudonyms") {
    exported e;
    test::temp_dir other;
    auto again = core::research::write_export(e.s.t.sql(), e.s.b.protection().sealing, other / "again", export_day);
    REQUIRE(again);
    CHECK(again->rows == e.summary.rows);
    CHECK(e.summary.rows.at("reports.csv") == 13);  // the scenario's 11 and the canaries' 2
    for (const char* name : {"reports.csv", "cases.csv"}) {
      CAPTURE(name);
      auto strip = [](std::vector<std::vector<std::string>> rows) {
        for (auto& r : rows) r.erase(r.begin(), r.begin() + 2);  // the pseudonyms
        std::sort(rows.begin(), rows.end());
        return rows;
      };
      CHECK(strip(rows_of(e.file(name))) == strip(rows_of(other / "again" / name)));
    }
  }

  TEST_CASE("dates are months and values come from the vocabularies") {
    exported e;
    auto cases = rows_of(e.file("cases.csv"));
    REQUIRE(cases.size() == 5);
    auto c4 = std::find_if(cases.begin(), cases.end(), [](const auto& c) { return c[4] == "2024-11"; });
    REQUIRE(c4 != cases.end());
    CHECK((*c4)[5] == "2026-01");  // closed again in January 2026
    CHECK((*c4)[7] == "3");        // partners
    auto screenings = rows_of(e.file("screenings.csv"));
    CHECK(screenings.size() == 6);  // C2: 2 + 2 factors, C4: 1 + 1
  }

  TEST_CASE("k-anonymity: small groups suppressed, a small suppressed group left out") {
    using qi = core::research::quasi_identifiers;
    std::vector<qi> rows(5, qi{"18-24", "female", "35xx", "2"});
    rows.push_back({"65+", "male", "90xx", "1"});
    rows.push_back({"65+", "x", "90xx", "1"});
    auto outcome = core::research::enforce_k(rows);
    CHECK(outcome.suppressed_rows == 2);
    CHECK(outcome.dropped_rows == 2);
    CHECK(outcome.keep == std::vector<bool>{true, true, true, true, true, false, false});
    CHECK(rows[5] == qi{"*", "*", "*", "*"});
  }

  TEST_CASE("CSV quoting and formula neutralising") {
    std::string out;
    core::csv::append_row(out, {"plain", "a,b", "say \"hi\"", "two\nlines", "=HYPERLINK(1)", "-3", ""});
    CHECK(out == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=HYPERLINK(1),-3,\r\n");
  }

  TEST_CASE("age bands and postcode areas") {
    auto today = core::parse_date("2026-06-01").value();
    CHECK(core::research::age_band("2008-06-01", today) == "18-24");
    CHECK(core::research::age_band("2008-06-02", today) == "12-17");  // 18 tomorrow
    CHECK(core::research::age_band("1961-01-01", today) == "65+");
    CHECK(core::research::age_band("", today) == "unknown");
    CHECK(core::research::age_band("2030-01-01", today) == "unknown");
    CHECK(core::research::postcode_area("3500") == "35xx");
    CHECK(core::research::postcode_area("B-3500") == "unknown");
  }
}
