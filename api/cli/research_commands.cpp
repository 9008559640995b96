// `casechain report` (the quarterly report, HTML) and `casechain export
// --pseudonymised` (CSV for researchers): what leaves the chain, counts only
// or pseudonymised, never a person's identity.
#include "api/cli/chain_settings.hpp"
#include "api/cli/cli_audit.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/open_store.hpp"
#include "chain/figures.hpp"
#include "core/export/research_export.hpp"
#include "core/report/quarterly_report.hpp"
#include "core/util/atomic_file.hpp"

#include "core/audit/audit_entry.hpp"

#include <filesystem>
#include <ostream>

namespace casechain::api::cli {
namespace {

int report(const parsed_args& args, io& streams) {
  auto quarter = core::stats::parse_quarter(args.get("quarter"));
  if (!quarter) return usage_error(streams, "report", "--" + quarter.error().message);
  auto text = core::report::strings_for(args.get("lang"));
  if (!text) return usage_error(streams, "report", "--lang: expected nl, fr or en");
  auto today = core::date_of(core::now_utc());
  auto as_of = args.get("as-of").empty() ? std::optional(today) : core::parse_date(args.get("as-of"));
  if (!as_of) return usage_error(streams, "report", "--as-of: expected a date YYYY-MM-DD");
  auto q = core::stats::make_query(quarter->first, quarter->second, *as_of);
  if (!q) return report_error(streams, q.error());
  auto settings = load_chain_settings(args);
  if (!settings) return report_error(streams, settings.error());
  auto db = open_store(args.get("data"));
  if (!db) return report_error(streams, db.error());
  auto figures = chain::chain_figures(db->sql(), *q, settings->calendar, settings->clocks);
  if (!figures) return report_error(streams, figures.error());
  auto html = core::report::render_html(*q, *figures, *text);
  auto file = core::atomic_file::create(args.get("out"), 0600);
  if (!file) return report_error(streams, file.error());
  if (!file->write(html)) return report_error(streams, core::fail(core::errc::unavailable, "cannot write the report"));
  if (auto done = file->commit(); !done) return report_error(streams, done.error());
  streams.err << "Wrote the report for " << args.get("quarter") << " to " << args.get("out") << ".\n";
  return exit_ok;
}

int research_export(const parsed_args& args, io& streams) {
  if (!args.has("pseudonymised"))
    return usage_error(streams, "export", "--pseudonymised: the only export there is; say so explicitly");
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return report_error(streams, dir.error());
  auto store = open_protected_store(args.get("data"));
  if (!store) return report_error(streams, store.error());
  auto* db = &store->db;
  auto summary = core::research::write_export(db->sql(), store->protection->sealing, args.get("out"),
                                              core::date_of(core::now_utc()));
  if (!summary) return report_error(streams, summary.error());
  // The export is an audited action: without its entry, it does not leave.
  if (auto audited = audit_command(db->sql(), *dir, core::audit::action::export_data, "casechain export --pseudonymised",
                                   "identity,incident,judicial,risk,action_plan");
      !audited) {
    std::error_code ignored;
    for (const auto& [file, rows] : summary->rows) std::filesystem::remove(std::filesystem::path(args.get("out")) / file, ignored);
    return report_error(streams, audited.error());
  }
  for (const auto& [file, rows] : summary->rows) streams.err << "  " << file << ": " << rows << " rows\n";
  streams.err << "Persons with quasi-identifiers suppressed: " << summary->suppressed_persons
              << "; left out: " << summary->dropped_persons << ".\n";
  return exit_ok;
}

}  // namespace

std::vector<command_spec> research_commands() {
  return {{"report",
           "Write the quarterly report: one self-contained HTML file, counts under 5 suppressed.",
           {data_option(),
            {"quarter", "YYYYQn", "the quarter, e.g. 2026Q3", {}, true},
            {"out", "FILE", "the HTML file to write (mode 0600)", {}, true},
            {"lang", "LANG", "nl, fr or en", "en"},
            {"as-of", "DATE", "the day to judge lateness and 12-month windows by (default: today)"},
            holidays_option(),
            clocks_option()},
           {},
           report},
          {"export",
           "Write the pseudonymised research export (CSV: reports, persons, cases, events, screenings).",
           {data_option(),
            {"pseudonymised", "", "pseudonyms instead of ids, months instead of dates, no identifiers", {}, false},
            {"out", "DIR", "the folder to write into (created 0700; files 0600)", {}, true}},
           {},
           research_export}};
}

}  // namespace casechain::api::cli
