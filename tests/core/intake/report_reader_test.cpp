#include "core/intake/report_reader.hpp"
#include "core/model/report_json.hpp"
#include "tests/support/sample_report.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <sstream>

using namespace casechain;
using namespace casechain::core;

namespace {

police_report valid_sample(std::string external_ref = "AN.55.L1.000123/26") {
  auto r = test::sample_report(std::move(external_ref));
  r.persons[0].national_id = "90.06.02-284.36";  // check digits right
  return r;
}

std::string to_json(const police_report& r) {
  std::string out;
  append_report_json(out, r);
  return out;
}

std::vector<batch_item> read_all(const std::string& text, batch_format format) {
  std::istringstream in(text);
  report_reader reader(in, format);
  std::vector<batch_item> items;
  while (auto item = reader.next()) items.push_back(std::move(*item));
  CHECK_FALSE(reader.next());  // stays at the end
  return items;
}

std::string message_of(const batch_item& item) {
  if (item.report) return "(no error)";
  CHECK(item.report.error().code == errc::invalid_argument);
  return item.report.error().message;
}

const std::vector<std::string> sample_items{"injury", "strangulation", "weapon"};

std::string csv_of(const std::vector<police_report>& reports, const std::vector<std::string>& items = sample_items) {
  std::string out;
  append_report_csv_header(out, items);
  for (const auto& r : reports) append_report_csv_row(out, r, items);
  return out;
}

// A small CSV: only the columns a test needs.
const std::string small_header = "external_ref,police_zone,reported_at,relationship,p1_role,p1_last_name\n";

}  // namespace

TEST_SUITE("core/intake/report_reader") {
  TEST_CASE("the format comes from the file name, else from the first byte") {
    CHECK(detect_format("reports.ndjson", "") == batch_format::ndjson);
    CHECK(detect_format("/tmp/x/Reports.JSONL", "external_ref,") == batch_format::ndjson);
    CHECK(detect_format("reports.json", "") == batch_format::ndjson);
    CHECK(detect_format("C:\\exports\\zone.CSV", "{") == batch_format::csv);
    CHECK(detect_format("upload", "  \r\n{\"external_ref\"") == batch_format::ndjson);
    CHECK(detect_format("", "\xEF\xBB\xBF{") == batch_format::ndjson);
    CHECK(detect_format("upload.txt", "external_ref,police_zone") == batch_format::csv);
    CHECK(detect_format("", "\xEF\xBB\xBF\"external_ref\",") == batch_format::csv);
    CHECK_FALSE(detect_format("upload.bin", ""));
    CHECK_FALSE(detect_format("upload", "   \n"));
    CHECK_FALSE(detect_format("upload", "[{}]"));
    CHECK_FALSE(detect_format("archive.csv.gz", "\x1f\x8b"));
  }

  TEST_CASE("NDJSON: blank lines are skipped, a bad line does not stop the good ones") {
    std::string text = to_json(valid_sample("A1")) + "\n" +    // line 1
                       "\n" +                                  // 2
                       "   \t\r\n" +                           // 3
                       "{\"external_ref\": \n" +               // 4: malformed
                       to_json(valid_sample("A2")) + "\r\n" +  // 5: CRLF
                       R"({"external_ref":"A3"})" + "\n" +     // 6: valid JSON, missing fields
                       to_json(valid_sample("A4"));            // 7: no final newline
    auto items = read_all(text, batch_format::ndjson);
    REQUIRE(items.size() == 5);
    CHECK(items[0].line == 1);
    REQUIRE(items[0].report);
    CHECK(*items[0].report == valid_sample("A1"));
    CHECK(items[1].line == 4);
    CHECK(message_of(items[1]) == "line 4, malformed JSON at offset 17: incomplete JSON");
    CHECK(items[2].line == 5);
    REQUIRE(items[2].report);
    CHECK(*items[2].report == valid_sample("A2"));
    CHECK(items[3].line == 6);
    CHECK(message_of(items[3]) == "line 6, field police_zone: is required");
    CHECK(items[4].line == 7);
    REQUIRE(items[4].report);
    CHECK(items[4].report->external_ref == "A4");
  }

  TEST_CASE("NDJSON: a line over 1 MiB is an error and reading goes on after it") {
    auto huge = valid_sample("HUGE");
    huge.narrative.assign((1u << 20) + 10, 'x');
    std::string just_fits(1u << 20, ' ');
    std::string good = to_json(valid_sample("G1"));
    just_fits.replace(0, good.size(), good);
    std::string text = "\xEF\xBB\xBF" + to_json(valid_sample("G0")) + "\n" + to_json(huge) + "\n" +
                       to_json(valid_sample("G1")) + "\n" + std::string(3u << 20, '{') + "\n" + just_fits + "\n";
    auto items = read_all(text, batch_format::ndjson);
    REQUIRE(items.size() == 5);
    REQUIRE(items[0].report);
    CHECK(items[0].report->external_ref == "G0");  // after the byte order mark
    CHECK(items[1].line == 2);
    CHECK(message_of(items[1]) == "line 2: longer than 1 MiB");
    CHECK(items[2].line == 3);
    REQUIRE(items[2].report);
    CHECK(items[2].report->external_ref == "G1");
    CHECK(message_of(items[3]) == "line 4: longer than 1 MiB");
    CHECK(items[4].line == 5);
    CHECK(items[4].report);  // exactly 1 MiB is allowed
  }

  TEST_CASE("a stream that cannot be read ends the batch with an error") {
    test::temp_dir dir;
    std::ifstream missing(dir / "missing.ndjson");
    report_reader reader(missing, batch_format::ndjson);
    auto item = reader.next();
    REQUIRE(item);
    CHECK(item->line == 1);
    CHECK(message_of(*item) == "line 1: the input could not be read to its end");
    CHECK_FALSE(reader.next());

    std::ofstream(dir / "two.ndjson") << to_json(valid_sample("F1")) << "\n\n" << to_json(valid_sample("F2")) << "\n";
    std::ifstream file(dir / "two.ndjson");
    report_reader from_file(file, batch_format::ndjson);
    auto first = from_file.next();
    auto second = from_file.next();
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->report);
    CHECK(second->line == 3);
    CHECK(second->report);
    CHECK_FALSE(from_file.next());
  }

  TEST_CASE("CSV: reports round-trip through the writer and the reader") {
    auto first = valid_sample("R1");
    auto second = valid_sample("R2");
    second.narrative = "Comma, \"quoted\" words,\nnew lines\r\nand a CRLF, then \"\" two quotes.\n";
    second.incident_at.reset();
    second.measures = report_measures{std::nullopt, false, true};
    second.violence = violence_kinds{true, true, true, true, true, true};
    second.relationship = relationship::ex_partner;
    second.indicators = {{"injury", tri_state::no}, {"weapon", tri_state::yes}};  // strangulation left out
    second.persons[1].first_name = "Jan, \"de\" Smet";
    auto third = valid_sample("R3");
    third.narrative.clear();
    third.indicators.clear();
    third.violence = {};
    for (int i = 0; i < 3; ++i) third.persons.push_back(third.persons[2]);  // six persons
    third.persons[5].role = family_role::other;
    third.persons[5].gender = gender::unknown;
    third.persons[5].birth_date.reset();
    third.persons[3].national_id = "05.03.15-123.67";
    third.persons[4].address = postal_address{"Kerkstraat", "1 bus 3", "", "Gent"};

    std::string text = csv_of({first, second, third});
    auto items = read_all(text, batch_format::csv);
    REQUIRE(items.size() == 3);
    CHECK(items[0].line == 2);
    CHECK(items[1].line == 4);  // the first report's narrative spans two lines
    CHECK(items[2].line == 8);  // the second's spans four
    for (const auto& item : items) CHECK(item.report);
    REQUIRE(items[2].report);
    CHECK(*items[0].report == first);
    CHECK(*items[1].report == second);
    CHECK(*items[2].report == third);
  }

  TEST_CASE("CSV: columns in any order, LF or CRLF, a byte order mark, empty cells as absent fields") {
    std::string text =
        "\xEF\xBB\xBF"
        "p1_last_name, relationship ,reported_at,police_zone,external_ref,p1_role,violence,arrest,ind_weapon,ind_fear\r\n"
        "Peeters,partner,2026-03-14T21:40:00Z,5345 Antwerpen,X1,victim,physical; THREATS;,Ja,oui,\r\n"
        "\r\n"
        ",, ,,,,,,,\r\n"
        "Janssens,sibling,2026-03-14T21:40:00Z,5345 Antwerpen,X2,victim,,,UNKNOWN,nee";
    auto items = read_all(text, batch_format::csv);
    REQUIRE(items.size() == 2);
    REQUIRE(items[0].report);
    const auto& a = *items[0].report;
    CHECK(a.external_ref == "X1");
    CHECK(a.persons.size() == 1);
    CHECK(a.persons[0].last_name == "Peeters");
    CHECK(a.violence == violence_kinds{true, false, false, false, true, false});
    CHECK(a.measures.arrest);
    CHECK(a.indicators == std::vector<indicator>{{"weapon", tri_state::yes}});
    CHECK(items[1].line == 5);  // after a blank line and a row of empty cells
    REQUIRE(items[1].report);
    CHECK(items[1].report->indicators == std::vector<indicator>{{"weapon", tri_state::unknown}, {"fear", tri_state::no}});
    CHECK_FALSE(items[1].report->measures.arrest);
  }

  TEST_CASE("CSV: header errors are reported on line 1 and end the batch") {
    auto unknown = read_all(small_header.substr(0, small_header.size() - 1) + ",colour\nX,Z,2026-03-14T21:40:00Z,partner,victim,P,red\n",
                            batch_format::csv);
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].line == 1);
    CHECK(message_of(unknown[0]) == "line 1: unknown column \"colour\"");

    auto missing = read_all("external_ref,police_zone,relationship,p1_role\nX,Z,partner,victim\n", batch_format::csv);
    REQUIRE(missing.size() == 1);
    CHECK(message_of(missing[0]) == "line 1: missing required column reported_at");

    CHECK(message_of(read_all("external_ref,police_zone,reported_at,relationship\n", batch_format::csv).at(0)) ==
          "line 1: missing required column p1_role");
    CHECK(message_of(read_all("external_ref,police_zone,reported_at,relationship,p1_role,p2_last_name\n",
                              batch_format::csv)
                         .at(0)) == "line 1: column p2_last_name needs a column p2_role");
    CHECK(message_of(read_all("external_ref,police_zone,reported_at,relationship,p1_role,police_zone\n",
                              batch_format::csv)
                         .at(0)) == "line 1: column \"police_zone\" appears twice");
    CHECK(message_of(read_all("external_ref,police_zone,reported_at,relationship,p1_role,p7_role\n", batch_format::csv)
                         .at(0)) == "line 1: unknown column \"p7_role\"");
    CHECK(message_of(read_all("external_ref,police_zone,reported_at,relationship,p1_role,\n", batch_format::csv).at(0)) ==
          "line 1: column 6 has no name");
    CHECK(message_of(read_all("external_ref,police_zone,reported_at,relationship,p1_role,ind_Weapon\n",
                              batch_format::csv)
                         .at(0)) == "line 1: column 6 is not a column of the format (is the header row missing?)");

    // A file without its header row: the first data row is not quoted back.
    auto headless = read_all("AN.1,5345 Antwerpen,2026-03-14T21:40:00Z,partner,victim,Sofie\n", batch_format::csv);
    REQUIRE(headless.size() == 1);
    CHECK(message_of(headless[0]) == "line 1: column 1 is not a column of the format (is the header row missing?)");

    CHECK(read_all("", batch_format::csv).empty());
    CHECK(read_all("\n\n", batch_format::csv).empty());
  }

  TEST_CASE("CSV: ragged rows, bad cells and stray quotes fail their line only") {
    std::string text = small_header +                                          // line 1
                       "X1,Z,2026-03-14T21:40:00Z,partner,victim,Peeters\n" +  // 2
                       "X2,Z,2026-03-14T21:40:00Z,partner,victim\n" +          // 3: a field short
                       "X3,Z,2026-03-14T21:40:00Z,partner,victim,Peeters,extra\n" +  // 4: a field too many
                       "X4,Z,2026-03-14T21:40:00Z,partner,victim,\"Pee\"ters\n" +    // 5: text after a closing quote
                       "X5,Z,2026-03-14,partner,victim,Peeters\n" +                  // 6: bad timestamp
                       "X6,Z,2026-03-14T21:40:00Z,partner,suspect,Peeters\n" +       // 7: no victim
                       "X7,Z,2026-03-14T21:40:00Z,partner,,Peeters\n" +              // 8: no person at all
                       "X8,Z,2026-03-14T21:40:00Z,partner,victim,\"Pee\nters\"\n" +  // 9-10: line break in a name
                       "X9,Z,2026-03-14T21:40:00Z,partner,victim,Pe\xC3\n" +         // 11: bad UTF-8
                       "X10,Z,2026-03-14T21:40:00Z,partner,victim,Peeters\n";        // 12
    auto items = read_all(text, batch_format::csv);
    REQUIRE(items.size() == 10);
    CHECK(items[0].report);
    CHECK(message_of(items[1]) == "line 3: 5 fields where the header has 6");
    CHECK(message_of(items[2]) == "line 4: 7 fields where the header has 6");
    CHECK(message_of(items[3]) == "line 5: text after the closing quote of a field (a quote inside is written \"\")");
    CHECK(message_of(items[4]) ==
          "line 6, column reported_at: expected a timestamp YYYY-MM-DDTHH:MM:SSZ (or with a +HH:MM offset), got "
          "\"2026-03-14\"");
    CHECK(message_of(items[5]) == "line 7, columns p1_role to p6_role: needs at least one person with role victim");
    CHECK(message_of(items[6]) == "line 8, column p1_role: is required (a report names a victim)");
    CHECK(message_of(items[7]) ==
          "line 9, column p1_last_name: must not contain control characters (line breaks, tabs)");
    CHECK(message_of(items[8]) == "line 11, column p1_last_name: not valid UTF-8");
    CHECK(items[9].line == 12);
    REQUIRE(items[9].report);
    CHECK(items[9].report->external_ref == "X10");
  }

  TEST_CASE("CSV: problems name the column of the flattened layout") {
    auto base = valid_sample("C1");
    auto row_with = [&](const std::function<void(std::string&)>& edit) {
      std::string text = csv_of({base});
      edit(text);
      auto items = read_all(text, batch_format::csv);
      REQUIRE(items.size() == 1);
      return message_of(items[0]);
    };
    auto replace = [](std::string& text, const std::string& from, const std::string& to) {
      auto at = text.find(from, text.find('\n'));
      REQUIRE(at != std::string::npos);
      text.replace(at, from.size(), to);
    };
    CHECK(row_with([&](std::string& t) { replace(t, "1987-11-30", "1987-11-31"); }) ==
          "line 2, column p2_birth_date: expected a date YYYY-MM-DD, got \"1987-11-31\"");
    CHECK(row_with([&](std::string& t) { replace(t, "2018", "218"); }) ==
          "line 2, column p1_postcode: expected 4 digits");
    CHECK(row_with([&](std::string& t) { replace(t, "90.06.02-284.36", "90.06.02-284.37"); }) ==
          "line 2, column p1_national_id: the check digit does not match");
    CHECK(row_with([&](std::string& t) { replace(t, "2026-03-29", "2026-03-01"); }) ==
          "line 2, columns order_from and order_until: from must not be after until");
    CHECK(row_with([&](std::string& t) { replace(t, "2026-03-29", ""); }) == "line 2, column order_until: is required");
    CHECK(row_with([&](std::string& t) { replace(t, "physical;threats", "physical;kicking"); }) ==
          "line 2, column violence: expected kinds of physical, psychological, sexual, economic, threats, stalking "
          "separated by ;, got \"kicking\"");
    CHECK(row_with([&](std::string& t) { replace(t, ",true,false,", ",maybe,false,"); }) ==
          "line 2, column arrest: expected true/false, yes/no, 1/0 or empty");
    CHECK(row_with([&](std::string& t) { replace(t, "true,unknown,false\r\n", "true,perhaps,false\r\n"); }) ==
          "line 2, column ind_strangulation: expected true/false, yes/no, 1/0, ja/nee, oui/non, unknown or empty");
    CHECK(row_with([&](std::string& t) { replace(t, ",Kevin,De Smet,", ",,,"); }) ==
          "line 2, person p2: needs a first_name or a last_name");
    CHECK(row_with([&](std::string& t) { replace(t, ",partner,", ",Partner,"); }) ==
          "line 2, column relationship: expected one of partner, ex_partner, parent_child, child_parent, sibling, "
          "other_family, other");
  }

  TEST_CASE("CSV: persons keep their slot numbers in messages when a slot is empty") {
    std::string text =
        "external_ref,police_zone,reported_at,relationship,p1_role,p1_last_name,p2_role,p2_last_name,p3_role,"
        "p3_last_name,p3_birth_date\n"
        "X1,Z,2026-03-14T21:40:00Z,partner,victim,Peeters,,,child,Peeters,2030-01-01\n";
    auto items = read_all(text, batch_format::csv);
    REQUIRE(items.size() == 1);
    CHECK(message_of(items[0]) == "line 2, column p3_birth_date: must not be after the date of reported_at");
  }

  TEST_CASE("CSV: a quoted field that never closes fails at its first line") {
    std::string text = small_header + "X1,Z,2026-03-14T21:40:00Z,partner,victim,Peeters\n" +
                       "X2,Z,2026-03-14T21:40:00Z,partner,victim,\"Peeters\n" + "X3,Z,2026-03-14T21:40:00Z,partner,victim,Peeters\n";
    auto items = read_all(text, batch_format::csv);
    REQUIRE(items.size() == 2);
    CHECK(items[0].report);
    CHECK(items[1].line == 3);
    CHECK(message_of(items[1]) == "line 3: a quoted field never closes");
  }

  TEST_CASE("CSV: a record over 1 MiB is skipped with an error") {
    std::string text = small_header + "X1,Z,2026-03-14T21:40:00Z,partner,victim,\"" + std::string(1u << 20, 'a') +
                       "\n\"\n" + "X2,Z,2026-03-14T21:40:00Z,partner,victim,Peeters\n";
    auto items = read_all(text, batch_format::csv);
    REQUIRE(items.size() == 2);
    CHECK(message_of(items[0]) == "line 2: longer than 1 MiB");
    CHECK(items[1].line == 4);
    REQUIRE(items[1].report);
    CHECK(items[1].report->external_ref == "X2");
  }

  TEST_CASE("CSV: no sensitive value reaches an error message") {
    // Names typed into the wrong columns, one column at a time.
    const std::string header =
        "external_ref,police_zone,reported_at,relationship,p1_role,p1_last_name,p1_birth_date,p1_national_id,"
        "p1_postcode,p1_phone,p1_gender,violence,ind_weapon,arrest\n";
    const std::string good = "X,Z,2026-03-14T21:40:00Z,partner,victim,Peeters,1990-06-02,90.06.02-284.36,2018,0478,female,physical,yes,no";
    std::string text = header + good + "\n";
    std::vector<std::string> cells;
    for (std::size_t start = 0;;) {
      auto comma = good.find(',', start);
      cells.push_back(good.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    for (std::size_t column = 2; column < cells.size(); ++column) {
      if (column == 5) continue;  // p1_last_name: a name is in place there
      auto row = cells;
      row[column] = "Sofie Bossche";
      std::string line;
      for (const auto& cell : row) line += (line.empty() ? "" : ",") + cell;
      text += line + "\n";
      row[column] = "sofie";
      line.clear();
      for (const auto& cell : row) line += (line.empty() ? "" : ",") + cell;
      if (column != 3 && column != 4 && column != 10 && column != 11) text += line + "\n";  // enum columns may quote a lower-case word
    }
    auto items = read_all(text, batch_format::csv);
    REQUIRE(items.size() == 19);
    CHECK(items[0].report);
    for (std::size_t i = 1; i < items.size(); ++i) {
      auto message = message_of(items[i]);
      CAPTURE(message);
      CHECK(message != "(no error)");
      CHECK(message.find("ofie") == std::string::npos);
      CHECK(message.find("Bossche") == std::string::npos);
    }
  }
}
