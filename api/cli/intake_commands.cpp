// `casechain import FILE` and `casechain triage FILE`: police reports in.
#include "api/cli/commands.hpp"
#include "api/cli/input_file.hpp"
#include "api/cli/open_store.hpp"
#include "core/intake/importer.hpp"
#include "core/triage/proposal.hpp"
#include "core/util/json_writer.hpp"

#include <chrono>
#include <iomanip>
#include <ostream>

namespace casechain::api::cli {
namespace {

using clock_type = std::chrono::steady_clock;

core::result<std::shared_ptr<const core::triage::instrument>> chosen_instrument(const parsed_args& args) {
  if (args.get("instrument").empty()) return core::triage::builtin_instrument();
  return core::triage::load_instrument_file(args.get("instrument"));
}

void print_rate(std::ostream& err, std::int64_t count, clock_type::time_point began) {
  std::chrono::duration<double> took = clock_type::now() - began;
  err << std::fixed << std::setprecision(0) << (took.count() > 0 ? static_cast<double>(count) / took.count() : 0.0)
      << " reports/s";
}

int import_reports(const parsed_args& args, io& streams) {
  auto input = open_input(args.positionals()[0], args.get("format"), streams);
  if (!input) return report_error(streams, input.error());
  auto instrument = chosen_instrument(args);
  if (!instrument) return report_error(streams, instrument.error());
  auto store = open_protected_store(args.get("data"));
  if (!store) return report_error(streams, store.error());

  core::intake::report_importer importer(store->db.sql(), *store->protection, *instrument,
                                         core::triage::builtin_lexicons());
  auto began = clock_type::now();
  auto last_progress = began;
  auto progress = [&](const core::intake::import_summary& s) {
    auto now = clock_type::now();
    if (now - last_progress < std::chrono::seconds(2)) return;
    last_progress = now;
    streams.err << "  " << s.read << " read, " << s.imported << " imported, " << s.rejected << " rejected (";
    print_rate(streams.err, s.read, began);
    streams.err << ")\n" << std::flush;
  };
  auto summary = importer.import_batch(*input->stream, input->format, core::now_utc(), progress,
                                       core::intake::report_importer::bulk_batch_size);
  if (!summary) return report_error(streams, summary.error());
  for (const auto& rejection : summary->rejections) streams.err << "rejected: " << rejection.message << "\n";
  if (summary->rejected > static_cast<std::int64_t>(summary->rejections.size()))
    streams.err << "(and " << summary->rejected - static_cast<std::int64_t>(summary->rejections.size())
                << " more rejected lines)\n";
  streams.out << "Imported " << summary->imported << " of " << summary->read << " reports ("
              << summary->duplicates << " duplicates, " << summary->rejected - summary->duplicates << " invalid) in ";
  std::chrono::duration<double> took = clock_type::now() - began;
  streams.out << std::fixed << std::setprecision(1) << took.count() << " s, ";
  print_rate(streams.out, summary->read, began);
  streams.out << ".\nProposed tracks: 1: " << summary->track_counts[1] << ", 2: " << summary->track_counts[2]
              << ", 3: " << summary->track_counts[3] << ". Persons flagged as probable matches: "
              << summary->probable_matches << ".\n";
  return summary->rejected == 0 ? exit_ok : exit_failure;
}

int triage_offline(const parsed_args& args, io& streams) {
  auto input = open_input(args.positionals()[0], args.get("format"), streams);
  if (!input) return report_error(streams, input.error());
  auto instrument = chosen_instrument(args);
  if (!instrument) return report_error(streams, instrument.error());
  auto lexicons = core::triage::builtin_lexicons();
  core::report_reader reader(*input->stream, input->format);
  std::string line;
  std::int64_t rejected = 0;
  const core::store::family_history no_history;  // offline: nothing is known of the families
  while (auto item = reader.next()) {
    line.clear();
    core::json_writer w(line);
    w.begin_object();
    w.field("line", item->line);
    if (item->report) {
      w.field("external_ref", item->report->external_ref);
      w.key("proposal");
      core::triage::append_proposal_json(line, core::triage::evaluate(**instrument, *lexicons, *item->report, no_history));
    } else {
      ++rejected;
      w.field("error", item->report.error().message);
    }
    line += "}\n";
    streams.out << line;
  }
  return rejected == 0 ? exit_ok : exit_failure;
}

option_spec format_option() { return {"format", "FORMAT", "ndjson or csv (default: from the file name or its content)"}; }
option_spec instrument_option() {
  return {"instrument", "FILE", "an instrument file instead of the built-in swift-1"};
}

}  // namespace

std::vector<command_spec> intake_commands() {
  return {
      {"import",
       "Import police reports (NDJSON or CSV; FILE or - for standard input): store, link and triage each. Good "
       "reports are stored, rejected lines are listed; exit status 1 when any line was rejected.",
       {data_option(), format_option(), instrument_option()},
       {"FILE"},
       import_reports},
      {"triage",
       "Classify police reports offline: one decision record per line as JSON on standard output; nothing is "
       "stored and no family history is used.",
       {format_option(), instrument_option()},
       {"FILE"},
       triage_offline},
  };
}

}  // namespace casechain::api::cli
