// `casechain triage validity|replay|queue|decide|confirm`: the triage team's
// decisions and how well the instrument agrees with them.
#include "api/cli/commands.hpp"
#include "api/cli/number_option.hpp"
#include "api/cli/open_store.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/triage_store.hpp"
#include "core/triage/decisions.hpp"
#include "core/triage/validity.hpp"

#include <iomanip>
#include <limits>
#include <sstream>
#include <ostream>

namespace casechain::api::cli {
namespace {

struct period {
  core::timestamp from;
  core::timestamp to;
};

// --from and --to as dates (to exclusive); defaults: everything.
core::result<period> read_period(const parsed_args& args) {
  period p{core::timestamp{std::chrono::sys_days{core::date{std::chrono::year{1900} / 1 / 1}}},
           core::timestamp{std::chrono::sys_days{core::date{std::chrono::year{2200} / 1 / 1}}}};
  for (const char* name : {"from", "to"}) {
    if (args.get(name).empty()) continue;
    auto d = core::parse_date(args.get(name));
    if (!d) return core::fail(core::errc::invalid_argument, std::string("--") + name + ": expected a date YYYY-MM-DD");
    (std::string(name) == "from" ? p.from : p.to) = core::timestamp{std::chrono::sys_days{*d}};
  }
  if (p.to <= p.from) return core::fail(core::errc::invalid_argument, "--to must be after --from");
  return p;
}

std::string percent(std::int64_t part, std::int64_t whole) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << (whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0)
      << " %";
  return out.str();
}

void print_matrix(std::ostream& out, const core::triage::track_matrix& m, const char* rows, const char* columns) {
  out << "  " << rows << " \\ " << columns << "      1        2        3\n";
  for (size_t i = 1; i <= 3; ++i) {
    out << "  track " << i << "         ";
    for (size_t j = 1; j <= 3; ++j) out << std::setw(9) << m[i][j];
    out << "\n";
  }
}

int validity(const parsed_args& args, io& streams) {
  auto p = read_period(args);
  if (!p) return usage_error(streams, "triage validity", p.error().message);
  auto db = open_store(args.get("data"));
  if (!db) return report_error(streams, db.error());
  auto f = core::triage::compute_validity(db->sql(), p->from, p->to);
  if (!f) return report_error(streams, f.error());
  auto& out = streams.out;
  out << "Decided reports: " << f->decisions << "\n\nProposal (rows) against decision (columns):\n";
  print_matrix(out, f->matrix, "proposed", "decided");
  out << std::fixed << std::setprecision(3) << "\nAgreement: " << percent(f->matrix[1][1] + f->matrix[2][2] + f->matrix[3][3], f->decisions)
      << "; Cohen's kappa: " << f->kappa << "\n\nOverrides per rule:\n";
  if (f->rules.empty()) out << "  (no rule fired)\n";
  for (const auto& [rule, counts] : f->rules)
    out << "  " << std::left << std::setw(24) << rule << std::right << " fired " << std::setw(7) << counts.fired
        << ", overridden " << std::setw(7) << counts.overridden << " (" << percent(counts.overridden, counts.fired) << ")\n";
  out << "\nFamilies with a new report within 12 months, per decided track:\n";
  for (size_t t = 1; t <= 3; ++t)
    out << "  track " << t << ": " << f->repeats[t].repeated << " of " << f->repeats[t].families << " ("
        << percent(f->repeats[t].repeated, f->repeats[t].families) << ")\n";
  return exit_ok;
}

int replay(const parsed_args& args, io& streams) {
  auto p = read_period(args);
  if (!p) return usage_error(streams, "triage replay", p.error().message);
  auto in = core::triage::load_instrument_file(args.get("instrument"));
  if (!in) return report_error(streams, in.error());
  auto store = open_protected_store(args.get("data"));
  if (!store) return report_error(streams, store.error());
  auto f = core::triage::replay(store->db.sql(), *store->protection, **in, *core::triage::builtin_lexicons(), p->from, p->to,
                                [&](std::int64_t n) { streams.err << "  " << n << " reports replayed\n" << std::flush; });
  if (!f) return report_error(streams, f.error());
  auto& out = streams.out;
  out << "Replayed " << (*in)->id() << " over " << f->reports << " reports (shadow mode: nothing changed).\n"
      << "Tracks that would change: " << f->changed << " (" << percent(f->changed, f->reports) << ")\n";
  std::int64_t up = 0, down = 0;
  for (size_t i = 1; i <= 3; ++i)
    for (size_t j = 1; j <= 3; ++j) (j > i ? up : down) += i == j ? 0 : f->matrix[i][j];
  out << "  higher: " << up << ", lower: " << down << "\n\nStored proposal (rows) against replayed proposal (columns):\n";
  print_matrix(out, f->matrix, "stored", "replayed");
  return exit_ok;
}

int queue(const parsed_args& args, io& streams) {
  auto limit = number_option(args, "limit", 1, 1000);
  if (!limit) return usage_error(streams, "triage queue", limit.error().message);
  auto db = open_store(args.get("data"));
  if (!db) return report_error(streams, db.error());
  auto entries = core::store::triage_queue(db->sql(), static_cast<int>(*limit));
  if (!entries) return report_error(streams, entries.error());
  for (const auto& e : *entries)
    streams.out << e.report << "\t" << core::format_timestamp(e.reported_at) << "\t" << e.police_zone << "\t"
                << e.external_ref << "\ttrack " << core::to_int(e.proposed)
                << (e.awaiting_confirmation ? "\tawaiting confirmation" : "") << "\n";
  return exit_ok;
}

core::result<core::user> acting_user(core::store::database& db, const parsed_args& args) {
  return core::store::find_user(db.sql(), args.get("user"));
}

int decide(const parsed_args& args, io& streams) {
  auto report = number_option(args, "report", 1, std::numeric_limits<std::int64_t>::max());
  if (!report) return usage_error(streams, "triage decide", report.error().message);
  auto track_number = number_option(args, "track", 1, 3);
  if (!track_number) return usage_error(streams, "triage decide", track_number.error().message);
  auto db = open_store(args.get("data"));
  if (!db) return report_error(streams, db.error());
  auto u = acting_user(*db, args);
  if (!u) return report_error(streams, u.error());
  auto outcome = core::triage::decide(
      db->sql(), {*report, *core::track_from_int(*track_number), u->id, args.get("reason"), core::now_utc()});
  if (!outcome) return report_error(streams, outcome.error());
  if (outcome->awaiting_confirmation)
    streams.out << "Recorded track " << *track_number << " for report " << *report
                << "; lowering the proposed track waits for a second team member's confirmation.\n";
  else
    streams.out << "Decided track " << *track_number << " for report " << *report << "; case " << *outcome->case_ << ".\n";
  return exit_ok;
}

int confirm(const parsed_args& args, io& streams) {
  auto report = number_option(args, "report", 1, std::numeric_limits<std::int64_t>::max());
  if (!report) return usage_error(streams, "triage confirm", report.error().message);
  auto db = open_store(args.get("data"));
  if (!db) return report_error(streams, db.error());
  auto u = acting_user(*db, args);
  if (!u) return report_error(streams, u.error());
  auto outcome = core::triage::confirm(db->sql(), *report, u->id, core::now_utc());
  if (!outcome) return report_error(streams, outcome.error());
  streams.out << "Confirmed the decision on report " << *report << "; case " << *outcome->case_ << ".\n";
  return exit_ok;
}

option_spec from_option() { return {"from", "DATE", "first report date included (YYYY-MM-DD)"}; }
option_spec to_option() { return {"to", "DATE", "first report date excluded (YYYY-MM-DD)"}; }
option_spec user_option() { return {"user", "NAME", "the triage team member deciding", {}, true}; }

}  // namespace

std::vector<command_spec> triage_commands() {
  return {
      {"triage queue", "List the reports awaiting the team's decision, oldest first.",
       {data_option(), {"limit", "N", "at most N reports", "50"}}, {}, queue},
      {"triage decide", "Record the team's track for a report (a reason when it differs from the proposal).",
       {data_option(), {"report", "ID", "the report", {}, true}, {"track", "N", "1, 2 or 3", {}, true}, user_option(),
        {"reason", "TEXT", "why the track differs from the proposal"}},
       {}, decide},
      {"triage confirm", "Confirm, as a second team member, a decision that lowers the proposed track.",
       {data_option(), {"report", "ID", "the report", {}, true}, user_option()}, {}, confirm},
      {"triage validity",
       "Agreement of proposals and decisions: confusion matrix, Cohen's kappa, overrides per rule, repeat reports "
       "within 12 months per track.",
       {data_option(), from_option(), to_option()}, {}, validity},
      {"triage replay", "Run another instrument version over past reports in shadow mode; nothing changes.",
       {data_option(), {"instrument", "FILE", "the instrument file to replay", {}, true}, from_option(), to_option()},
       {}, replay},
  };
}

}  // namespace casechain::api::cli
