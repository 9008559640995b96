#include "core/demo/report_generator.hpp"

#include "core/demo/names.hpp"
#include "core/demo/narratives.hpp"
#include "core/demo/places.hpp"
#include "core/demo/random.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <tuple>
#include <vector>

namespace casechain::core::demo {
namespace {

using namespace std::chrono;
using enum item;

constexpr std::size_t max_persons = 6;     // victim, suspect, 3 children, 1 other
constexpr std::size_t max_reports = 6;     // per family within 12 months
constexpr std::int64_t day_seconds = 86400;

// --- Tuning. The shares below are what the tests hold the generator to.
constexpr double repeat_share = 0.44;        // families planned to come back (some fall past the end)
constexpr double further_repeat_share = 0.30;
// Class shares in parts per million: integer arithmetic keeps the draws the
// same under any floating-point contraction.
constexpr std::int64_t ppm = 1'000'000;
constexpr std::int64_t class1_ppm = 460'000;
constexpr std::int64_t class3_ppm = 200'000;
constexpr std::int64_t class3_late_ppm = 450'000;  // among third and later reports (never class 1)
constexpr double unknown_share = 0.11;       // of items that are not yes: ~8 % of all items
constexpr double negation_share = 0.155;     // of narratives: ~15 % end up with a denial
constexpr double english_share = 0.05;
constexpr double typo_share = 0.15;          // of repeat reports
constexpr double omitted_id_share = 0.20;    // of repeat reports

// Reports per hour of day (UTC), weekdays and weekends: evenings and weekend nights peak.
constexpr std::array<int, 24> weekday_hours{6, 4, 3, 2, 2, 2, 2, 3, 4, 5, 5, 6, 6, 6, 6, 7, 8, 9, 10, 11, 11, 10, 9, 7};
constexpr std::array<int, 24> weekend_hours{10, 9, 7, 5, 3, 2, 2, 2, 3, 4, 5, 6, 6, 6, 6, 7, 8, 9, 10, 11, 11, 11, 11, 11};

// A repeat report waiting for its slot. Ordered by (due, family_seed,
// number), a total order, so the heap pops the same way in every library.
struct pending_report {
  timestamp due;
  timestamp first_at;  // the family's first report: ages and the 12 months count from it
  std::uint64_t family_seed;
  std::uint32_t number;  // 2 for the first repeat
  std::array<std::uint16_t, max_persons> serials;  // national register serials, per person
};

struct later_first {
  bool operator()(const pending_report& a, const pending_report& b) const {
    return std::tie(a.due, a.family_seed, a.number) > std::tie(b.due, b.family_seed, b.number);
  }
};

// What a family's seed decides besides its persons.
struct family_facts {
  const police_zone* zone = nullptr;
  bool victim_female = true;
  bool suspect_female = false;
  bool can_be_pregnant = false;
  bool has_children = false;
  std::int64_t severity = 0;  // in [0, ppm): pulls the family's reports towards one class
  std::uint32_t planned_reports = 1;
  std::array<std::int64_t, max_reports> offsets{};  // seconds after the first report
};

std::int64_t draw_ppm(rng& r) { return r.below(static_cast<std::uint32_t>(ppm)); }

// --- Small formatting helpers that append without temporaries.

void append_number(std::string& out, std::int64_t value, int width) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  for (auto digits = static_cast<int>(end - buffer); digits < width; ++digits) out += '0';
  out.append(buffer, end);
}

int year_of(date d) { return static_cast<int>(d.year()); }

// The Belgian national register number "YY.MM.DD-XXX.CC": XXX odd for men,
// even for women; CC = 97 - (YYMMDDXXX mod 97), with a 2 in front of the nine
// digits for births from 2000 on.
void format_national_id(std::string& out, date birth, int serial) {
  const auto yy = year_of(birth) % 100;
  const auto mm = static_cast<int>(static_cast<unsigned>(birth.month()));
  const auto dd = static_cast<int>(static_cast<unsigned>(birth.day()));
  std::int64_t base = ((static_cast<std::int64_t>(yy) * 100 + mm) * 100 + dd) * 1000 + serial;
  if (year_of(birth) >= 2000) base += 2'000'000'000;
  const auto check = 97 - base % 97;
  out.clear();
  append_number(out, yy, 2);
  out += '.';
  append_number(out, mm, 2);
  out += '.';
  append_number(out, dd, 2);
  out += '-';
  append_number(out, serial, 3);
  out += '.';
  append_number(out, check, 2);
}

// A Belgian mobile number "+32 4xx xx xx xx".
void format_phone(std::string& out, rng& r) {
  static constexpr std::string_view prefixes[] = {"456", "460", "465", "466", "467", "468", "470", "471", "472",
                                                  "473", "474", "475", "476", "477", "478", "479", "483", "484",
                                                  "485", "486", "487", "488", "489", "490", "491", "492", "493",
                                                  "494", "495", "496", "497", "498", "499"};
  out.assign("+32 ");
  out.append(prefixes[r.index(std::size(prefixes))]);
  for (int i = 0; i < 3; ++i) {
    out += ' ';
    append_number(out, r.below(100), 2);
  }
}

date birth_for_age(sys_days reference, int years, rng& r) {
  return date{reference - days{years * 365 + years / 4 + static_cast<int>(r.below(365))}};
}

// Age bands as (from, to, weight).
struct age_band {
  int from, to;
  std::uint32_t weight;
};
int draw_age(std::span<const age_band> bands, rng& r) {
  std::array<std::uint32_t, 8> weights{};
  for (std::size_t i = 0; i < bands.size(); ++i) weights[i] = bands[i].weight;
  const auto& band = bands[r.weighted(std::span(weights.data(), bands.size()))];
  return r.between(band.from, band.to);
}
constexpr age_band adult_bands[] = {{18, 24, 15}, {25, 34, 30}, {35, 44, 28}, {45, 54, 16}, {55, 64, 7}, {65, 80, 4}};
constexpr age_band parent_bands[] = {{36, 44, 35}, {45, 54, 35}, {55, 64, 20}, {65, 82, 10}};
constexpr age_band young_bands[] = {{16, 19, 30}, {20, 25, 45}, {26, 35, 25}};

name_origin draw_origin(const police_zone& zone, rng& r) {
  return static_cast<name_origin>(r.weighted(zone.origins));
}

std::string_view pick(std::span<const std::string_view> list, rng& r) { return list[r.index(list.size())]; }

void fill_address(postal_address& a, const police_zone& zone, rng& r) {
  const auto& m = zone.municipalities[r.index(zone.municipalities.size())];
  a.street.assign(pick(m.streets, r));
  a.number.clear();
  append_number(a.number, r.between(1, 180), 0);
  const auto extra = r.below(100);
  if (extra < 5) a.number += static_cast<char>('A' + r.below(3));
  else if (extra < 13) {
    a.number += " bus ";
    append_number(a.number, r.between(1, 12), 0);
  }
  a.postcode.assign(m.postcode);
  a.municipality.assign(m.name);
}

// --- Typing errors of repeat reports.

// Accented letters (UTF-8) and what a hurried typist writes instead.
struct accent {
  std::string_view with, without;
};
constexpr accent accents[] = {
    {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"É", "E"}, {"à", "a"}, {"â", "a"}, {"ä", "a"},
    {"ï", "i"}, {"î", "i"}, {"ı", "i"}, {"ô", "o"}, {"ö", "o"}, {"ó", "o"}, {"Ö", "O"}, {"ü", "u"},
    {"û", "u"}, {"ç", "c"}, {"Ç", "C"}, {"ş", "s"}, {"Ş", "S"}, {"ğ", "g"}, {"ł", "l"}, {"ą", "a"}};

bool drop_accent(std::string& name) {
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (static_cast<unsigned char>(name[i]) < 0x80) continue;
    for (const auto& a : accents) {
      if (std::string_view(name).substr(i, a.with.size()) == a.with) {
        name.replace(i, a.with.size(), a.without);
        return true;
      }
    }
  }
  return false;
}

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// Swaps, drops or doubles one lower-case ASCII letter (first letters and
// accented letters are left alone), or drops an accent. Returns false when
// the name offers no place for the error.
bool make_typo(std::string& name, rng& r) {
  if (r.chance(0.4) && drop_accent(name)) return true;
  std::array<std::size_t, 64> places{};
  const int first_op = r.between(0, 2);
  for (int attempt = 0; attempt < 3; ++attempt) {
    const int op = (first_op + attempt) % 3;
    std::size_t n = 0;
    for (std::size_t i = 1; i < name.size() && n < places.size(); ++i) {
      if (!is_lower_ascii(name[i])) continue;
      if (op == 0 && (i + 1 >= name.size() || !is_lower_ascii(name[i + 1]) || name[i] == name[i + 1])) continue;
      if (op == 1 && name.size() <= 3) continue;
      places[n++] = i;
    }
    if (n == 0) continue;
    const auto i = places[r.index(n)];
    if (op == 0) std::swap(name[i], name[i + 1]);
    else if (op == 1) name.erase(i, 1);
    else name.insert(i, 1, name[i]);
    return true;
  }
  return drop_accent(name);
}

}  // namespace

struct report_generator::state {
  generator_options options;
  std::int64_t total = 0;
  std::int64_t produced = 0;
  std::int64_t families = 0;
  rng slots;  // jitter of the reporting times, in slot order
  std::vector<pending_report> heap;
  // National register serials handed out, per (birth day, sex): keeps numbers
  // unique until a birth day has had 499 persons of one sex.
  sys_days serial_base;
  std::vector<std::uint16_t> serial_counters;
  // Per zone: the year and the last number of its police reports.
  std::vector<std::pair<int, std::int64_t>> pv_counters;
  std::int64_t late_share = 0;  // running share of third and later reports, in ppm
  std::array<std::int64_t, 4> class_counts{};  // reports so far per latent class

  explicit state(const generator_options& o)
      : options(o), slots(mix64(o.seed ^ 0x736c6f7473ULL)) {
    options.days = std::max(options.days, 1);
    total = std::max<std::int64_t>(options.reports, 0);
    serial_base = sys_days{options.start} - days{125 * 366};
    const auto span_days = (sys_days{options.start} + days{options.days + 1} - serial_base).count();
    serial_counters.assign(static_cast<std::size_t>(span_days) * 2, 0);
    pv_counters.assign(police_zones().size(), {0, 0});
  }

  timestamp slot_time(std::int64_t i);
  int assign_serial(date birth, bool male);
  void build_family(police_report& out, family_facts& facts, std::uint64_t seed, timestamp first_at,
                    std::array<std::uint16_t, max_persons>& serials, bool assign);
  void fill_report(police_report& out, const family_facts& facts, std::uint64_t seed, std::uint32_t number);
};

// The i-th of `total` reports: its day spreads the reports evenly over the
// days; within a day, stratified draws through the hourly profile keep the
// times in order without remembering them.
timestamp report_generator::state::slot_time(std::int64_t i) {
  const std::int64_t n = total, d = options.days;
  const std::int64_t day_index = i * d / n;
  const std::int64_t first = (day_index * n + d - 1) / d;
  const std::int64_t after = ((day_index + 1) * n + d - 1) / d;
  // The quantile of the day, in units of 2^-32: stratum (i - first) of k, plus jitter.
  const auto k = static_cast<std::uint64_t>(after - first);
  const std::uint64_t q = ((static_cast<std::uint64_t>(i - first) << 32) + (slots.next() >> 32)) / k;

  const sys_days when = sys_days{options.start} + days{day_index};
  const auto wd = weekday{when}.c_encoding();
  const auto& profile = (wd == 0 || wd == 6) ? weekend_hours : weekday_hours;
  std::uint64_t sum = 0;
  for (auto w : profile) sum += static_cast<std::uint64_t>(w);
  // Weighted seconds into the day; each hour is as long as its weight.
  const std::uint64_t target = (q * sum * 3600) >> 32;
  std::int64_t secs = day_seconds - 1;
  std::uint64_t cumulative = 0;
  for (std::size_t h = 0; h < profile.size(); ++h) {
    const auto width = static_cast<std::uint64_t>(profile[h]) * 3600;
    if (target < cumulative + width) {
      secs = static_cast<std::int64_t>(h * 3600 + (target - cumulative) / static_cast<std::uint64_t>(profile[h]));
      break;
    }
    cumulative += width;
  }
  secs = std::clamp<std::int64_t>(secs, 0, day_seconds - 1);
  return timestamp{when} + std::chrono::seconds{secs};
}

int report_generator::state::assign_serial(date birth, bool male) {
  const auto offset = (sys_days{birth} - serial_base).count();
  auto index = static_cast<std::size_t>(std::max<std::int64_t>(offset, 0)) * 2 + (male ? 1 : 0);
  index = std::min(index, serial_counters.size() - 1);
  return serial_counters[index]++;
}

// The persons, zone and relationship of a family, the same every time for a
// seed. With `assign`, national register serials are handed out and written
// to `serials`; otherwise they are read from it.
void report_generator::state::build_family(police_report& out, family_facts& facts, std::uint64_t seed,
                                           timestamp first_at, std::array<std::uint16_t, max_persons>& serials,
                                           bool assign) {
  rng r(derive_seed(seed, 0));
  const auto reference = floor<days>(first_at);

  const auto zones = police_zones();
  std::array<std::uint32_t, 16> zone_weights{};
  for (std::size_t i = 0; i < zones.size(); ++i) zone_weights[i] = zones[i].weight;
  const auto& zone = zones[r.weighted(std::span(zone_weights.data(), zones.size()))];
  facts.zone = &zone;
  out.police_zone.assign(zone.label);

  // Relationship, in enum order: partner, ex_partner, parent_child (the
  // suspect is the victim's parent), child_parent (the suspect is the
  // victim's child), sibling, other_family, other.
  static constexpr std::array<std::uint32_t, 7> relationship_weights{52, 27, 4, 8, 4, 4, 1};
  const auto rel = static_cast<relationship>(r.weighted(relationship_weights));
  out.relationship = rel;
  static constexpr std::array<double, 7> victim_female_share{0.85, 0.85, 0.55, 0.75, 0.60, 0.70, 0.70};
  static constexpr std::array<double, 7> suspect_male_share{0, 0, 0.65, 0.75, 0.75, 0.75, 0.80};
  const auto ri = static_cast<std::size_t>(rel);
  const bool victim_female = r.chance(victim_female_share[ri]);
  const bool couple = rel == relationship::partner || rel == relationship::ex_partner;
  const bool suspect_female = couple ? (r.chance(0.95) ? !victim_female : victim_female)
                                     : !r.chance(suspect_male_share[ri]);

  // Ages at the first report.
  int victim_age = 0, suspect_age = 0;
  switch (rel) {
    case relationship::partner:
    case relationship::ex_partner:
      victim_age = draw_age(adult_bands, r);
      suspect_age = victim_age + (victim_female && !suspect_female ? r.between(-4, 10) : r.between(-6, 6));
      suspect_age = std::clamp(suspect_age, 18, 85);
      break;
    case relationship::child_parent:
      victim_age = draw_age(parent_bands, r);
      suspect_age = std::clamp(victim_age - r.between(18, 40), 14, 55);
      if (victim_age - suspect_age < 16) suspect_age = victim_age - 16;
      break;
    case relationship::parent_child:
      victim_age = draw_age(young_bands, r);
      suspect_age = victim_age + r.between(18, 40);
      break;
    case relationship::sibling:
      victim_age = r.between(16, 60);
      suspect_age = std::max(14, victim_age + r.between(-12, 12));
      break;
    case relationship::other_family:
    case relationship::other:
      victim_age = draw_age(adult_bands, r);
      suspect_age = draw_age(adult_bands, r);
      break;
  }

  // Names: couples may mix origins; blood relatives share one.
  const auto victim_origin = draw_origin(zone, r);
  const bool blood = rel == relationship::child_parent || rel == relationship::parent_child ||
                     rel == relationship::sibling;
  const auto suspect_origin = (blood || r.chance(0.85)) ? victim_origin : draw_origin(zone, r);
  const auto victim_surname = pick(surnames(victim_origin), r);
  std::string_view suspect_surname = pick(surnames(suspect_origin), r);
  if (blood && (rel == relationship::sibling ? r.chance(0.85) : (!victim_female || r.chance(0.5))))
    suspect_surname = victim_surname;
  if (rel == relationship::other_family && r.chance(0.4)) suspect_surname = victim_surname;

  // Children: minors of the victim's household.
  static constexpr std::array<double, 7> children_share{0.62, 0.62, 0.0, 0.25, 0.0, 0.30, 0.20};
  const int max_child_years = std::min(17, victim_age - 17);
  int children = 0;
  if (max_child_years >= 1 && r.chance(children_share[ri])) {
    static constexpr std::array<std::uint32_t, 3> child_counts{45, 38, 17};
    children = 1 + static_cast<int>(r.weighted(child_counts));
  }
  const bool other_person = r.chance(0.10);
  const auto count = static_cast<std::size_t>(2 + children + (other_person ? 1 : 0));
  out.persons.resize(count);

  // The children's surname: the father's when the couple has one.
  std::string_view child_surname = victim_surname;
  auto child_origin = victim_origin;
  if (couple && !suspect_female) {
    child_surname = suspect_surname;
    child_origin = suspect_origin;
  } else if (rel == relationship::child_parent) {
    child_surname = suspect_surname;
  }

  std::size_t index = 0;
  const auto person = [&](family_role role, bool female, name_origin origin, std::string_view surname,
                          date birth, bool adult) -> report_person& {
    auto& p = out.persons[index];
    p.role = role;
    p.gender = female ? gender::female : gender::male;
    // Parents do not give a child their own or a sibling's first name.
    const auto names = first_names(origin, female);
    std::string_view first = pick(names, r);
    for (int attempt = 0; attempt < 3; ++attempt) {
      bool taken = false;
      for (std::size_t j = 0; j < index; ++j) taken = taken || out.persons[j].first_name == first;
      if (!taken) break;
      first = pick(names, r);
    }
    p.first_name.assign(first);
    p.last_name.assign(surname);
    p.birth_date = birth;
    const bool with_id = r.chance(adult ? 0.67 : 0.41);  // a little above 65 % and 40 %: repeats leave some out
    if (with_id) {
      if (assign) serials[index] = static_cast<std::uint16_t>(assign_serial(birth, !female));
      // 499 serials per sex and day: 1, 3, ... 997 for men, 2, 4, ... 998 for women.
      const int slot = static_cast<int>((serials[index] * 211u + static_cast<unsigned>(sys_days{birth}.time_since_epoch().count() & 0xffff)) % 499u);
      format_national_id(p.national_id, birth, 2 * slot + (female ? 2 : 1));
    } else {
      p.national_id.clear();
    }
    if (adult && r.chance(0.70)) format_phone(p.phone, r);
    else p.phone.clear();
    if (!adult) p.address.reset();
    ++index;
    return p;
  };
  const auto ensure_address = [](report_person& p) -> postal_address& {
    if (!p.address) p.address.emplace();
    return *p.address;
  };

  auto& victim = person(family_role::victim, victim_female, victim_origin, victim_surname,
                        birth_for_age(reference, victim_age, r), true);
  fill_address(ensure_address(victim), zone, r);
  auto& suspect = person(family_role::suspect, suspect_female, suspect_origin, suspect_surname,
                         birth_for_age(reference, suspect_age, r), true);
  static constexpr std::array<double, 7> same_address_share{0.85, 0.20, 0.85, 0.80, 0.50, 0.30, 0.50};
  if (r.chance(same_address_share[ri])) ensure_address(suspect) = *victim.address;
  else fill_address(ensure_address(suspect), zone, r);

  for (int c = 0; c < children; ++c) {
    const bool female = r.chance(0.5);
    const int age_days = r.between(30, std::min(max_child_years * 365, 18 * 365 - 370));
    person(family_role::child, female, child_origin, child_surname, date{reference - days{age_days}}, false);
  }
  if (other_person) {
    const bool female = r.chance(0.5);
    const auto origin = draw_origin(zone, r);
    // One draw per statement: the order of argument evaluation differs between compilers.
    const auto surname = r.chance(0.3) ? victim_surname : pick(surnames(origin), r);
    const auto birth = birth_for_age(reference, draw_age(adult_bands, r), r);
    auto& other = person(family_role::other, female, origin, surname, birth, true);
    if (r.chance(0.3)) ensure_address(other) = *victim.address;
    else fill_address(ensure_address(other), zone, r);
  }
  assert(index == count);

  facts.victim_female = victim_female;
  facts.suspect_female = suspect_female;
  facts.can_be_pregnant = victim_female && victim_age >= 16 && victim_age <= 45;
  facts.has_children = children > 0;
  facts.severity = draw_ppm(r);

  // The plan of repeat reports, all within 12 months of the first.
  rng plan(derive_seed(seed, 1));
  facts.planned_reports = 1;
  facts.offsets[0] = 0;
  if (plan.chance(repeat_share)) {
    std::int64_t at = 0;
    for (std::size_t n = 1; n < max_reports; ++n) {
      int gap_days;
      const auto band = plan.below(100);
      if (n == 1) gap_days = band < 35 ? plan.between(3, 30) : band < 75 ? plan.between(30, 120) : plan.between(120, 330);
      else gap_days = band < 50 ? plan.between(2, 30) : band < 85 ? plan.between(30, 90) : plan.between(90, 200);
      at += static_cast<std::int64_t>(gap_days) * day_seconds + plan.below(day_seconds);
      if (at >= 364 * day_seconds) break;
      facts.offsets[n] = at;
      facts.planned_reports = static_cast<std::uint32_t>(n + 1);
      if (!plan.chance(further_repeat_share)) break;
    }
  }
}

// Everything of report `number` of a family that is not its persons.
void report_generator::state::fill_report(police_report& out, const family_facts& facts, std::uint64_t seed,
                                          std::uint32_t number) {
  rng r(derive_seed(seed, 16 + number));
  const bool repeat = number >= 2;
  const bool late = number >= 3;

  // Incident: usually shortly before the report, sometimes not given.
  if (r.chance(0.9)) {
    const auto band = r.below(100);
    const std::int64_t before = band < 55 ? r.between(0, 3 * 3600) : band < 85 ? r.between(3 * 3600, 24 * 3600)
                                                                             : r.between(24 * 3600, 48 * 3600);
    out.incident_at = out.reported_at - std::chrono::seconds{before};
  } else {
    out.incident_at.reset();
  }

  // The latent class. Third and later reports are never class 1; the other
  // reports make up for them with the running share of late reports, so the
  // split holds at every point in time. Half of the draw is the family's own
  // severity, so a family's reports tend to one class.
  int cls;
  if (late) {
    cls = draw_ppm(r) < class3_late_ppm ? 3 : 2;
  } else {
    const std::int64_t f = std::min<std::int64_t>(late_share, 400'000);
    // A small correction by the running shortfall holds the split for any
    // number of reports and days (the running late share alone lags a little).
    const std::int64_t done = produced - 1;
    const auto correction = [&](std::int64_t share, std::int64_t count) {
      return std::clamp<std::int64_t>((share * done - count * ppm) / 200, -100'000, 100'000);
    };
    const std::int64_t p1 =
        std::clamp<std::int64_t>(class1_ppm * ppm / (ppm - f) + correction(class1_ppm, class_counts[1]), 0, ppm);
    const std::int64_t p3 = std::clamp<std::int64_t>(
        (class3_ppm * ppm - f * class3_late_ppm) / (ppm - f) + correction(class3_ppm, class_counts[3]), 0, ppm - p1);
    const std::int64_t v = r.chance(0.5) ? facts.severity : draw_ppm(r);
    cls = v < p1 ? 1 : v < ppm - p3 ? 2 : 3;
  }
  late_share += ((late ? ppm : 0) - late_share) / 512;
  ++class_counts[static_cast<std::size_t>(cls)];

  // How many serious items and complexity signals are yes.
  int serious = 0, complex = 0;
  switch (cls) {
    case 1: {
      const auto shape = r.below(100);
      if (shape < 60) { serious = r.between(0, 1); complex = r.between(0, 1); }
      else if (shape < 80) { serious = r.between(2, 3); complex = r.between(0, 1); }
      else { serious = r.between(0, 1); complex = r.between(2, 3); }
      break;
    }
    case 2:
      serious = 2 + static_cast<int>(r.weighted(std::array<std::uint32_t, 4>{40, 30, 20, 10}));
      complex = 2 + static_cast<int>(r.weighted(std::array<std::uint32_t, 3>{55, 30, 15}));
      break;
    default:
      serious = 1 + static_cast<int>(r.weighted(std::array<std::uint32_t, 5>{10, 25, 30, 20, 15}));
      complex = static_cast<int>(r.weighted(std::array<std::uint32_t, 5>{15, 25, 30, 20, 10}));
      break;
  }

  std::array<tri_state, item_count> values;
  values.fill(tri_state::no);
  const auto set = [&](item i, bool yes) { values[static_cast<std::size_t>(i)] = yes ? tri_state::yes : tri_state::no; };
  const auto is_yes = [&](item i) { return values[static_cast<std::size_t>(i)] == tri_state::yes; };

  const auto rel = out.relationship;
  const bool couple = rel == relationship::partner || rel == relationship::ex_partner;
  const auto choose = [&](auto items, auto weights, int k) {
    for (int j = 0; j < k; ++j) {
      bool any = false;
      for (auto w : weights) any = any || w > 0;
      if (!any) break;
      const auto at = r.weighted(weights);
      set(items[at], true);
      weights[at] = 0;
    }
  };
  choose(std::array{injury, strangulation, weapon, threats_to_kill, victim_fear, stalking, coercive_control,
                    order_breach, suicide_threats, pregnancy},
         std::array<std::uint32_t, 10>{10, 5, 4, 7, 12, 5, 7, repeat ? 4u : 1u, 3, facts.can_be_pregnant ? 2u : 0u},
         serious);
  choose(std::array{housing_problems, debts, addiction, mental_health, conflictual_divorce, agencies_involved},
         std::array<std::uint32_t, 6>{5, 6, 5, 6, couple ? 4u : 0u, 6}, complex);

  set(recent_separation, rel == relationship::ex_partner ? r.chance(0.55) : rel == relationship::partner && r.chance(0.08));
  set(escalation, r.chance((cls == 1 ? 0.08 : cls == 2 ? 0.35 : 0.5) + (repeat ? 0.2 : 0.0)));
  set(children_present, facts.has_children && r.chance(0.55));
  set(substance_abuse, r.chance(is_yes(addiction) ? 0.6 : 0.2));
  set(prior_violence, r.chance(repeat ? 0.92 : cls == 1 ? 0.25 : cls == 2 ? 0.5 : 0.6));
  for (auto& v : values)
    if (v == tri_state::no && r.chance(unknown_share)) v = tri_state::unknown;

  if (out.indicators.size() != item_count) out.indicators.resize(item_count);
  for (std::size_t i = 0; i < item_count; ++i) {
    auto& ind = out.indicators[i];
    if (ind.item != item_names[i]) ind.item.assign(item_names[i]);
    ind.value = values[i];
  }

  // Measures.
  out.measures = {};
  if (cls == 3) {
    if (r.chance(0.85)) {
      const auto from = floor<days>(out.reported_at);
      out.measures.restraining_order = restraining_order{date{from}, date{from + days{r.between(10, 14)}}};
    } else {
      out.measures.red_file = true;
    }
  }
  out.measures.arrest = r.chance(cls == 1 ? 0.07 : cls == 2 ? 0.25 : 0.55);

  // Kinds of violence, implied by the items where they must be.
  auto& v = out.violence;
  v.physical = is_yes(injury) || is_yes(strangulation) || r.chance(cls == 1 ? 0.3 : 0.45);
  v.threats = is_yes(threats_to_kill) || is_yes(weapon) || r.chance(0.2);
  v.stalking = is_yes(stalking);
  v.psychological = is_yes(coercive_control) || is_yes(victim_fear) || r.chance(0.5);
  v.economic = (is_yes(coercive_control) && r.chance(0.35)) || (is_yes(debts) && r.chance(0.1)) || r.chance(0.03);
  v.sexual = r.chance(cls == 1 ? 0.03 : cls == 2 ? 0.08 : 0.12);
  if (!(v.physical || v.threats || v.stalking || v.psychological || v.economic || v.sexual)) v.psychological = true;

  // Narrative.
  narrative_facts n;
  n.voice.language = r.chance(english_share) ? language::en : facts.zone->language;
  n.voice.victim_female = facts.victim_female;
  n.voice.suspect_female = facts.suspect_female;
  n.relationship = rel;
  n.violence = v;
  n.items = values;
  n.has_children = facts.has_children;
  n.restraining_order = out.measures.restraining_order.has_value();
  n.red_file = out.measures.red_file;
  n.arrest = out.measures.arrest;
  write_narrative(out.narrative, n, r.chance(negation_share), r);

  // Repeat reports: a typing error in one name, a national register number left out.
  if (repeat) {
    if (r.chance(typo_share)) {
      const auto who = r.below(100);
      std::size_t at = who < 45 ? 0 : who < 90 ? 1 : 2 + r.index(out.persons.size() - 2);
      if (at >= out.persons.size()) at = 0;
      auto& p = out.persons[at];
      if (r.chance(0.5)) make_typo(p.first_name, r);
      else make_typo(p.last_name, r);
    }
    if (r.chance(omitted_id_share)) {
      std::array<std::size_t, max_persons> with_id{};
      std::size_t k = 0;
      for (std::size_t i = 0; i < out.persons.size(); ++i)
        if (!out.persons[i].national_id.empty()) with_id[k++] = i;
      if (k > 0) out.persons[with_id[r.index(k)]].national_id.clear();
    }
  }

  // The police report number, counted per zone and year.
  const auto zone_index = static_cast<std::size_t>(facts.zone - police_zones().data());
  auto& [pv_year, pv_counter] = pv_counters[zone_index];
  const int report_year = year_of(date{floor<days>(out.reported_at)});
  if (report_year != pv_year) {
    pv_year = report_year;
    pv_counter = 0;
  }
  ++pv_counter;
  out.external_ref.assign(facts.zone->pv_prefix);
  out.external_ref += '.';
  append_number(out.external_ref, pv_counter, 6);
  out.external_ref += '/';
  append_number(out.external_ref, report_year % 100, 2);
}

report_generator::report_generator(const generator_options& options)
    : state_(std::make_unique<state>(options)) {}
report_generator::~report_generator() = default;
report_generator::report_generator(report_generator&&) noexcept = default;
report_generator& report_generator::operator=(report_generator&&) noexcept = default;

std::int64_t report_generator::produced() const { return state_->produced; }

bool report_generator::next(police_report& out) {
  auto& s = *state_;
  if (s.produced >= s.total) return false;
  const auto at = s.slot_time(s.produced);
  ++s.produced;
  out.reported_at = at;

  pending_report entry;
  family_facts facts;
  if (!s.heap.empty() && s.heap.front().due <= at) {
    std::pop_heap(s.heap.begin(), s.heap.end(), later_first{});
    entry = s.heap.back();
    s.heap.pop_back();
    s.build_family(out, facts, entry.family_seed, entry.first_at, entry.serials, false);
  } else {
    entry.family_seed = derive_seed(s.options.seed, static_cast<std::uint64_t>(s.families++) + 1);
    entry.first_at = at;
    entry.number = 1;
    entry.serials.fill(0);
    s.build_family(out, facts, entry.family_seed, at, entry.serials, true);
  }
  s.fill_report(out, facts, entry.family_seed, entry.number);

  if (entry.number < facts.planned_reports) {
    entry.due = entry.first_at + std::chrono::seconds{facts.offsets[entry.number]};
    ++entry.number;
    s.heap.push_back(entry);
    std::push_heap(s.heap.begin(), s.heap.end(), later_first{});
  }
  return true;
}

}  // namespace casechain::core::demo
