// Intake benchmark (the triage issue's targets), in one run:
//  - import with linking and triage into a fresh database, against plain
//    batched inserts of the same reports' rows with no logic (both read and
//    parse the same NDJSON file): target ratio >= 0.25;
//  - peak memory of the import at each size (target: the same within 20 %);
//  - offline triage (parse + classify) against parsing alone: target >= 0.5.
// Usage: casechain_bench_import [--reports 100000,1000000] [--seed 1] [--dir DIR]
#include "bench/bench_support.hpp"
#include "core/demo/report_generator.hpp"
#include "core/intake/importer.hpp"
#include "core/intake/report_reader.hpp"
#include "core/model/report_json.hpp"
#include "core/store/database.hpp"
#include "core/store/write_transaction.hpp"
#include "core/triage/proposal.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

using namespace casechain;
namespace fs = std::filesystem;

namespace {

void generate(const fs::path& file, std::int64_t reports, std::uint64_t seed) {
  core::demo::report_generator generator({seed, reports});
  std::ofstream out(file, std::ios::binary);
  core::police_report report;
  std::string line;
  while (generator.next(report)) {
    line.clear();
    core::append_report_json(line, report);
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
}

core::store::database fresh_database(const fs::path& file) {
  fs::remove(file);
  fs::remove(file.string() + "-wal");
  fs::remove(file.string() + "-shm");
  return core::store::database::open(file, {.create = true}).value();
}

std::int64_t plain_inserts(const fs::path& input, const fs::path& db_file) {
  auto db = fresh_database(db_file);
  auto protection = core::crypto::ephemeral_protection();
  core::store::report_writer writer(db.sql(), *protection, /*own_transaction=*/false);
  std::ifstream in(input, std::ios::binary);
  core::report_reader reader(in, core::batch_format::ndjson);
  std::int64_t count = 0;
  auto now = core::now_utc();
  std::optional<core::store::write_transaction> batch;
  while (auto item = reader.next()) {
    if (!batch) batch.emplace(db.sql());
    writer.add(item->report.value(), now).value();
    // As many rows per transaction as the import puts in one (a fair floor).
    if (++count % static_cast<std::int64_t>(core::intake::report_importer::bulk_batch_size) == 0)
      batch->commit(), batch.reset();
  }
  if (batch) batch->commit();
  return count;
}

std::int64_t full_import(const fs::path& input, const fs::path& db_file) {
  auto db = fresh_database(db_file);
  auto protection = core::crypto::ephemeral_protection();
  core::intake::report_importer importer(db.sql(), *protection, core::triage::builtin_instrument(),
                                         core::triage::builtin_lexicons());
  std::ifstream in(input, std::ios::binary);
  auto summary = importer.import_batch(in, core::batch_format::ndjson, core::now_utc(), {},
                                       core::intake::report_importer::bulk_batch_size)
                     .value();
  if (summary.rejected != 0) throw std::runtime_error("the import rejected generated reports");
  std::printf("    proposed split: track 1 %.1f %%, track 2 %.1f %%, track 3 %.1f %%; %lld probable matches flagged\n",
              100.0 * static_cast<double>(summary.track_counts[1]) / static_cast<double>(summary.imported),
              100.0 * static_cast<double>(summary.track_counts[2]) / static_cast<double>(summary.imported),
              100.0 * static_cast<double>(summary.track_counts[3]) / static_cast<double>(summary.imported),
              static_cast<long long>(summary.probable_matches));
  std::fflush(stdout);
  return summary.imported;
}

std::int64_t parse_only(const fs::path& input) {
  std::ifstream in(input, std::ios::binary);
  core::report_reader reader(in, core::batch_format::ndjson);
  std::int64_t count = 0;
  while (auto item = reader.next()) count += item->report ? 1 : 0;
  return count;
}

std::int64_t parse_and_classify(const fs::path& input) {
  std::ifstream in(input, std::ios::binary);
  core::report_reader reader(in, core::batch_format::ndjson);
  auto instrument = core::triage::builtin_instrument();
  auto lexicons = core::triage::builtin_lexicons();
  std::int64_t count = 0;
  std::string out;
  while (auto item = reader.next()) {
    out.clear();
    core::triage::append_proposal_json(out, core::triage::evaluate(*instrument, *lexicons, item->report.value(), {}));
    count += out.empty() ? 0 : 1;
  }
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::int64_t> sizes{100000, 1000000};
  std::uint64_t seed = 1;
  fs::path dir = fs::temp_directory_path() / "casechain-bench";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--reports") {
      sizes.clear();
      std::stringstream list(value);
      for (std::string part; std::getline(list, part, ',');) sizes.push_back(std::stoll(part));
    } else if (flag == "--seed") {
      seed = std::stoull(value);
    } else if (flag == "--dir") {
      dir = value;
    } else {
      std::cerr << "usage: casechain_bench_import [--reports N[,N...]] [--seed S] [--dir DIR]\n";
      return 2;
    }
  }
  fs::create_directories(dir);
  std::vector<bench::phase_result> imports;
  for (auto n : sizes) {
    auto input = dir / ("reports-" + std::to_string(n) + ".ndjson");
    std::printf("%lld generated reports (seed %llu):\n", static_cast<long long>(n), static_cast<unsigned long long>(seed));
    std::fflush(stdout);
    generate(input, n, seed);
    auto plain = bench::run_phase([&] { return plain_inserts(input, dir / "plain.db"); });
    bench::print_phase("plain batched inserts (parse + insert rows)", plain);
    auto import = bench::run_phase([&] { return full_import(input, dir / "import.db"); });
    bench::print_phase("import (parse + link + triage + store)", import);
    auto parsed = bench::run_phase([&] { return parse_only(input); });
    bench::print_phase("parse only", parsed);
    auto classified = bench::run_phase([&] { return parse_and_classify(input); });
    bench::print_phase("offline triage (parse + classify)", classified);
    std::printf("  import / plain-insert rate:  %.3f (target >= 0.25)\n", import.rate() / plain.rate());
    std::printf("  triage / parse rate:         %.3f (target >= 0.5)\n\n", classified.rate() / parsed.rate());
    std::fflush(stdout);
    imports.push_back(import);
    fs::remove(input);
  }
  if (imports.size() >= 2)
    std::printf("peak import memory, largest / smallest size: %.2f (target 0.8 to 1.2)\n",
                static_cast<double>(imports.back().peak_rss_kib) / static_cast<double>(imports.front().peak_rss_kib));
  fs::remove_all(dir);
  return 0;
}
