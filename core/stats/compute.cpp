#include "core/stats/compute.hpp"

#include "core/model/chain_records.hpp"
#include "core/stats/percentile.hpp"
#include "core/store/stats_store.hpp"

#include <boost/json/parse.hpp>

#include <charconv>
#include <unordered_map>

namespace casechain::core::stats {
namespace {

size_t slot(int track) { return track >= 1 && track <= 3 ? static_cast<size_t>(track) : 0; }

// Collects one duration figure's measurements before the percentiles are taken.
struct duration_builder {
  std::vector<std::int64_t> seconds;
  duration_figure figure;

  void done(std::int64_t s, bool within) {
    seconds.push_back(s);
    ++figure.done;
    figure.within_clock += within ? 1 : 0;
  }
  void waiting(bool late) {
    ++figure.waiting;
    figure.waiting_late += late ? 1 : 0;
  }
  duration_figure finish() {
    figure.median_seconds = nearest_rank(seconds, 50);
    figure.p90_seconds = nearest_rank(seconds, 90);
    return figure;
  }
};

// Due days repeat for every report of a day: computed once per (rule, day).
class due_cache {
 public:
  explicit due_cache(const clock_rules& rules) : rules_(rules) {}
  date triage(date reported) {
    return lookup(0, reported, [&] { return rules_.triage_due(reported); });
  }
  date first_contact(int track, date decided) {
    return lookup(track, decided, [&] { return rules_.first_contact_due(static_cast<core::track>(track), decided); });
  }

 private:
  template <class F>
  date lookup(int rule, date d, F compute_due) {
    auto key = std::chrono::sys_days{d}.time_since_epoch().count() * 4 + rule;
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, compute_due()).first;
    return it->second;
  }
  const clock_rules& rules_;
  std::unordered_map<std::int64_t, date> cache_;
};

bool after(date a, date b) { return std::chrono::sys_days{a} > std::chrono::sys_days{b}; }

result<void> add_report_figures(SQLite::Database& db, const query& q, const clock_rules& clocks, figures& out) {
  std::array<duration_builder, 4> triage, contact;
  due_cache due(clocks);
  auto tally = [&](std::array<duration_builder, 4>& b, int track, auto&& action) {
    action(b[0]);
    action(b[slot(track)]);
  };
  auto visited = store::visit_stats_reports(db, q, [&](const store::stats_report_row& r) {
    int track = r.decided ? r.decided : r.proposed;  // the report's track (docs/figures.md)
    if (q.track && core::to_int(*q.track) != track) return;
    ++out.reports.received;
    ++out.reports.proposed[slot(r.proposed)];
    ++out.reports.decided[slot(r.decided)];
    auto reported = parse_timestamp(r.reported_at);
    if (!reported) return;  // the schema's writers never store one; counted, not timed
    auto triage_due = due.triage(date_of(*reported));
    auto decided = r.decided_at ? parse_timestamp(*r.decided_at) : std::nullopt;
    if (!decided) {
      if (r.proposed) tally(triage, r.proposed, [&](duration_builder& b) { b.waiting(after(q.as_of, triage_due)); });
      return;
    }
    auto taken = (*decided - *reported).count();
    tally(triage, r.decided, [&](duration_builder& b) { b.done(taken, !after(date_of(*decided), triage_due)); });
    if (!r.has_case) return;
    auto contact_due = due.first_contact(r.decided, date_of(*decided));
    auto reached = r.first_reached_at ? parse_timestamp(*r.first_reached_at) : std::nullopt;
    if (reached)
      tally(contact, r.decided, [&](duration_builder& b) {
        b.done((*reached - *decided).count(), !after(date_of(*reached), contact_due));
      });
    else
      tally(contact, r.decided, [&](duration_builder& b) { b.waiting(after(q.as_of, contact_due)); });
  });
  if (!visited) return visited.error();
  for (size_t t = 0; t < 4; ++t) {
    out.report_to_triage[t] = triage[t].finish();
    out.triage_to_first_contact[t] = contact[t].finish();
  }
  return {};
}

result<void> add_case_figures(SQLite::Database& db, const query& q, figures& out) {
  auto events = store::stats_case_events(db, q);
  if (!events) return events.error();
  for (const auto& e : *events) {
    auto& into = e.name == "opened" ? out.cases.opened : e.name == "reopened" ? out.cases.reopened : out.cases.closed;
    into[slot(e.track)] += e.n;
    into[0] += e.n;
  }
  auto open = store::stats_open_cases(db, q);
  if (!open) return open.error();
  for (const auto& o : *open) {
    auto& row = out.cases.open_by_step[o.name];
    row[slot(o.track)] += o.n;
    row[0] += o.n;
  }
  auto partners = store::stats_partners_per_case(db, q);
  if (!partners) return partners.error();
  for (auto n : *partners) {
    ++out.partners.cases;
    out.partners.partners += n;
    ++out.partners.histogram[static_cast<size_t>(std::min<std::int64_t>(n, 5))];
  }
  auto tables = store::stats_round_tables(db, q);
  if (!tables) return tables.error();
  out.round_tables = {tables->first, tables->second};
  return {};
}

result<void> add_work_figures(SQLite::Database& db, const query& q, figures& out) {
  auto interventions = store::stats_interventions(db, q);
  if (!interventions) return interventions.error();
  for (const auto& i : *interventions) {
    auto tab = i.name.find('\t');
    auto organisation = i.name.substr(0, tab);
    auto status = parse<intervention_status>(i.name.substr(tab + 1));
    if (out.interventions.empty() || out.interventions.back().organisation != organisation)
      out.interventions.push_back({organisation, {}});
    if (status) out.interventions.back().by_status[static_cast<size_t>(*status)] += i.n;
  }
  auto caseload = store::stats_caseload(db, q);
  if (!caseload) return caseload.error();
  for (const auto& c : *caseload) {
    std::int64_t id = 0;
    if (c.name.empty() || std::from_chars(c.name.data(), c.name.data() + c.name.size(), id).ec != std::errc{})
      out.unassigned_open_cases += c.n;
    else
      out.caseload.push_back({id, c.n});
  }
  return {};
}

void tally_moments(const std::vector<store::stats_moment>& moments, const std::string& as_of_end,
                   repeat_figure* all, std::array<repeat_figure, 4>* per_track) {
  for (const auto& m : moments) {
    for (auto* f : {all, per_track ? &(*per_track)[slot(m.track)] : nullptr}) {
      if (!f) continue;
      ++f->moments;
      f->repeated_so_far += m.repeated ? 1 : 0;
      if (m.window_end < as_of_end) {
        ++f->observed;
        f->repeated += m.repeated ? 1 : 0;
      }
    }
  }
}

result<void> add_repeat_figures(SQLite::Database& db, const query& q, figures& out) {
  auto closures = store::stats_closures(db, q);
  if (!closures) return closures.error();
  tally_moments(*closures, q.as_of_end_instant(), &out.repeat_after_closure[0], &out.repeat_after_closure);
  if (!q.track || *q.track == core::track::help_offer) {
    auto offers = store::stats_help_offers(db, q);
    if (!offers) return offers.error();
    tally_moments(*offers, q.as_of_end_instant(), &out.repeat_after_help_offer, nullptr);
  }
  return {};
}

std::map<std::string, std::int64_t> read_scores(const std::string& text) {
  std::map<std::string, std::int64_t> scores;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return scores;
  for (const auto& [factor, score] : v.get_object())
    if (score.is_int64()) scores[std::string(factor)] = score.get_int64();
  return scores;
}

result<void> add_screening_figures(SQLite::Database& db, const query& q, figures& out) {
  auto pairs = store::stats_screening_pairs(db, q);
  if (!pairs) return pairs.error();
  for (const auto& [plan_start_json, closing_json] : *pairs) {
    auto before = read_scores(plan_start_json);
    auto after_closing = read_scores(closing_json);
    for (const auto& [factor, was] : before) {
      auto it = after_closing.find(factor);
      if (it == after_closing.end()) continue;
      auto& f = out.screening[factor];
      ++f.pairs;
      f.sum_plan_start += was;
      f.sum_closing += it->second;
      (it->second < was ? f.lower : it->second == was ? f.same : f.higher) += 1;
    }
  }
  return {};
}

}  // namespace

result<figures> compute(SQLite::Database& db, const query& q, const clock_rules& clocks) {
  figures out;
  if (auto r = add_report_figures(db, q, clocks, out); !r) return r.error();
  if (auto r = add_case_figures(db, q, out); !r) return r.error();
  if (auto r = add_work_figures(db, q, out); !r) return r.error();
  if (auto r = add_repeat_figures(db, q, out); !r) return r.error();
  if (auto r = add_screening_figures(db, q, out); !r) return r.error();
  return out;
}

}  // namespace casechain::core::stats
