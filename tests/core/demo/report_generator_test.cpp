#include "core/demo/report_generator.hpp"

#include "core/demo/narratives.hpp"
#include "core/demo/places.hpp"
#include "core/model/report_json.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Checks |value - target| <= tolerance and shows the value when it fails.
#define CHECK_NEAR(value, target, tolerance)              \
  do {                                                    \
    const double measured_ = (value);                     \
    INFO(#value " = " << measured_);                      \
    CHECK(std::abs(measured_ - (target)) <= (tolerance)); \
  } while (false)

namespace casechain::core::demo {
namespace {

using namespace std::chrono;

// The latent class definitions, written out again here so that the test does
// not trust the generator's own bookkeeping.
constexpr std::array<std::string_view, 10> serious_items{
    "injury", "strangulation", "weapon", "threats_to_kill", "victim_fear",
    "stalking", "coercive_control", "order_breach", "suicide_threats", "pregnancy"};
constexpr std::array<std::string_view, 6> complexity_signals{
    "housing_problems", "debts", "addiction", "mental_health", "conflictual_divorce", "agencies_involved"};

tri_state value_of(const police_report& r, std::string_view name) {
  for (const auto& i : r.indicators)
    if (i.item == name) return i.value;
  FAIL("missing indicator " << name);
  return tri_state::unknown;
}

int latent_class(const police_report& r) {
  if (r.measures.restraining_order || r.measures.red_file) return 3;
  int serious = 0, complex = 0;
  for (auto name : serious_items) serious += value_of(r, name) == tri_state::yes;
  for (auto name : complexity_signals) complex += value_of(r, name) == tri_state::yes;
  return serious >= 2 && complex >= 2 ? 2 : 1;
}

std::vector<std::string> json_lines(const generator_options& options, std::int64_t count) {
  report_generator generator(options);
  police_report report;
  std::vector<std::string> lines;
  while (static_cast<std::int64_t>(lines.size()) < count && generator.next(report)) {
    lines.emplace_back();
    append_report_json(lines.back(), report);
  }
  return lines;
}

// "YY.MM.DD-XXX.CC" with a valid check number for the birth date and gender.
bool valid_national_id(const report_person& p) {
  const auto& id = p.national_id;
  if (id.size() != 15 || id[2] != '.' || id[5] != '.' || id[8] != '-' || id[12] != '.') return false;
  std::int64_t nine = 0;
  for (auto at : {0, 1, 3, 4, 6, 7, 9, 10, 11}) {
    if (!std::isdigit(static_cast<unsigned char>(id[static_cast<std::size_t>(at)]))) return false;
    nine = nine * 10 + (id[static_cast<std::size_t>(at)] - '0');
  }
  const int check = (id[13] - '0') * 10 + (id[14] - '0');
  if (!p.birth_date) return false;
  const auto birth = *p.birth_date;
  const auto year = static_cast<int>(birth.year());
  if (nine / 1000 != (year % 100) * 10000 + static_cast<int>(static_cast<unsigned>(birth.month())) * 100 +
                         static_cast<int>(static_cast<unsigned>(birth.day())))
    return false;
  const auto serial = nine % 1000;
  if (serial < 1 || serial > 998) return false;
  if ((serial % 2 == 1) != (p.gender == gender::male)) return false;
  const std::int64_t base = year >= 2000 ? 2'000'000'000 + nine : nine;
  return check == 97 - base % 97;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) != 0; }

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether `word` occurs in `text` as a whole word; both already lower-cased.
bool contains_word(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !is_word_char(text[at - 1]);
    const bool ends = at + word.size() == text.size() || !is_word_char(text[at + word.size()]);
    if (starts && ends) return true;
  }
  return false;
}

// The narrative's language from common words, independent of the generator.
language guess_language(std::string_view text) {
  static const std::set<std::string> nl{"het", "een", "werd", "er", "van", "zijn", "met", "en", "haar", "hij",
                                        "zij", "hem", "heeft", "slachtoffer", "politie", "geen", "niet"};
  static const std::set<std::string> fr{"la", "le", "les", "des", "une", "un", "il", "elle", "et", "a",
                                        "été", "est", "du", "sa", "son", "victime", "pas"};
  static const std::set<std::string> en{"the", "an", "was", "he", "she", "her", "him", "his", "and", "to",
                                        "of", "by", "has", "victim", "no", "not", "after", "from", "they",
                                        "there", "have", "been", "were", "with", "during", "for", "is"};
  std::array<int, 3> votes{};
  std::string token;
  const auto flush = [&] {
    if (nl.count(token)) ++votes[0];
    if (fr.count(token)) ++votes[1];
    if (en.count(token)) ++votes[2];
    token.clear();
  };
  for (char c : text) {
    if (is_word_char(c)) token += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else flush();
  }
  flush();
  const auto best = std::max_element(votes.begin(), votes.end()) - votes.begin();
  return static_cast<language>(best);
}

int age_in_years(date birth, date on) {
  int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --years;
  return years;
}

// Everything the tests check, measured in one pass over 50,000 reports.
struct corpus_facts {
  std::int64_t reports = 0;
  std::array<std::int64_t, 4> classes{};
  std::int64_t families = 0, repeated_families = 0;
  std::int64_t late_reports = 0, late_class1 = 0;
  std::int64_t repeat_reports = 0, repeats_with_typo = 0;
  std::int64_t repeats_with_prior_id = 0, repeats_missing_id = 0;
  std::int64_t repeats_with_other_birth_date = 0;
  std::int64_t items = 0, unknown_items = 0;
  std::array<std::int64_t, 3> languages{};
  std::int64_t wrong_language = 0;
  std::int64_t negated = 0;
  std::int64_t positive_cue_not_yes = 0, negated_cue_not_no = 0;
  std::int64_t national_ids = 0, invalid_national_ids = 0, shared_national_ids = 0;
  std::int64_t adults = 0, adults_with_id = 0, adults_with_phone = 0, bad_phones = 0, adults_without_address = 0;
  std::int64_t addresses_outside_zone = 0;
  std::int64_t children = 0, children_with_id = 0, children_with_address = 0, children_out_of_age = 0;
  std::int64_t households_with_children = 0, children_present_without_child = 0;
  std::int64_t female_victims = 0;
  std::int64_t inconsistent_relationship = 0, inconsistent_violence = 0, bad_persons = 0;
  std::int64_t bad_orders = 0, order_and_red_file = 0;
  std::int64_t names_in_narrative = 0, bad_sentence_count = 0;
  std::int64_t duplicate_refs = 0, bad_incident = 0, no_incident = 0;
  std::vector<std::string> examples;  // a few offending narratives, for the failure message
};

const corpus_facts& corpus() {
  static const corpus_facts facts = [] {
    corpus_facts f;
    generator_options options;
    options.seed = 2025;
    options.reports = 50'000;
    report_generator generator(options);
    police_report r;

    struct family_record {
      timestamp first;
      int reports = 0;
      std::vector<std::string> names;  // first and last name per person, of the first report
      std::vector<std::string> ids;
      std::vector<std::string> births;
    };
    std::unordered_map<std::string, family_record> families;
    std::set<std::string> refs;
    std::map<std::string, std::string> id_owner;  // national id -> zone, birth date, gender, role
    std::string expanded;

    while (generator.next(r)) {
      ++f.reports;
      const int cls = latent_class(r);
      ++f.classes[static_cast<std::size_t>(cls)];
      const auto* zone = find_police_zone(r.police_zone);
      REQUIRE(zone != nullptr);
      const auto report_day = date{floor<days>(r.reported_at)};

      // Persons: a victim, then a suspect, then children, then others.
      if (r.persons.size() < 2 || r.persons[0].role != family_role::victim ||
          r.persons[1].role != family_role::suspect) {
        ++f.bad_persons;
        continue;
      }
      const auto narrative = lower_ascii(r.narrative);  // names are looked for ignoring case
      const auto& victim = r.persons[0];
      const auto& suspect = r.persons[1];
      f.female_victims += victim.gender == gender::female;
      bool has_child = false;
      for (const auto& p : r.persons) {
        if (!p.birth_date || p.first_name.empty() || p.last_name.empty() ||
            (p.gender != gender::female && p.gender != gender::male))
          ++f.bad_persons;
        if (!p.national_id.empty()) {
          ++f.national_ids;
          if (!valid_national_id(p)) ++f.invalid_national_ids;
          auto owner = r.police_zone + "|" + format_date(*p.birth_date) + "|" +
                       std::string(to_string(p.gender)) + "|" + std::string(to_string(p.role));
          auto [it, fresh] = id_owner.emplace(p.national_id, owner);
          if (!fresh && it->second != owner) ++f.shared_national_ids;
        }
        if (contains_word(narrative, lower_ascii(p.first_name)) || contains_word(narrative, lower_ascii(p.last_name))) {
          ++f.names_in_narrative;
          if (f.examples.size() < 20) f.examples.push_back(p.first_name + " " + p.last_name + ": " + r.narrative);
        }
        if (p.role == family_role::child) {
          has_child = true;
          ++f.children;
          f.children_with_id += !p.national_id.empty();
          f.children_with_address += p.address.has_value();
          const int age = age_in_years(*p.birth_date, report_day);
          if (age < 0 || age > 17 || sys_days{*p.birth_date} > sys_days{report_day}) ++f.children_out_of_age;
          continue;
        }
        ++f.adults;
        f.adults_with_id += !p.national_id.empty();
        if (!p.phone.empty()) {
          ++f.adults_with_phone;
          const auto& ph = p.phone;  // "+32 4xx xx xx xx"
          bool ok = ph.size() == 16 && ph.compare(0, 5, "+32 4") == 0 && ph[7] == ' ' && ph[10] == ' ' && ph[13] == ' ';
          for (auto at : {5, 6, 8, 9, 11, 12, 14, 15})
            ok = ok && std::isdigit(static_cast<unsigned char>(ph[static_cast<std::size_t>(at)]));
          f.bad_phones += !ok;
        }
        if (!p.address) {
          ++f.adults_without_address;
        } else {
          bool inside = false;
          for (const auto& m : zone->municipalities)
            inside = inside || (m.postcode == p.address->postcode && m.name == p.address->municipality &&
                                std::find(m.streets.begin(), m.streets.end(), p.address->street) != m.streets.end());
          f.addresses_outside_zone += !inside || p.address->number.empty();
        }
      }
      f.households_with_children += has_child;
      if (!has_child && value_of(r, "children_present") == tri_state::yes) ++f.children_present_without_child;
      if (value_of(r, "pregnancy") == tri_state::yes && victim.gender != gender::female) ++f.inconsistent_relationship;

      // Relationship and ages.
      const int victim_age = age_in_years(*victim.birth_date, report_day);
      const int suspect_age = age_in_years(*suspect.birth_date, report_day);
      switch (r.relationship) {
        case relationship::partner:
        case relationship::ex_partner:
          if (victim_age < 16 || suspect_age < 16) ++f.inconsistent_relationship;
          break;
        case relationship::parent_child:
          if (suspect_age - victim_age < 14) ++f.inconsistent_relationship;
          break;
        case relationship::child_parent:
          if (victim_age - suspect_age < 14) ++f.inconsistent_relationship;
          break;
        default:
          break;
      }
      if (victim_age > 100 || suspect_age > 100 || suspect_age < 12) ++f.inconsistent_relationship;

      // Kinds of violence agree with the items.
      const auto yes = [&](std::string_view name) { return value_of(r, name) == tri_state::yes; };
      const auto& v = r.violence;
      if (((yes("injury") || yes("strangulation")) && !v.physical) ||
          ((yes("threats_to_kill") || yes("weapon")) && !v.threats) || (v.stalking != yes("stalking")) ||
          !(v.physical || v.psychological || v.sexual || v.economic || v.threats || v.stalking))
        ++f.inconsistent_violence;

      // Measures.
      if (r.measures.restraining_order) {
        const auto& o = *r.measures.restraining_order;
        const auto length = (sys_days{o.until} - sys_days{o.from}).count();
        if (o.from != report_day || length < 10 || length > 14) ++f.bad_orders;
        if (r.measures.red_file) ++f.order_and_red_file;
      }

      // Indicators.
      for (const auto& i : r.indicators) {
        ++f.items;
        f.unknown_items += i.value == tri_state::unknown;
      }

      // Reference and times.
      if (!refs.insert(r.police_zone + "|" + r.external_ref).second) ++f.duplicate_refs;
      if (!r.incident_at) ++f.no_incident;
      else if (*r.incident_at > r.reported_at || r.reported_at - *r.incident_at > hours{48}) ++f.bad_incident;

      // Narrative: language, sentences, cues consistent with the items.
      const auto lang = guess_language(r.narrative);
      ++f.languages[static_cast<std::size_t>(lang)];
      if (lang != language::en && lang != zone->language) {
        ++f.wrong_language;
        if (f.examples.size() < 20) f.examples.push_back("language: " + r.narrative);
      }
      const auto sentences = std::count(r.narrative.begin(), r.narrative.end(), '.');
      if (sentences < 2 || sentences > 5) ++f.bad_sentence_count;
      const narrative_voice voice{lang, victim.gender == gender::female, suspect.gender == gender::female};
      bool negated = false;
      for (const auto& phrase : cue_phrases()) {
        if (phrase.language != lang) continue;
        expanded.clear();
        append_phrase(expanded, phrase.text, voice);
        if (r.narrative.find(expanded) == std::string::npos) continue;
        const auto value = value_of(r, to_string(phrase.item));
        if (phrase.negated) {
          negated = true;
          f.negated_cue_not_no += value != tri_state::no;
        } else {
          f.positive_cue_not_yes += value != tri_state::yes;
        }
      }
      f.negated += negated;

      // Families: the same zone and birth dates of victim and suspect.
      const auto key = r.police_zone + "|" + format_date(*victim.birth_date) + "|" + format_date(*suspect.birth_date);
      auto [it, first_time] = families.try_emplace(key);
      auto& family = it->second;
      if (first_time) {
        family.first = r.reported_at;
        for (const auto& p : r.persons) {
          family.names.push_back(p.first_name + "|" + p.last_name);
          family.ids.push_back(p.national_id);
          family.births.push_back(format_date(*p.birth_date));
        }
      }
      const bool within_year = r.reported_at - family.first < days{365};
      if (within_year) ++family.reports;
      if (within_year && family.reports >= 3) {
        ++f.late_reports;
        f.late_class1 += cls == 1;
      }
      if (!first_time) {
        ++f.repeat_reports;
        bool typo = false, missing = false, prior_id = false, other_birth = r.persons.size() != family.names.size();
        for (std::size_t i = 0; i < std::min(r.persons.size(), family.names.size()); ++i) {
          const auto& p = r.persons[i];
          typo = typo || p.first_name + "|" + p.last_name != family.names[i];
          other_birth = other_birth || format_date(*p.birth_date) != family.births[i];
          if (!family.ids[i].empty()) {
            prior_id = true;
            if (p.national_id.empty()) missing = true;
            else if (p.national_id != family.ids[i]) other_birth = true;
          }
        }
        f.repeats_with_typo += typo;
        f.repeats_with_prior_id += prior_id;
        f.repeats_missing_id += missing;
        f.repeats_with_other_birth_date += other_birth;
      }
    }
    f.families = static_cast<std::int64_t>(families.size());
    for (const auto& [key, family] : families) f.repeated_families += family.reports >= 2;
    return f;
  }();
  return facts;
}

double share(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

TEST_SUITE("core/demo") {

TEST_CASE("the same seed gives the same reports, another seed others") {
  generator_options options;
  options.seed = 7;
  options.reports = 2000;
  const auto first = json_lines(options, 2000);
  const auto again = json_lines(options, 2000);
  REQUIRE(first.size() == 2000);
  CHECK(first == again);

  options.seed = 8;
  const auto other = json_lines(options, 2000);
  REQUIRE(other.size() == 2000);
  std::size_t same = 0;
  for (std::size_t i = 0; i < first.size(); ++i) same += first[i] == other[i];
  CHECK(same == 0);
}

TEST_CASE("the output of a seed is pinned, so that other platforms and libraries can be compared") {
  // FNV-1a over the generator's own fields (not the JSON writer's layout) of
  // the first 500 reports of seed 1. When the generator changes on purpose,
  // update the digest; when it changes on another platform, determinism broke.
  std::uint64_t digest = 0xcbf29ce484222325ULL;
  const auto add = [&](std::string_view text) {
    for (char c : text) digest = (digest ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    digest = (digest ^ 0xff) * 0x100000001b3ULL;
  };
  generator_options options;
  options.reports = 500;
  report_generator generator(options);
  police_report r;
  while (generator.next(r)) {
    add(r.external_ref);
    add(r.police_zone);
    add(format_timestamp(r.reported_at));
    add(r.incident_at ? format_timestamp(*r.incident_at) : "-");
    for (const auto& p : r.persons) {
      add(p.first_name);
      add(p.last_name);
      add(format_date(*p.birth_date));
      add(p.national_id);
      add(p.phone);
      add(p.address ? p.address->street + p.address->number + p.address->postcode : "-");
    }
    for (const auto& i : r.indicators) add(to_string(i.value));
    add(r.measures.restraining_order ? format_date(r.measures.restraining_order->until) : "-");
    add(r.narrative);
  }
  CHECK(digest == 0x344c9aed50472d86ULL);
}

TEST_CASE("produces exactly the requested count in reported_at order within the days") {
  generator_options options;
  options.seed = 3;
  options.reports = 5000;
  options.start = year{2026} / March / day{10};
  options.days = 30;
  report_generator generator(options);
  police_report r;
  std::int64_t count = 0;
  timestamp previous{};
  const timestamp begin{sys_days{options.start}};
  const timestamp end{sys_days{options.start} + days{options.days}};
  std::array<std::int64_t, 30> per_day{};
  std::int64_t evening = 0, early_morning = 0;
  while (generator.next(r)) {
    ++count;
    CHECK(r.reported_at >= begin);
    CHECK(r.reported_at < end);
    if (count > 1) CHECK(r.reported_at >= previous);
    previous = r.reported_at;
    ++per_day[static_cast<std::size_t>((floor<days>(r.reported_at) - sys_days{options.start}).count())];
    const auto hour = (r.reported_at - floor<days>(r.reported_at)) / hours{1};
    evening += hour >= 17 && hour < 23;
    early_morning += hour >= 3 && hour < 9;
  }
  CHECK(count == 5000);
  CHECK(generator.produced() == 5000);
  CHECK_FALSE(generator.next(r));
  for (auto n : per_day) {
    CHECK(n >= 166);
    CHECK(n <= 167);
  }
  CHECK(evening > 2 * early_morning);  // reports cluster in the evening, not at dawn
}

TEST_CASE("no reports for a zero or negative count") {
  for (std::int64_t n : {0, -5}) {
    generator_options options;
    options.reports = n;
    report_generator generator(options);
    police_report r;
    CHECK_FALSE(generator.next(r));
    CHECK(generator.produced() == 0);
  }
}

TEST_CASE("reuses the caller's report: a filled report becomes the next one entirely") {
  generator_options options;
  options.seed = 11;
  const auto lines = json_lines(options, 300);
  report_generator generator(options);
  police_report reused;  // one object for all reports, as a streaming caller uses it
  for (const auto& line : lines) {
    REQUIRE(generator.next(reused));
    std::string json;
    append_report_json(json, reused);
    CHECK(json == line);
  }
}

// One test case over one corpus: CTest runs each case in its own process,
// and the 50,000 reports are generated and measured once per process.
TEST_CASE("50,000 generated reports meet the specification") {
  const auto& f = corpus();
  REQUIRE(f.reports == 50'000);
  std::string examples;  // offending narratives, shown when a check fails
  for (const auto& e : f.examples) examples += e + "\n";
  INFO("examples:\n" << examples);

  SUBCASE("the latent classes split 46/34/20 and third reports within a year are never class 1") {
    CHECK_NEAR(share(f.classes[1], f.reports), 0.46, 0.015);
    CHECK_NEAR(share(f.classes[2], f.reports), 0.34, 0.015);
    CHECK_NEAR(share(f.classes[3], f.reports), 0.20, 0.015);
    CHECK(f.late_reports > 500);
    CHECK(f.late_class1 == 0);
    CHECK(f.bad_orders == 0);
    CHECK(f.order_and_red_file == 0);
  }

  SUBCASE("about a third of families come back within 12 months with the same persons") {
    const double repeated = share(f.repeated_families, f.families);
    CHECK(repeated >= 0.30);
    CHECK(repeated <= 0.37);
    CHECK(f.repeats_with_other_birth_date == 0);  // same persons: same birth dates, never another id
    CHECK_NEAR(share(f.repeats_with_typo, f.repeat_reports), 0.15, 0.05);
    CHECK_NEAR(share(f.repeats_missing_id, f.repeats_with_prior_id), 0.20, 0.05);
  }

  SUBCASE("every national register number has a valid check number and one owner") {
    CHECK(f.national_ids > 50'000);
    CHECK(f.invalid_national_ids == 0);
    CHECK(f.shared_national_ids == 0);
    CHECK_NEAR(share(f.adults_with_id, f.adults), 0.65, 0.05);
    CHECK_NEAR(share(f.children_with_id, f.children), 0.40, 0.05);
  }

  SUBCASE("external references are unique within a zone") {
    CHECK(f.duplicate_refs == 0);
  }

  SUBCASE("persons are plausible for their roles and the relationship") {
    CHECK(f.bad_persons == 0);
    CHECK(f.inconsistent_relationship == 0);
    CHECK(f.children_out_of_age == 0);
    CHECK(f.children_with_address == 0);
    CHECK(f.adults_without_address == 0);
    CHECK(f.addresses_outside_zone == 0);
    CHECK(f.bad_phones == 0);
    CHECK_NEAR(share(f.adults_with_phone, f.adults), 0.70, 0.05);
    CHECK_NEAR(share(f.female_victims, f.reports), 0.80, 0.05);
    CHECK_NEAR(share(f.households_with_children, f.reports), 0.50, 0.07);
  }

  SUBCASE("children_present is never true without a child, and unknowns occur") {
    CHECK(f.children_present_without_child == 0);
    CHECK_NEAR(share(f.unknown_items, f.items), 0.08, 0.015);
  }

  SUBCASE("kinds of violence, incident times and measures agree with the report") {
    CHECK(f.inconsistent_violence == 0);
    CHECK(f.bad_incident == 0);
    CHECK_NEAR(share(f.no_incident, f.reports), 0.10, 0.03);
  }

  SUBCASE("narratives are in the zone's language or English, with cues that agree with the items") {
    CHECK_NEAR(share(f.languages[static_cast<std::size_t>(language::en)], f.reports), 0.05, 0.02);
    CHECK(f.languages[static_cast<std::size_t>(language::nl)] > f.reports / 4);
    CHECK(f.languages[static_cast<std::size_t>(language::fr)] > f.reports / 4);
    CHECK(f.wrong_language == 0);
    CHECK(f.bad_sentence_count == 0);
    CHECK(f.positive_cue_not_yes == 0);
    CHECK(f.negated_cue_not_no == 0);
    CHECK_NEAR(share(f.negated, f.reports), 0.15, 0.03);
  }

  SUBCASE("no person's name appears in the narrative of their report") {
    CHECK(f.names_in_narrative == 0);
  }
}

TEST_CASE("every negatable item has a negated phrase in each language") {
  // The cue lexicon of the triage instrument relies on these.
  for (auto it : {item::injury, item::strangulation, item::weapon, item::threats_to_kill, item::victim_fear,
                  item::stalking, item::children_present, item::substance_abuse, item::prior_violence}) {
    for (auto lang : {language::nl, language::fr, language::en}) {
      int found = 0;
      for (const auto& p : cue_phrases()) found += p.item == it && p.language == lang && p.negated;
      CHECK_MESSAGE(found == 1, to_string(it));
    }
  }
  for (std::size_t i = 0; i < item_count; ++i) {
    for (auto lang : {language::nl, language::fr, language::en}) {
      int found = 0;
      for (const auto& p : cue_phrases())
        found += p.item == static_cast<item>(i) && p.language == lang && !p.negated;
      CHECK_MESSAGE(found >= 1, item_names[i]);
    }
  }
}

TEST_CASE("phrases fill their pronouns for the persons' genders") {
  std::string out;
  append_phrase(out, "{S} heeft {o} gewurgd.", {language::nl, true, false});
  CHECK(out == "Hij heeft haar gewurgd.");
  out.clear();
  append_phrase(out, "{S} l'a étranglé{e}.", {language::fr, true, false});
  CHECK(out == "Il l'a étranglée.");
  out.clear();
  append_phrase(out, "{S} nie l'avoir étranglé{e}.", {language::fr, false, true});
  CHECK(out == "Elle nie l'avoir étranglé.");
  out.clear();
  append_phrase(out, "{S} denies strangling {o}.", {language::en, false, false});
  CHECK(out == "He denies strangling him.");
  out.clear();
  append_phrase(out, "{V} fears for {p} life {q}.", {language::en, true, false});
  CHECK(out == "She fears for her life {q}.");
}

}  // TEST_SUITE

}  // namespace casechain::core::demo
