// `casechain cases overdue`: what is late on the chain, why, and for whom.
#include "api/cli/commands.hpp"
#include "api/cli/number_option.hpp"
#include "api/cli/open_store.hpp"
#include "chain/clocks.hpp"
#include "core/store/organisation_store.hpp"

#include <fstream>
#include <iomanip>
#include <iterator>
#include <map>
#include <ostream>

namespace casechain::api::cli {
namespace {

core::result<std::string> read_small_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::fail(core::errc::not_found, "cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > (1 << 20)) return core::fail(core::errc::invalid_argument, path + " is over 1 MiB");
  return text;
}

int overdue(const parsed_args& args, io& streams) {
  auto today = args.get("today").empty() ? core::date_of(core::now_utc()) : core::parse_date(args.get("today"));
  if (!today) return usage_error(streams, "cases overdue", "--today: expected a date YYYY-MM-DD");
  auto limit = number_option(args, "limit", 1, 1000000);
  if (!limit) return usage_error(streams, "cases overdue", limit.error().message);
  chain::working_calendar calendar;
  if (!args.get("holidays").empty()) {
    auto text = read_small_file(args.get("holidays"));
    if (!text) return report_error(streams, text.error());
    auto loaded = chain::load_holidays(*text);
    if (!loaded) return report_error(streams, loaded.error());
    calendar = *loaded;
  }
  chain::clock_settings settings;
  if (!args.get("clocks").empty()) {
    auto text = read_small_file(args.get("clocks"));
    if (!text) return report_error(streams, text.error());
    auto loaded = chain::load_clock_settings(*text);
    if (!loaded) return report_error(streams, loaded.error());
    settings = *loaded;
  }
  auto db = open_store(args.get("data"));
  if (!db) return report_error(streams, db.error());
  auto items = chain::due_work(db->sql(), calendar, settings, *today);
  if (!items) return report_error(streams, items.error());
  if (args.has("raise-alerts")) {
    auto raised = chain::raise_alerts(db->sql(), *items, core::now_utc());
    if (!raised) return report_error(streams, raised.error());
    streams.err << "Raised " << *raised << " new alert(s).\n";
  }

  std::map<std::string, int> per_clock;
  for (const auto& i : *items) ++per_clock[i.clock];
  auto& out = streams.out;
  out << "Late or due soon on " << core::format_date(*today) << ": " << items->size() << "\n";
  for (const auto& [clock, count] : per_clock) out << "  " << std::left << std::setw(20) << clock << count << "\n";
  out << "\n" << std::right << std::setw(5) << "late" << "  " << std::left << std::setw(11) << "due" << std::setw(19)
      << "clock" << std::setw(16) << "case/report" << std::setw(7) << "track" << std::setw(15) << "step"
      << std::setw(14) << "for" << "why\n";
  std::map<core::user_id, std::string> names;
  auto name_of = [&](std::optional<core::user_id> u) -> std::string {
    if (!u) return "unassigned";
    if (!names.count(*u)) {
      auto found = core::store::get_user(db->sql(), *u);
      names[*u] = found ? found->username : "user " + std::to_string(*u);
    }
    return names[*u];
  };
  std::int64_t shown = 0;
  for (const auto& i : *items) {
    if (shown++ >= *limit) {
      out << "(" << items->size() - static_cast<size_t>(*limit) << " more; raise --limit to see them)\n";
      break;
    }
    std::string subject = i.case_ ? "case " + std::to_string(i.case_) : "report " + std::to_string(i.report);
    out << std::right << std::setw(4) << i.days_late << "d  " << std::left << std::setw(11) << core::format_date(i.due)
        << std::setw(19) << i.clock << std::setw(16) << subject << std::setw(7)
        << (i.case_ ? std::to_string(core::to_int(i.track)) : "-") << std::setw(15)
        << (i.case_ ? std::string(core::to_string(i.step)) : "-") << std::setw(14) << (i.case_ ? name_of(i.case_manager) : std::string("triage team"))
        << i.why << "\n";
  }
  return exit_ok;
}

}  // namespace

std::vector<command_spec> case_commands() {
  return {{"cases overdue",
           "List what is late on the chain (and restraining orders about to end): why, since when, for whom.",
           {data_option(),
            {"today", "DATE", "the day to judge by (default: today)"},
            {"holidays", "FILE", "a holiday file: {\"include_belgian\": true, \"holidays\": [\"2026-07-11\"]}"},
            {"clocks", "FILE", "clock settings (JSON) instead of the defaults"},
            {"limit", "N", "show at most N lines", "200"},
            {"raise-alerts", "", "also raise an alert for each item to its case manager"}},
           {},
           overdue}};
}

}  // namespace casechain::api::cli
