// `casechain keys status` and `casechain keys rotate`: the data key ring of
// a data folder. They print versions and counts, never key material.
#include "api/cli/commands.hpp"
#include "api/cli/open_store.hpp"
#include "core/data_protection.hpp"

#include <ostream>

namespace casechain::api::cli {
namespace {

void print_versions(std::ostream& out, const std::vector<core::crypto::key_version>& versions) {
  for (size_t i = 0; i < versions.size(); ++i) out << (i ? ", " : "") << versions[i];
}

int status(const parsed_args& args, io& streams) {
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return report_error(streams, dir.error());
  auto db = core::store::database::open(dir->database_file());
  if (!db) return report_error(streams, db.error());
  auto s = core::read_data_key_status(*dir, db->sql());
  if (!s) return report_error(streams, s.error());
  auto& out = streams.out;
  out << "Data key file: " << core::data_keys_file(*dir).string() << "\nKey versions held: ";
  print_versions(out, s->versions);
  out << " (active: " << s->active << ")\nSealed values per key version:\n";
  if (s->sealed_values.empty()) out << "  (none)\n";
  for (const auto& [version, count] : s->sealed_values)
    out << "  " << (version == 0 ? std::string("unknown format") : "version " + std::to_string(version)) << ": "
        << count << "\n";
  return exit_ok;
}

int rotate(const parsed_args& args, io& streams) {
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return report_error(streams, dir.error());
  auto db = core::store::database::open(dir->database_file());
  if (!db) return report_error(streams, db.error());
  auto outcome = core::rotate_data_keys(*dir, db->sql(), [&](const core::rotation_progress& p) {
    streams.err << "  re-sealed " << p.resealed << " of " << p.to_reseal << " values\n" << std::flush;
  });
  if (!outcome) return report_error(streams, outcome.error());
  auto& out = streams.out;
  out << (outcome->resumed ? "Carried on an unfinished rotation" : "Rotated") << ": key version " << outcome->active
      << " is active; " << outcome->resealed << " values re-sealed.\n";
  if (!outcome->retired.empty()) {
    out << "Retired key versions: ";
    print_versions(out, outcome->retired);
    out << " (what they sealed can no longer be opened; the backups of the key file still can).\n";
  }
  for (const auto& [version, count] : outcome->still_in_use)
    out << "Key version " << version << " is still used by " << count
        << " values sealed meanwhile (is a server running?); stop it and run `casechain keys rotate` again.\n";
  return outcome->still_in_use.empty() ? exit_ok : exit_failure;
}

}  // namespace

std::vector<command_spec> key_commands() {
  return {
      {"keys status", "Show the data key versions and how many sealed values each one seals.", {data_option()}, {},
       status},
      {"keys rotate",
       "Make a new data key, re-seal every sealed value under it (in batches; safe to interrupt and run again), "
       "then retire the old keys. Run it with the server stopped.",
       {data_option()}, {}, rotate},
  };
}

}  // namespace casechain::api::cli
