#include "core/retention/retention_run.hpp"

#include "core/store/audit_store.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <vector>

namespace casechain::core::retention {
namespace {

constexpr int family_batch = 1000;
constexpr std::string_view erase_action = "erase";
constexpr std::string_view erased_categories =
    "identity,safe_address,incident,judicial,risk,care_notes,action_plan,round_table";

void later(std::optional<timestamp>& due, std::optional<timestamp> candidate) {
  if (candidate && (!due || *candidate > *due)) due = candidate;
}

std::string counts_text(const std::map<std::string, std::int64_t>& rows) {
  std::string text;
  for (const auto& [kind, count] : rows) {
    if (count == 0) continue;
    if (!text.empty()) text += ", ";
    text += kind;
    text += ' ';
    text += std::to_string(count);
  }
  return text.empty() ? std::string("no rows") : text;
}

audit::audit_entry erasure_entry(const run_options& options, std::optional<case_id> erased_case, std::string what) {
  audit::audit_entry e;
  e.at = now_utc();
  e.action = std::string(erase_action);
  e.case_ref = erased_case;
  e.category = std::string(erased_categories);
  e.legal_basis = "retention";
  e.purpose = options.purpose + ": " + std::move(what);  // bounded to the column's size by the store
  return e;
}

// The family's erasure and its audit entries, in one transaction; nullopt
// when the family is kept after all (a hold placed, or a case reopened, since the search).
result<std::optional<store::erasure_counts>> erase_and_record(SQLite::Database& db, const audit::audit_key& key,
                                                              const retention_policy& policy,
                                                              const run_options& options, family_id family) {
  return store::guarded("erase a family", [&]() -> result<std::optional<store::erasure_counts>> {
    store::write_transaction transaction(db);
    auto state = store::family_erasability(db, family);
    if (!state) return state.error();
    if (*state != store::erasability::erasable) return std::optional<store::erasure_counts>{};
    auto counts = store::erase_family(db, family);
    if (!counts) return counts.error();
    std::vector<audit::audit_entry> entries;
    const std::string family_text = "family " + std::to_string(family) + " erased under " + policy.version;
    for (auto c : counts->cases)
      entries.push_back(erasure_entry(options, c, family_text + ", its case " + std::to_string(c)));
    entries.push_back(erasure_entry(options, std::nullopt, family_text + " (" + counts_text(counts->rows) + ")"));
    if (auto recorded = store::append_audit_entries(db, key, entries); !recorded) return recorded.error();
    transaction.commit();
    return std::optional<store::erasure_counts>(std::move(*counts));
  });
}

}  // namespace

std::optional<timestamp> erasure_due_at(const store::family_retention_dates& family, const retention_policy& policy) {
  if (family.open_case) return std::nullopt;
  std::optional<timestamp> due;
  if (family.help_offer_closed) later(due, after(*family.help_offer_closed, policy.closed_help_offer));
  if (family.chain_case_closed) later(due, after(*family.chain_case_closed, policy.closed_chain_case));
  // A family with no report (made by hand) runs from its making.
  later(due, after(family.latest_report.value_or(family.created_at), policy.report_without_case));
  return due;
}

result<run_summary> run_retention(SQLite::Database& db, const audit::audit_key& key, const retention_policy& policy,
                                  const run_options& options, const std::function<void(const run_progress&)>& progress) {
  auto secure = store::guarded("check secure delete", [&]() -> result<bool> {
    return db.execAndGet("PRAGMA secure_delete").getInt() == 1;
  });
  if (!secure) return secure.error();
  if (!*secure) return fail(errc::failed_precondition, "secure_delete is off on this connection: nothing is erased");

  run_summary summary;
  // First find every due family (reading only), then erase them one by one.
  std::vector<family_id> due;
  family_id after_family = 0;
  for (;;) {
    auto batch = store::family_retention_dates_batch(db, after_family, family_batch);
    if (!batch) return batch.error();
    for (const auto& family : *batch) {
      ++summary.families_examined;
      auto at = erasure_due_at(family, policy);
      if (!at || *at > options.as_of) continue;
      if (family.held) {
        ++summary.families_held;
        continue;
      }
      due.push_back(family.family);
    }
    if (batch->size() < static_cast<std::size_t>(family_batch)) break;
    after_family = batch->back().family;
  }
  summary.families_due = static_cast<std::int64_t>(due.size());
  run_progress shown{0, summary.families_due};
  if (progress) progress(shown);
  if (options.dry_run) return summary;

  for (auto family : due) {
    auto counts = erase_and_record(db, key, policy, options, family);
    if (!counts) return counts.error();
    if (!*counts) continue;
    ++summary.families_erased;
    summary.cases_erased += static_cast<std::int64_t>((*counts)->cases.size());
    for (const auto& [kind, count] : (*counts)->rows) summary.rows[kind] += count;
    ++shown.erased;
    if (progress) progress(shown);
  }
  if (summary.families_erased > 0 || summary.families_due == 0) {
    auto checkpoint = store::guarded("truncate the write-ahead log", [&]() -> result<bool> {
      SQLite::Statement q(db, "PRAGMA wal_checkpoint(TRUNCATE)");
      q.executeStep();
      return q.getColumn(0).getInt() == 0;  // 1: busy, a reader or writer kept it from finishing
    });
    if (!checkpoint) return checkpoint.error();
    summary.log_truncated = *checkpoint;
  }
  return summary;
}

}  // namespace casechain::core::retention
