// `casechain stats`, `report` and `export` through the real binary, on a data
// folder holding the hand-built chain and persons full of canary identifiers.
#include "core/data_dir.hpp"
#include "core/data_protection.hpp"
#include "core/store/database.hpp"
#include "tests/support/canary_rows.hpp"
#include "tests/support/process.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>
#include <regex>
#include <sstream>

using namespace casechain;

namespace {

test::process_result cli(std::vector<std::string> arguments) { return test::run_process(CASECHAIN_BINARY, arguments); }

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct data_folder {
  test::temp_dir tmp;
  std::string data = (tmp / "var").string();
  data_folder() {
    REQUIRE(cli({"init", "--data", data}).status == 0);
    auto dir = core::data_dir::open(data).value();
    auto db = core::store::database::open(dir.database_file()).value();
    test::stats_scenario_rows rows(db.sql(), core::load_field_protection(dir, db.sql()).value());
    test::add_canary_persons(rows.b);
  }
};

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_SUITE("api/cli/research") {
  TEST_CASE("stats prints the figures as JSON and as a table; usage errors name the option") {
    data_folder d;
    auto json = cli({"stats", "--data", d.data, "--from", "2025-12-15", "--to", "2026-01-15", "--as-of", "2026-01-15",
                     "--format", "json"});
    REQUIRE(json.status == 0);
    auto figures = boost::json::parse(json.out);
    CHECK(figures.at("reports").at("received").as_int64() == 7);  // the scenario's 5 and the canaries' 2
    CHECK(figures.at("report_to_triage").at("all").at("median_seconds").as_int64() == 86400);
    CHECK(figures.at("cases").at("reopened").at("all").as_int64() == 1);
    auto table = cli({"stats", "--data", d.data, "--from", "2025-12-15", "--to", "2026-01-15", "--zone", "Z2"});
    REQUIRE(table.status == 0);
    CHECK(table.out.find("Reports received: 1\n") != std::string::npos);
    for (const auto& [arguments, option] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"--from", "2026-01-01", "--to", "2026-01-31", "--track", "9"}, "--track"},
             {{"--from", "2026-01-01", "--to", "2026-01-31", "--format", "xml"}, "--format"},
             {{"--from", "2026-01-01", "--to", "2025-01-31"}, "--to"},
             {{"--from", "yesterday", "--to", "2026-01-31"}, "--from"},
             {{"--to", "2026-01-31"}, "--from"}}) {
      CAPTURE(option);
      auto args = arguments;
      args.insert(args.begin(), {"stats", "--data", d.data});
      auto refused = cli(args);
      CHECK(refused.status == 2);
      CHECK(refused.err.find(option) != std::string::npos);
    }
  }

  TEST_CASE("report: one self-contained HTML file, 0600, no canary, small cells suppressed, in the language asked") {
    data_folder d;
    auto en_file = d.tmp / "q1-en.html", nl_file = d.tmp / "q1-nl.html";
    REQUIRE(cli({"report", "--data", d.data, "--quarter", "2026Q1", "--out", en_file.string(), "--as-of", "2026-06-01"})
                .status == 0);
    REQUIRE(cli({"report", "--data", d.data, "--quarter", "2026Q1", "--out", nl_file.string(), "--lang", "nl",
                 "--as-of", "2026-06-01"}).status == 0);
    auto en = read(en_file), nl = read(nl_file);
    for (const auto* html : {&en, &nl}) {
      CHECK(html->starts_with("<!DOCTYPE html>\n<html lang=\""));
      CHECK(html->ends_with("</html>\n"));
      // Self-contained: no script, no link, no fetched resource of any kind.
      for (const char* outside : {"<script", "<link", "src=", "href=", "url(", "@import", "<iframe"}) {
        CAPTURE(outside);
        CHECK(html->find(outside) == std::string::npos);
      }
      CHECK(count_of(*html, "<table>") == count_of(*html, "</table>"));
      CHECK(count_of(*html, "<svg") == count_of(*html, "</svg>"));
      CHECK(count_of(*html, "<svg") >= 2);
      for (auto canary : test::canaries) {
        CAPTURE(canary);
        CHECK(html->find(canary) == std::string::npos);
      }
      // Counts of 1 to 4 never show, in a table or on a chart.
      CHECK_FALSE(std::regex_search(*html, std::regex(R"(<td>[1-4]</td>)")));
      CHECK_FALSE(std::regex_search(*html, std::regex(R"(class="v"[^>]*>[1-4]<)")));
      CHECK(html->find("<td>&lt;5</td>") != std::string::npos);
    }
    CHECK(en.find("Quarterly report of the chain") != std::string::npos);
    CHECK(nl.find("Kwartaalrapport van de keten") != std::string::npos);
    CHECK(nl.find("Quarterly report") == std::string::npos);
    CHECK(nl.find("<html lang=\"nl\">") != std::string::npos);
    struct stat st {};
    REQUIRE(::stat(en_file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto bad = cli({"report", "--data", d.data, "--quarter", "2026Q5", "--out", en_file.string()});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("--quarter") != std::string::npos);
    CHECK(cli({"report", "--data", d.data, "--quarter", "2026Q1", "--out", en_file.string(), "--lang", "de"}).status == 2);
  }

  TEST_CASE("export --pseudonymised writes the five files with no canary; without the flag it refuses") {
    data_folder d;
    auto out = d.tmp / "research";
    auto done = cli({"export", "--pseudonymised", "--data", d.data, "--out", out.string()});
    REQUIRE(done.status == 0);
    for (const char* name : {"reports.csv", "persons.csv", "cases.csv", "events.csv", "screenings.csv"}) {
      CAPTURE(name);
      auto text = read(out / name);
      CHECK_FALSE(text.empty());
      for (auto canary : test::canaries) CHECK(text.find(canary) == std::string::npos);
      for (auto canary : test::canaries) CHECK(done.err.find(canary) == std::string::npos);
    }
    // The export is an audited action: one entry, naming the command, no values.
    {
      auto db = core::store::database::open(std::filesystem::path(d.data) / "casechain.db").value();
      SQLite::Statement q(db.sql(), "SELECT count(*), max(purpose) FROM audit_entries WHERE action = 'export'");
      REQUIRE(q.executeStep());
      CHECK(q.getColumn(0).getInt() == 1);
      CHECK(q.getColumn(1).getString().find("casechain export --pseudonymised") == 0);
    }
    CHECK(cli({"audit", "verify", "--data", d.data}).status == 0);
    auto refused = cli({"export", "--data", d.data, "--out", (d.tmp / "other").string()});
    CHECK(refused.status == 2);
    CHECK(refused.err.find("--pseudonymised") != std::string::npos);
  }
}
