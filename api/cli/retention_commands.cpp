// `casechain retention run` and `casechain retention hold add|remove|list`:
// erasing what the retention policy says is due, and the legal holds that
// suspend it. They print ids and counts, never a value (a hold's reason is
// shown only by `hold list`, to the operator who may place holds).
#include "api/cli/cli_audit.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/number_option.hpp"
#include "core/audit/audit_key.hpp"
#include "core/data_dir.hpp"
#include "core/retention/retention_run.hpp"
#include "core/store/database.hpp"
#include "core/store/retention_store.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/write_transaction.hpp"

#include <ostream>

namespace casechain::api::cli {
namespace {

constexpr std::int64_t max_id = std::int64_t{1} << 53;

// --as-of: a date (its midnight, UTC) or a timestamp; now when absent.
core::result<core::timestamp> as_of(const parsed_args& args) {
  if (!args.has("as-of")) return core::now_utc();
  const auto& text = args.get("as-of");
  if (auto t = core::parse_timestamp(text)) return *t;
  if (auto d = core::parse_date(text)) return core::timestamp{std::chrono::sys_days{*d}};
  return core::fail(core::errc::invalid_argument, "--as-of: expected a date (2031-01-31) or a UTC time (2031-01-31T12:00:00Z)");
}

struct hold_target {
  std::optional<core::case_id> on_case;
  std::optional<core::family_id> on_family;
};

core::result<hold_target> target_of(const parsed_args& args) {
  if (args.has("case") == args.has("family"))
    return core::fail(core::errc::invalid_argument, "give one of --case and --family");
  hold_target t;
  if (args.has("case")) {
    auto id = number_option(args, "case", 1, max_id);
    if (!id) return id.error();
    t.on_case = *id;
  } else {
    auto id = number_option(args, "family", 1, max_id);
    if (!id) return id.error();
    t.on_family = *id;
  }
  return t;
}

std::string target_text(const hold_target& t) {
  return t.on_case ? "case " + std::to_string(*t.on_case) : "family " + std::to_string(*t.on_family);
}

int run(const parsed_args& args, io& streams) {
  auto when = as_of(args);
  if (!when) return report_error(streams, when.error());
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return report_error(streams, dir.error());
  std::optional<std::filesystem::path> override_file;
  if (args.has("policy")) override_file = args.get("policy");
  auto policy = core::retention::load_retention_policy(override_file, dir->root() / "retention.json");
  if (!policy) return report_error(streams, policy.error());
  auto db = core::store::database::open(dir->database_file());
  if (!db) return report_error(streams, db.error());
  auto key = core::audit::audit_key::of(*dir);
  if (!key) return report_error(streams, key.error());
  const bool dry = args.has("dry-run");
  core::retention::run_options options{*when, dry, "casechain retention run (by " + command_account() + ")"};
  auto& err = streams.err;
  err << "Retention policy " << policy->version << ", as of " << core::format_timestamp(*when)
      << (dry ? ", dry run (nothing is erased)" : "") << "\n";
  auto summary = core::retention::run_retention(db->sql(), *key, *policy, options, [&](const core::retention::run_progress& p) {
    if (p.erased == 0 || p.erased == p.due || p.erased % 100 == 0)
      err << "  erased " << p.erased << " of " << p.due << " families\n" << std::flush;
  });
  if (!summary) return report_error(streams, summary.error());
  auto& out = streams.out;
  out << "Families examined: " << summary->families_examined << "\n"
      << "Families due for erasure: " << summary->families_due << "\n"
      << "Families due but under a legal hold (kept): " << summary->families_held << "\n";
  if (dry) {
    out << "Dry run: nothing erased.\n";
    return exit_ok;
  }
  out << "Families erased: " << summary->families_erased << " (cases: " << summary->cases_erased << ")\n";
  for (const auto& [kind, count] : summary->rows) out << "  " << kind << ": " << count << "\n";
  if (!summary->log_truncated) {
    out << "The write-ahead log could not be emptied (a reader held it, is a server busy?): run `casechain retention "
           "run` again later, or stop the server, so no erased value stays in it.\n";
    return exit_failure;
  }
  out << "Write-ahead log checkpointed and truncated.\n";
  return exit_ok;
}

// Places or removes holds (`change`, returning how many or which) and audits it, in one transaction.
template <class Change>
core::result<std::int64_t> change_holds(const parsed_args& args, const hold_target& target, const char* what,
                                        const std::string& command, Change&& change) {
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return dir.error();
  auto db = core::store::database::open(dir->database_file());
  if (!db) return db.error();
  return core::store::guarded(what, [&]() -> core::result<std::int64_t> {
    core::store::write_transaction transaction(db->sql());
    auto changed = change(db->sql());
    if (!changed) return changed.error();
    if (auto audited = audit_command(db->sql(), *dir, "retention_hold", command + " " + target_text(target), "");
        !audited)
      return audited.error();
    transaction.commit();
    return changed;
  });
}

int hold_add(const parsed_args& args, io& streams) {
  auto target = target_of(args);
  if (!target) return report_error(streams, target.error());
  auto placed = change_holds(args, *target, "place a legal hold", "casechain retention hold add", [&](SQLite::Database& db) {
    return core::store::add_hold(db, target->on_case, target->on_family, args.get("reason"), command_account(),
                                 core::now_utc());
  });
  if (!placed) return report_error(streams, placed.error());
  streams.out << "Legal hold " << *placed << " placed on " << target_text(*target)
              << ": its family is not erased until the hold is removed.\n";
  return exit_ok;
}

int hold_remove(const parsed_args& args, io& streams) {
  auto target = target_of(args);
  if (!target) return report_error(streams, target.error());
  auto removed = change_holds(args, *target, "remove a legal hold", "casechain retention hold remove",
                              [&](SQLite::Database& db) {
                                return core::store::remove_holds(db, target->on_case, target->on_family,
                                                                 command_account(), core::now_utc());
                              });
  if (!removed) return report_error(streams, removed.error());
  streams.out << "Removed " << *removed << " legal hold(s) on " << target_text(*target) << ".\n";
  return exit_ok;
}

int hold_list(const parsed_args& args, io& streams) {
  auto dir = core::data_dir::open(args.get("data"));
  if (!dir) return report_error(streams, dir.error());
  auto db = core::store::database::open(dir->database_file());
  if (!db) return report_error(streams, db.error());
  auto holds = core::store::list_holds(db->sql());
  if (!holds) return report_error(streams, holds.error());
  auto& out = streams.out;
  if (holds->empty()) out << "No legal holds.\n";
  for (const auto& h : *holds) {
    out << "hold " << h.id << ": family " << h.family;
    if (h.case_) out << " (case " << *h.case_ << ")";
    out << ", placed " << core::format_timestamp(h.placed_at) << " by " << h.placed_by << ": " << h.reason << "\n";
  }
  return exit_ok;
}

option_spec case_option() { return {"case", "ID", "the case (its whole family is held)"}; }
option_spec family_option() { return {"family", "ID", "the family"}; }

}  // namespace

std::vector<command_spec> retention_commands() {
  return {
      {"retention run",
       "Erase the families whose retention periods have all run out (closed help offers 2 years after closing, "
       "closed chain cases 5 years, reports 2 years after the latest; see the README), except those under a legal "
       "hold; one audit entry per erased case and family, counts printed, never values. Safe while the server runs.",
       {data_option(),
        {"dry-run", {}, "only count what is due; change nothing"},
        {"as-of", "DATE", "erase what is due at this date or UTC time (default: now)"},
        {"policy", "FILE", "a retention policy file instead of the data folder's retention.json or the built-in one"}},
       {},
       run},
      {"retention hold add", "Place a legal hold on a case's family (or a family): it is not erased while held.",
       {data_option(), case_option(), family_option(), {"reason", "TEXT", "why (3 to 500 characters)", {}, true}},
       {},
       hold_add},
      {"retention hold remove", "Remove the legal holds placed on a case (or a family).",
       {data_option(), case_option(), family_option()},
       {},
       hold_remove},
      {"retention hold list", "List the legal holds in force.", {data_option()}, {}, hold_list},
  };
}

}  // namespace casechain::api::cli
