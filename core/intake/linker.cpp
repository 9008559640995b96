#include "core/intake/linker.hpp"

#include "core/intake/name_matching.hpp"

namespace casechain::core::intake {
namespace {

struct match_result {
  std::optional<person_id> certain;
  std::optional<person_id> probable;
  std::string reason;
};

// Looks for `p` among the persons born on the same day.
match_result match_by_name(store::intake_store& store, const report_person& p, const std::string& first_key,
                           const std::string& last_key) {
  match_result result;
  if (!p.birth_date) return result;
  for (const auto& candidate : store.name_candidates(*p.birth_date, first_key, last_key)) {
    // Two different national register numbers are two different people.
    if (!p.national_id.empty() && !candidate.national_id.empty() && p.national_id != candidate.national_id) continue;
    auto match = compare_names(first_key, last_key, candidate.first_key, candidate.last_key);
    if (match == name_match::certain && !result.certain) {
      result.certain = candidate.id;
    } else if (match == name_match::probable && !result.probable) {
      result.probable = candidate.id;
      result.reason = "same birth date, name differs by typing errors";
    }
  }
  return result;
}

person_link link_person(store::intake_store& store, const report_person& p, timestamp now) {
  if (!p.national_id.empty()) {
    if (auto known = store.person_by_national_id(p.national_id)) return {*known, link_kind::national_id, {}, {}};
  }
  auto first_key = normalise_name(p.first_name);
  auto last_key = normalise_name(p.last_name);
  auto match = match_by_name(store, p, first_key, last_key);
  if (match.certain) {
    if (!p.national_id.empty()) store.set_national_id(*match.certain, p.national_id);
    return {*match.certain, link_kind::name_and_birth_date, {}, {}};
  }
  return {store.add_person(p, first_key, last_key, now), link_kind::new_person, match.probable, match.reason};
}

// The newest family of a linked person, preferring victims, then suspects.
std::optional<family_id> known_family(store::intake_store& store, const police_report& report,
                                      const std::vector<person_link>& links) {
  for (auto wanted : {family_role::victim, family_role::suspect, family_role::child, family_role::other}) {
    for (size_t i = 0; i < links.size(); ++i) {
      if (report.persons[i].role != wanted || links[i].kind == link_kind::new_person) continue;
      if (auto family = store.newest_family_of(links[i].person)) return family;
    }
  }
  return std::nullopt;
}

}  // namespace

link_outcome link_persons(store::intake_store& store, const police_report& report, timestamp now) {
  link_outcome outcome;
  for (const auto& p : report.persons) outcome.persons.push_back(link_person(store, p, now));
  auto family = known_family(store, report, outcome.persons);
  outcome.new_family = !family;
  outcome.family = family ? *family : store.add_family(now);
  return outcome;
}

void record_links(store::intake_store& store, report_id id, const police_report& report, const link_outcome& links,
                  timestamp now) {
  for (size_t i = 0; i < report.persons.size(); ++i) {
    const auto& link = links.persons[i];
    store.add_family_member(links.family, link.person, report.persons[i].role);
    if (link.probable_candidate)
      store.add_link_flag(id, static_cast<int>(i), link.person, *link.probable_candidate, link.flag_reason, now);
  }
}

std::vector<person_id> linked_person_ids(const link_outcome& links) {
  std::vector<person_id> ids;
  ids.reserve(links.persons.size());
  for (const auto& link : links.persons) ids.push_back(link.person);
  return ids;
}

}  // namespace casechain::core::intake
