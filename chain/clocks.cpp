#include "chain/clocks.hpp"

#include "core/util/json_writer.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>

namespace casechain::chain {
namespace {

using core::case_step;
using core::track;
using days = std::chrono::days;

core::date plus_days(core::date d, int n) { return core::date{std::chrono::sys_days{d} + days{n}}; }
int days_between(core::date from, core::date to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

size_t index_of(track t) { return static_cast<size_t>(core::to_int(t)); }

core::date working_due(const working_calendar& calendar, core::date start, int n) {
  return clock_due(calendar, start, n);
}

void add_if_late(std::vector<due_item>& out, due_item item, core::date today) {
  item.days_late = days_between(item.due, today);
  if (item.days_late > 0) out.push_back(std::move(item));
}

void case_clocks(std::vector<due_item>& out, const core::store::open_case_clock_facts& f,
                 const working_calendar& calendar, const clock_settings& s, core::date today) {
  auto start = core::date_of(f.cycle_start);
  // Track 3 runs from the restraining order itself (SWIFT: contact on the
  // first working day after it), unless the order predates this case's cycle.
  auto clock_start = start;
  if (f.track == track::intensive && f.order_from && *f.order_from >= plus_days(start, -14)) clock_start = *f.order_from;
  due_item base{"", f.id, 0, f.track, f.step, f.case_manager, start, 0, ""};
  auto item = [&](const char* clock, core::date due, std::string why) {
    auto i = base;
    i.clock = clock;
    i.due = due;
    i.why = std::move(why);
    return i;
  };
  if (int n = s.first_contact_working_days[index_of(f.track)]; n > 0 && !f.first_reached)
    add_if_late(out, item("first_contact", working_due(calendar, clock_start, n), "the family has not been reached yet"), today);
  if (int n = s.case_manager_working_days[index_of(f.track)]; n > 0 && !f.case_manager)
    add_if_late(out, item("case_manager", working_due(calendar, clock_start, n), "no case manager has been appointed"), today);
  if (f.track == track::chain && f.step == case_step::implementation) {
    auto since = std::max(f.last_implementation.value_or(f.cycle_start), f.last_evaluation.value_or(f.cycle_start));
    add_if_late(out, item("evaluation", plus_days(core::date_of(since), s.evaluation_interval_days),
                          "the interventions are due for evaluation"),
                today);
  }
  if (f.track == track::intensive && f.step == case_step::follow_up) {
    auto since = f.last_reached.value_or(f.cycle_start);
    add_if_late(out, item("follow_up_contact", plus_days(core::date_of(since), s.follow_up_contact_interval_days),
                          "no contact with the family within the follow-up's interval"),
                today);
  }
  if (f.track == track::intensive)
    add_if_late(out, item("follow_up_end", plus_days(start, s.follow_up_days),
                          "the year of follow-up has passed: close the case or record why it goes on"),
                today);
  if (f.track == track::intensive && f.order_until) {
    int left = days_between(today, *f.order_until);
    if (left >= 0 && left <= s.order_end_warning_days) {
      auto i = item("order_end", *f.order_until, "the restraining order ends soon: plan the safety after it");
      i.days_late = -left;
      out.push_back(std::move(i));
    }
  }
}

// Latest first; items equally late keep their order.
void latest_first(std::vector<due_item>& items) {
  std::stable_sort(items.begin(), items.end(), [](const due_item& a, const due_item& b) { return a.days_late > b.days_late; });
}

}  // namespace

core::date clock_due(const working_calendar& calendar, core::date start, int n) {
  return n <= 1 ? calendar.next_working_day(start) : calendar.add_working_days(start, n);
}

core::result<clock_settings> load_clock_settings(std::string_view json_text) {
  boost::system::error_code ec;
  auto document = boost::json::parse(json_text, ec);
  if (ec || !document.is_object()) return core::fail(core::errc::invalid_argument, "clock settings: expected a JSON object");
  clock_settings s;
  auto number = [&](const boost::json::value& v, const std::string& path, int& into) -> core::result<void> {
    if (!v.is_int64() || v.get_int64() < 0 || v.get_int64() > 3660)
      return core::fail(core::errc::invalid_argument, "clock settings: " + path + ": expected 0 to 3660");
    into = static_cast<int>(v.get_int64());
    return {};
  };
  for (const auto& [key, value] : document.get_object()) {
    std::string path = "$." + std::string(key);
    core::result<void> read = {};
    if (key == "report_to_triage_working_days") read = number(value, path, s.report_to_triage_working_days);
    else if (key == "evaluation_interval_days") read = number(value, path, s.evaluation_interval_days);
    else if (key == "follow_up_contact_interval_days") read = number(value, path, s.follow_up_contact_interval_days);
    else if (key == "follow_up_days") read = number(value, path, s.follow_up_days);
    else if (key == "order_end_warning_days") read = number(value, path, s.order_end_warning_days);
    else if (key == "first_contact_working_days" || key == "case_manager_working_days") {
      auto& per_track = key == "first_contact_working_days" ? s.first_contact_working_days : s.case_manager_working_days;
      if (!value.is_object()) return core::fail(core::errc::invalid_argument, "clock settings: " + path + ": expected {\"1\": N, ...}");
      for (const auto& [t, n] : value.get_object()) {
        if (t != "1" && t != "2" && t != "3")
          return core::fail(core::errc::invalid_argument, "clock settings: " + path + "." + std::string(t) + ": tracks are 1, 2 and 3");
        read = number(n, path + "." + std::string(t), per_track[static_cast<size_t>(t[0] - '0')]);
        if (!read) break;
      }
    } else {
      return core::fail(core::errc::invalid_argument, "clock settings: " + path + ": unknown setting");
    }
    if (!read) return read.error();
  }
  return s;
}

core::result<std::vector<due_item>> case_due_work(SQLite::Database& db, const working_calendar& calendar,
                                                  const clock_settings& settings, core::date today,
                                                  const core::store::case_clock_scope& scope) {
  std::vector<due_item> out;
  auto cases = core::store::open_case_clocks(db, scope);
  if (!cases) return cases.error();
  for (const auto& f : *cases) case_clocks(out, f, calendar, settings, today);
  latest_first(out);
  return out;
}

core::result<std::vector<due_item>> due_work(SQLite::Database& db, const working_calendar& calendar,
                                             const clock_settings& settings, core::date today, int report_limit) {
  std::vector<due_item> out;
  auto reports = core::store::undecided_reports(db, report_limit);
  if (!reports) return reports.error();
  for (const auto& r : *reports) {
    due_item i{"report_to_triage", 0, r.id, track::help_offer, case_step::intake, {},
               working_due(calendar, core::date_of(r.reported_at), settings.report_to_triage_working_days), 0,
               "the report awaits the triage team's decision"};
    add_if_late(out, std::move(i), today);
  }
  auto cases = case_due_work(db, calendar, settings, today, {});
  if (!cases) return cases.error();
  out.insert(out.end(), cases->begin(), cases->end());
  latest_first(out);
  return out;
}

core::result<int> raise_alerts(SQLite::Database& db, const std::vector<due_item>& items, core::timestamp now) {
  int raised = 0;
  for (const auto& i : items) {
    if (i.case_ == 0) continue;  // undecided reports show in the triage queue itself
    std::string detail;
    core::json_writer w(detail);
    w.begin_object();
    w.field("why", i.why);
    w.field("due", core::format_date(i.due));
    w.end_object();
    auto added = core::store::add_alert(db, {0, i.case_, i.case_manager, i.clock, core::format_date(i.due), detail, now, {}});
    if (!added) return added.error();
    raised += *added ? 1 : 0;
  }
  return raised;
}

}  // namespace casechain::chain
