// `casechain backup` and `casechain restore`: a consistent copy of the
// database taken while the server runs, and putting one back after it has
// been checked against the folder's keys. Neither prints data.
#include "api/cli/commands.hpp"
#include "core/data_dir.hpp"
#include "core/store/backup.hpp"

#include <ostream>

namespace casechain::api::cli {
namespace {

int backup(const parsed_args& args, io& streams) {
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return report_error(streams, dir.error());
  auto written = core::store::write_backup(dir->database_file(), args.get("out"));
  if (!written) return report_error(streams, written.error());
  streams.out << "Backup written to " << args.get("out")
              << " (mode 0600). It restores with this folder's secrets/audit.key and secrets/data.keys: back them up "
                 "too, apart from it.\n";
  return exit_ok;
}

int restore(const parsed_args& args, io& streams) {
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return report_error(streams, dir.error());
  auto restored = core::store::restore_backup(*dir, args.get("from"));
  if (!restored) return report_error(streams, restored.error());
  streams.out << "Restored from " << args.get("from") << ": integrity ok, audit trail verifies ("
              << restored->audit_entries << " entries), "
              << (restored->sealed_sample ? "sealed values open with this folder's data keys"
                                          : "no sealed values to check")
              << ".\n";
  return exit_ok;
}

}  // namespace

std::vector<command_spec> backup_commands() {
  return {{"backup",
           "Write a consistent copy of the database to FILE (mode 0600, atomically), also while the server runs.",
           {data_option(), {"out", "FILE", "the backup file to write", {}, true}},
           {},
           backup},
          {"restore",
           "Check a backup (integrity, audit chain, a sealed sample against this folder's keys), then replace the "
           "database with it. Stop the server first.",
           {data_option(), {"from", "FILE", "the backup file to restore", {}, true}},
           {},
           restore}};
}

}  // namespace casechain::api::cli
