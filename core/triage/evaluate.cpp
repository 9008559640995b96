#include "core/triage/proposal.hpp"

#include "core/util/json_writer.hpp"

#include <algorithm>

namespace casechain::core::triage {
namespace {

// The police's answer for each instrument item, in instrument order. Reports
// usually list items in the instrument's order, so the same position is tried first.
std::vector<tri_state> field_values(const std::vector<const instrument_item*>& items, const police_report& report) {
  std::vector<tri_state> values(items.size(), tri_state::unknown);
  for (size_t k = 0; k < report.indicators.size(); ++k) {
    const auto& given = report.indicators[k];
    if (k < items.size() && items[k]->item == given.item) {
      values[k] = given.value;
      continue;
    }
    for (size_t i = 0; i < items.size(); ++i)
      if (items[i]->item == given.item) values[i] = given.value;
  }
  return values;
}

// Combines the police's field with the narrative's cues for one item.
item_answer answer_item(std::string_view item, tri_state field, const std::vector<cue_hit>& cues,
                        std::vector<disagreement>& disagreements) {
  const cue_hit* positive = nullptr;
  const cue_hit* negative = nullptr;
  for (const auto& cue : cues) {
    if (cue.item != item) continue;
    if (cue.negated && !negative) negative = &cue;
    if (!cue.negated && !positive) positive = &cue;
  }
  if (field != tri_state::unknown) {
    if (field == tri_state::no && positive) disagreements.push_back({item, field, true, positive->matched});
    if (field == tri_state::yes && negative && !positive) disagreements.push_back({item, field, false, negative->matched});
    return {item, field, answer_source::field, {}};
  }
  if (positive) return {item, tri_state::yes, answer_source::narrative, positive->matched};
  if (negative) return {item, tri_state::no, answer_source::narrative, negative->matched};
  return {item, tri_state::unknown, answer_source::none, {}};
}

rule_evidence evidence_of(const item_answer& a) {
  if (a.source == answer_source::narrative) return {a.item, "narrative", a.matched};
  return {a.item, "field", "yes"};
}

// Evaluates conditions against one report, collecting the evidence of what held.
class condition_evaluator {
 public:
  condition_evaluator(const instrument& in, const police_report& report, const store::family_history& history,
                      const proposal& p)
      : in_(in), report_(report), history_(history), p_(p) {}

  bool holds(const condition& c, std::vector<rule_evidence>& out) const {
    using k = condition::kind;
    switch (c.type) {
      case k::measure: return measure(c.name, out);
      case k::risk_level_at_least:
        if (in_.level_rank(p_.risk_level) < in_.level_rank(c.name)) return false;
        return add_risk_evidence(out, false), true;
      case k::score_at_least:
        if (p_.score < c.number) return false;
        return add_risk_evidence(out, false), true;
      case k::serious_items_at_least:
        if (p_.serious_items < c.number) return false;
        return add_risk_evidence(out, true), true;
      case k::complexity_at_least:
        if (p_.complexity < c.number) return false;
        for (const auto& item : in_.complexity_items)
          if (auto a = answer(item.item); a && a->value == tri_state::yes) out.push_back(evidence_of(*a));
        return true;
      case k::item:
        if (auto a = answer(c.name); a && a->value == tri_state::yes) return out.push_back(evidence_of(*a)), true;
        return false;
      case k::history_reports_at_least:
        if (history_.reports_last_12_months < c.number) return false;
        out.push_back({"history", "history",
                       std::to_string(history_.reports_last_12_months) + " earlier report(s) on the family in 12 months"});
        return true;
      case k::open_case_track_at_least:
        if (!history_.open_case_track || to_int(*history_.open_case_track) < c.number) return false;
        out.push_back({"open_case", "case", "case " + std::to_string(*history_.open_case) + " open on track " +
                                                std::to_string(to_int(*history_.open_case_track))});
        return true;
      case k::earlier_track_at_least: {
        for (auto t : history_.earlier_tracks) {
          if (to_int(t) < c.number) continue;
          out.push_back({"history", "history", "an earlier report went to track " + std::to_string(to_int(t))});
          return true;
        }
        return false;
      }
      case k::all: {
        std::vector<rule_evidence> collected;
        for (const auto& child : c.children)
          if (!holds(child, collected)) return false;
        out.insert(out.end(), collected.begin(), collected.end());
        return true;
      }
      case k::any: {
        bool any = false;
        for (const auto& child : c.children) any = holds(child, out) || any;
        return any;
      }
      case k::negation: {
        std::vector<rule_evidence> ignored;
        return !holds(c.children.front(), ignored);
      }
    }
    return false;
  }

 private:
  const item_answer* answer(std::string_view item) const {
    for (const auto& a : p_.answers)
      if (a.item == item) return &a;
    return nullptr;
  }

  void add_risk_evidence(std::vector<rule_evidence>& out, bool serious_only) const {
    for (const auto& item : in_.risk_items) {
      if (serious_only && !item.serious) continue;
      if (auto a = answer(item.item); a && a->value == tri_state::yes && item.weight > 0) out.push_back(evidence_of(*a));
    }
  }

  bool measure(std::string_view name, std::vector<rule_evidence>& out) const {
    const auto& m = report_.measures;
    if (name == "restraining_order" && m.restraining_order) {
      out.push_back({"restraining_order", "measures", "from " + format_date(m.restraining_order->from) + " until " +
                                                          format_date(m.restraining_order->until)});
      return true;
    }
    if (name == "red_file" && m.red_file) return out.push_back({"red_file", "measures", "red file"}), true;
    if (name == "arrest" && m.arrest) return out.push_back({"arrest", "measures", "arrest"}), true;
    return false;
  }

  const instrument& in_;
  const police_report& report_;
  const store::family_history& history_;
  const proposal& p_;
};

}  // namespace

proposal evaluate(const instrument& in, const lexicon_set& lexicons, const police_report& report,
                  const store::family_history& history) {
  proposal p;
  p.instrument = in.id();
  p.cues = lexicons.find(report.narrative);
  std::vector<const instrument_item*> items;
  items.reserve(in.risk_items.size() + in.complexity_items.size());
  for (const auto* list : {&in.risk_items, &in.complexity_items})
    for (const auto& item : *list) items.push_back(&item);
  auto fields = field_values(items, report);
  p.answers.reserve(items.size());
  size_t position = 0;
  for (const auto* list : {&in.risk_items, &in.complexity_items}) {
    for (const auto& item : *list) {
      auto a = answer_item(item.item, fields[position++], p.cues, p.disagreements);
      if (a.value == tri_state::unknown) ++p.unknowns;
      if (a.value == tri_state::yes) {
        if (list == &in.risk_items) {
          p.score += item.weight;
          if (item.serious) ++p.serious_items;
        } else {
          p.complexity += item.weight;
        }
      }
      p.answers.push_back(std::move(a));
    }
  }
  p.many_unknowns = p.unknowns >= in.many_unknowns;
  p.risk_level = in.risk_levels.front().name;
  for (const auto& level : in.risk_levels)
    if (p.score >= level.min_score) p.risk_level = level.name;

  condition_evaluator conditions(in, report, history, p);
  for (const auto& r : in.rules) {
    std::vector<rule_evidence> found;
    if (!conditions.holds(r.when, found)) continue;
    p.rules.push_back({r.id, r.track, r.explanation, std::move(found)});
    p.track = std::max(p.track, r.track);
  }
  return p;
}

std::string fired_rule_ids_json(const proposal& p) {
  std::string out;
  json_writer w(out);
  w.begin_array();
  for (const auto& r : p.rules) w.string(r.id);
  w.end_array();
  return out;
}

void append_proposal_json(std::string& out, const proposal& p) {
  json_writer w(out);
  w.begin_object();
  w.field("instrument", p.instrument);
  w.field("track", std::int64_t{to_int(p.track)});
  w.field("risk_level", p.risk_level);
  w.field("score", std::int64_t{p.score});
  w.field("complexity", std::int64_t{p.complexity});
  w.field("serious_items", std::int64_t{p.serious_items});
  w.field("unknowns", std::int64_t{p.unknowns});
  w.field("many_unknowns", p.many_unknowns);
  w.key("rules");
  w.begin_array();
  for (const auto& r : p.rules) {
    w.begin_object();
    w.field("id", r.id);
    w.field("track", std::int64_t{to_int(r.track)});
    w.key("evidence");
    w.begin_array();
    for (const auto& e : r.evidence) {
      w.begin_object();
      w.field("item", e.item);
      w.field("source", e.source);
      if (e.source != "field") w.field("detail", e.detail);  // a field's evidence is its "yes"
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("unknown_items");
  w.begin_array();
  for (const auto& a : p.answers)
    if (a.value == tri_state::unknown) w.string(a.item);
  w.end_array();
  w.key("narrative_cues");
  w.begin_array();
  for (const auto& c : p.cues) {
    w.begin_object();
    w.field("item", c.item);
    w.field("language", c.language);
    w.field("matched", c.matched);
    w.field("negated", c.negated);
    w.end_object();
  }
  w.end_array();
  w.key("disagreements");
  w.begin_array();
  for (const auto& d : p.disagreements) {
    w.begin_object();
    w.field("item", d.item);
    w.field("field", to_string(d.field));
    w.field("narrative", d.narrative_says_yes ? "yes" : "no");
    w.field("matched", d.matched);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace casechain::core::triage
