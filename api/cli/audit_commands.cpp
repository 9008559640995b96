// `casechain audit verify`: checks the whole audit trail's hash chain and
// names the first entry that does not verify.
#include "api/cli/commands.hpp"
#include "api/cli/open_store.hpp"
#include "core/audit/audit_key.hpp"
#include "core/store/audit_store.hpp"

#include <ostream>

namespace casechain::api::cli {
namespace {

int verify(const parsed_args& args, io& streams) {
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return report_error(streams, dir.error());
  auto key = core::audit::audit_key::existing(*dir);
  if (!key) return report_error(streams, key.error());
  // The head before the trail: every entry it names was committed before the trail is read.
  auto head = core::audit::read_audit_head(*dir);
  if (!head) return report_error(streams, head.error());
  auto db = core::store::database::open(dir->database_file());
  if (!db) return report_error(streams, db.error());
  auto checked = core::store::verify_audit_trail(db->sql(), *key, *head, [&](std::int64_t n) {
    streams.err << "  " << n << " entries checked\n";
  });
  if (!checked) return report_error(streams, checked.error());
  if (checked->first_bad) {
    streams.out << "The audit trail does NOT verify. First bad entry: " << *checked->first_bad << ".\n"
                << checked->problem << "\n"
                << checked->entries << " entries before it verify.\n";
    return exit_failure;
  }
  streams.out << "The audit trail verifies: " << checked->entries << " entries, unbroken";
  if (*head) streams.out << ", through entry " << (*head)->id << " recorded in secrets/audit.head";
  streams.out << ".\n";
  return exit_ok;
}

}  // namespace

std::vector<command_spec> audit_commands() {
  return {{"audit verify",
           "Check the audit trail's hash chain from its first entry; name the first entry that does not verify.",
           {data_option()},
           {},
           verify}};
}

}  // namespace casechain::api::cli
