// `casechain demo generate`: synthetic police reports as NDJSON.
#include "api/cli/commands.hpp"
#include "api/cli/number_option.hpp"
#include "api/demo/seed.hpp"
#include "core/demo/report_generator.hpp"
#include "core/model/report_json.hpp"
#include "core/util/atomic_file.hpp"

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <limits>
#include <ostream>

namespace casechain::api::cli {
namespace {

constexpr std::int64_t max_reports = 100'000'000;

// Writes `options.reports` reports to `sink`, one JSON object per line.
template <class Sink>
bool write_reports(const core::demo::generator_options& options, Sink&& sink) {
  core::demo::report_generator generator(options);
  core::police_report report;
  std::string buffer;
  buffer.reserve(1 << 20);
  while (generator.next(report)) {
    core::append_report_json(buffer, report);
    buffer += '\n';
    if (buffer.size() >= (1 << 20) - 8192) {
      if (!sink(buffer)) return false;
      buffer.clear();
    }
  }
  return sink(buffer);
}

int generate(const parsed_args& args, io& streams) {
  core::demo::generator_options options;
  auto reports = number_option(args, "reports", 1, max_reports);
  if (!reports) return usage_error(streams, "demo generate", reports.error().message);
  auto seed = number_option(args, "seed", 0, std::numeric_limits<std::int64_t>::max());
  if (!seed) return usage_error(streams, "demo generate", seed.error().message);
  auto days = number_option(args, "days", 1, 3660);
  if (!days) return usage_error(streams, "demo generate", days.error().message);
  auto start = core::parse_date(args.get("start"));
  if (!start) return usage_error(streams, "demo generate", "--start: expected a date YYYY-MM-DD");
  options.reports = *reports;
  options.seed = static_cast<std::uint64_t>(*seed);
  options.days = static_cast<int>(*days);
  options.start = *start;

  auto began = std::chrono::steady_clock::now();
  const auto& out_path = args.get("out");
  if (out_path.empty() || out_path == "-") {
    bool ok = write_reports(options, [&](const std::string& chunk) {
      streams.out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      return static_cast<bool>(streams.out);
    });
    if (!ok) return report_error(streams, core::fail(core::errc::unavailable, "cannot write to standard output"));
  } else {
    auto file = core::atomic_file::create(out_path);
    if (!file) return report_error(streams, file.error());
    bool ok = write_reports(options, [&](const std::string& chunk) { return file->write(chunk); });
    auto committed = ok ? file->commit() : core::result<void>(core::fail(core::errc::unavailable, "cannot write " + out_path));
    if (!committed) return report_error(streams, committed.error());
  }
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
  streams.err << "Generated " << options.reports << " reports (seed " << options.seed << ") in " << std::fixed
              << std::setprecision(2) << took.count() << " s\n";
  return exit_ok;
}

int seed_demo(const parsed_args& args, io& streams) {
  auto reports = number_option(args, "reports", 1, 1'000'000);
  if (!reports) return usage_error(streams, "demo seed", reports.error().message);
  auto seed = number_option(args, "seed", 0, std::numeric_limits<std::int64_t>::max());
  if (!seed) return usage_error(streams, "demo seed", seed.error().message);
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return report_error(streams, dir.error());
  auto began = std::chrono::steady_clock::now();
  auto seeded = api::demo::seed(*dir, {*reports, static_cast<std::uint64_t>(*seed), core::date_of(core::now_utc())},
                                [&](const std::string& step) { streams.err << "  " << step << "\n" << std::flush; });
  if (!seeded) return report_error(streams, seeded.error());
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
  streams.out << "Demo data: " << seeded->reports << " reports, " << seeded->decided << " decided, " << seeded->cases
              << " cases (" << std::fixed << std::setprecision(1) << took.count() << " s).\n\n"
              << "Demo accounts (the passwords are shown this once; they are stored only as hashes):\n";
  for (const auto& a : seeded->accounts)
    streams.out << "  " << std::left << std::setw(18) << a.username << std::setw(15) << a.role << std::setw(22)
                << a.password << a.organisation << "\n";
  return exit_ok;
}

}  // namespace

std::vector<command_spec> demo_commands() {
  return {{"demo seed",
           "Fill an empty data folder with demo data: organisations, one user per role (passwords printed once), "
           "generated reports imported and triaged, cases along the chain.",
           {data_option(), {"reports", "N", "how many reports", "3000"}, {"seed", "S", "the random seed", "1"}},
           {},
           seed_demo},
          {
      "demo generate",
      "Write synthetic police reports as NDJSON (deterministic for a seed).",
      {{"reports", "N", "how many reports", "1000"},
       {"seed", "S", "the random seed", "1"},
       {"start", "DATE", "the first reporting day", "2025-01-01"},
       {"days", "D", "the number of days the reports span", "365"},
       {"out", "FILE", "write to FILE (atomically) instead of standard output"}},
      {},
      generate,
  }};
}

}  // namespace casechain::api::cli
