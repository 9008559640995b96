// Intake and triage through the real binary: import, offline triage, the
// queue, decisions, validity and replay.
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <sstream>

using namespace casechain;

namespace {

test::process_result cli(std::vector<std::string> arguments, const std::string& input = "") {
  return test::run_process(CASECHAIN_BINARY, arguments, input);
}

struct data_fixture {
  test::temp_dir tmp;
  std::string data = (tmp / "var").string();
  std::string reports = (tmp / "reports.ndjson").string();
  data_fixture() {
    REQUIRE(cli({"init", "--data", data}).status == 0);
    REQUIRE(cli({"demo", "generate", "--reports", "300", "--seed", "3", "--out", reports}).status == 0);
  }
  std::string read(const std::string& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_SUITE("api/cli/triage") {
  TEST_CASE("import stores, links and triages a generated file; a second import finds only duplicates") {
    data_fixture f;
    auto first = cli({"import", f.reports, "--data", f.data});
    CHECK(first.status == 0);
    CHECK(first.out.find("Imported 300 of 300 reports") != std::string::npos);
    CHECK(first.out.find("Proposed tracks: 1: ") != std::string::npos);
    auto again = cli({"import", f.reports, "--data", f.data});
    CHECK(again.status == 1);
    CHECK(again.out.find("Imported 0 of 300 reports (300 duplicates, 0 invalid)") != std::string::npos);
    CHECK(again.err.find("line 1: report ") != std::string::npos);
    CHECK(again.err.find("duplicate") != std::string::npos);
  }

  TEST_CASE("a bad line is listed with its number; the good lines are stored") {
    data_fixture f;
    auto lines = lines_of(f.read(f.reports));
    std::string mixed = lines[0] + "\n" + R"({"external_ref": "X1"})" + "\n" + lines[1] + "\n";
    auto run = cli({"import", "-", "--format", "ndjson", "--data", f.data}, mixed);
    CHECK(run.status == 1);
    CHECK(run.out.find("Imported 2 of 3 reports (0 duplicates, 1 invalid)") != std::string::npos);
    CHECK(run.err.find("rejected: line 2") != std::string::npos);
    CHECK(run.err.find("line 2: line 2") == std::string::npos);
    auto queue = cli({"triage", "queue", "--data", f.data});
    CHECK(lines_of(queue.out).size() == 2);
  }

  TEST_CASE("offline triage prints one decision record per line and stores nothing") {
    data_fixture f;
    auto run = cli({"triage", f.reports});
    CHECK(run.status == 0);
    auto out = lines_of(run.out);
    REQUIRE(out.size() == 300);
    int tracks[4] = {0, 0, 0, 0};
    for (const auto& line : out) {
      auto record = boost::json::parse(line).as_object();
      auto& proposal = record.at("proposal").as_object();
      ++tracks[proposal.at("track").as_int64()];
      CHECK(proposal.at("instrument").as_string() == "swift-1");
    }
    CHECK(tracks[1] > 100);
    CHECK(tracks[2] > 60);
    CHECK(tracks[3] > 30);
    auto queue = cli({"triage", "queue", "--data", f.data});
    CHECK(queue.out.empty());
  }

  TEST_CASE("CSV comes in too, and an unknown format is a clear error") {
    data_fixture f;
    auto lines = lines_of(f.read(f.reports));
    auto csv_header = "external_ref,police_zone,reported_at,relationship,p1_role,p1_first_name,p1_last_name,ind_weapon\n";
    auto csv = std::string(csv_header) + "R-1,5345 Antwerpen,2026-03-01T10:00:00Z,partner,victim,An,Peeters,yes\n";
    std::ofstream((f.tmp / "one.csv")) << csv;
    auto run = cli({"import", (f.tmp / "one.csv").string(), "--data", f.data});
    CHECK(run.status == 0);
    CHECK(run.out.find("Imported 1 of 1") != std::string::npos);
    std::ofstream((f.tmp / "mystery.txt")) << "\x01\x02 binary";
    auto unknown = cli({"import", (f.tmp / "mystery.txt").string(), "--data", f.data});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("--format") != std::string::npos);
    auto missing = cli({"import", (f.tmp / "none.ndjson").string(), "--data", f.data});
    CHECK(missing.status == 1);
    CHECK(missing.err.find("cannot read") != std::string::npos);
  }

  TEST_CASE("decisions through the command line, then validity and replay") {
    data_fixture f;
    REQUIRE(cli({"import", f.reports, "--data", f.data}).status == 0);
    REQUIRE(cli({"org", "add", "--data", f.data, "--name", "FJC", "--sector", "administration"}).status == 0);
    for (const char* name : {"anna", "bert"})
      REQUIRE(cli({"user", "add", "--data", f.data, "--username", name, "--org", "FJC", "--role", "triage"},
                  "a long passphrase 42\n")
                  .status == 0);
    auto queue = lines_of(cli({"triage", "queue", "--data", f.data, "--limit", "3"}).out);
    REQUIRE(queue.size() == 3);
    for (const auto& entry : queue) {
      auto id = entry.substr(0, entry.find('\t'));
      auto proposed = entry.substr(entry.find("track ") + 6, 1);
      auto decided = cli({"triage", "decide", "--data", f.data, "--report", id, "--track", proposed, "--user", "anna"});
      CHECK(decided.status == 0);
      CHECK(decided.out.find("Decided track " + proposed) != std::string::npos);
    }
    auto validity = cli({"triage", "validity", "--data", f.data});
    CHECK(validity.status == 0);
    CHECK(validity.out.find("Decided reports: ") != std::string::npos);
    CHECK(validity.out.find("Cohen's kappa") != std::string::npos);

    std::ofstream((f.tmp / "strict.json"))
        << R"({"name": "strict", "version": 2, "many_unknowns": 5, "risk_items": [], "complexity_items": [],
               "risk_levels": [{"level": "low", "min_score": 0}],
               "rules": [{"id": "everyone", "track": 3, "when": {"not": {"score_at_least": 1}}}]})";
    auto replayed = cli({"triage", "replay", "--data", f.data, "--instrument", (f.tmp / "strict.json").string()});
    CHECK(replayed.status == 0);
    CHECK(replayed.out.find("Replayed strict-2 over 300 reports") != std::string::npos);
    CHECK(replayed.out.find("higher: ") != std::string::npos);
    auto bad_instrument = cli({"triage", "replay", "--data", f.data, "--instrument", f.reports});
    CHECK(bad_instrument.status == 2);
    CHECK(bad_instrument.err.find("instrument") != std::string::npos);
  }
}
