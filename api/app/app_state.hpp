#pragma once
// What every request handler shares: the data folder, its database
// connections, the data key ring, password hashing, log-in throttling, session settings, the
// triage instrument, and the clock (injectable, so tests can move time).
// Thread-safe: members are either immutable or guard themselves.

#include "api/app/database_pool.hpp"
#include "core/audit/audit_head.hpp"
#include "core/audit/audit_key.hpp"
#include "core/audit/group_commit.hpp"
#include "core/auth/login_throttle.hpp"
#include "core/auth/password.hpp"
#include "core/auth/sessions.hpp"
#include "core/crypto/field_protection.hpp"
#include "core/intake/importer.hpp"
#include "core/policy/policy_table.hpp"
#include "core/data_dir.hpp"
#include "core/triage/instrument.hpp"
#include "core/triage/narrative_cues.hpp"

#include <functional>
#include <memory>
#include <optional>

namespace casechain::api {

struct app_settings {
  core::auth::session_settings sessions;
  std::size_t readers = 4;  // reader connections
  core::auth::argon2_parameters password_cost{};
  std::chrono::seconds emergency_access{4 * 3600};  // how long "break the glass" lasts
  std::chrono::seconds danger_override{24 * 3600};  // how long sharing in imminent danger lasts
  // Group commit of audit entries: under concurrency, gather a group this long (or up to 256
  // entries) before its one sync. 0 (the default) commits each group as soon as the previous
  // one is done: the entries that arrive during a sync form the next group. Waiting only
  // added latency: with 64 clients a group never reached 256, every answer waited out the
  // window, and bench/api_bench's case reads fell to half (4,300 against 8,900 requests/s).
  std::chrono::microseconds audit_gather_window{0};
  // How often secrets/audit.head may be rewritten: a file written after every group would
  // cost each read more than its audit entry. The head lags by at most this much activity.
  std::chrono::milliseconds audit_head_interval{50};
};

class app_state {
 public:
  static core::result<std::unique_ptr<app_state>> open(const core::data_dir& dir, const app_settings& settings);
  // Commits the audit entries still pending and brings audit.head up to date.
  ~app_state();

  database_pool& db() { return *db_; }
  const core::data_dir& dir() const { return *dir_; }
  // Runs `work(report_importer&, writer)` with the importer bound to the
  // writer connection (its statements are prepared once), under its lock.
  template <class Work>
  auto with_importer(Work&& work) {
    return db_->write([&](SQLite::Database& writer) { return work(*importer_, writer); });
  }
  // Seals and opens the sensitive fields (narratives, addresses, phones).
  const core::crypto::field_protection& protection() const { return *protection_; }
  const core::auth::password_hasher& hasher() const { return *hasher_; }
  const core::audit::audit_key& audit_key() const { return *audit_key_; }
  // Appends requests' audit entries in groups on the writer (one sync per group).
  core::audit::group_commit& audit_commits() { return *audit_commits_; }
  core::auth::login_throttle& throttle() { return throttle_; }
  const app_settings& settings() const { return settings_; }
  const core::triage::instrument& instrument() const { return *instrument_; }
  // The secrecy policy table, loaded at start-up.
  const core::policy::policy_table& policy() const { return *policy_; }
  const core::triage::lexicon_set& lexicons() const { return *lexicons_; }
  std::shared_ptr<const core::triage::instrument> instrument_ptr() const { return instrument_; }
  std::shared_ptr<const core::triage::lexicon_set> lexicons_ptr() const { return lexicons_; }

  core::timestamp now() const { return clock_(); }
  // For tests: time that moves only when told.
  void set_clock(std::function<core::timestamp()> clock) { clock_ = std::move(clock); }
  // For the API benchmark only (bench/unaudited_server.cpp): audit entries go to
  // `append` instead of the trail, to measure what the audit costs. Call before serving.
  void replace_audit_append_for_benchmark(core::audit::group_commit::append_function append);

 private:
  app_state() = default;
  // After a group of audit entries commits: moves secrets/audit.head to the newest entry.
  // At most every settings' audit_head_interval, and once more when the server stops.
  void advance_audit_head(SQLite::Database& writer, bool now = false);

  std::optional<core::data_dir> dir_;
  std::unique_ptr<database_pool> db_;
  // The id audit.head holds; only the committing thread touches it. Frozen (never written
  // again) once the trail contradicts it, so the evidence stays for `audit verify`.
  std::optional<core::audit::audit_head> audit_head_;
  bool audit_head_frozen_ = false;
  std::chrono::steady_clock::time_point audit_head_written_{};
  std::shared_ptr<const core::crypto::field_protection> protection_;  // before importer_, which refers to it
  std::unique_ptr<core::intake::report_importer> importer_;
  std::unique_ptr<core::auth::password_hasher> hasher_;
  std::unique_ptr<core::audit::audit_key> audit_key_;
  core::auth::login_throttle throttle_;
  app_settings settings_;
  std::shared_ptr<const core::triage::instrument> instrument_;
  std::shared_ptr<const core::triage::lexicon_set> lexicons_;
  std::shared_ptr<const core::policy::policy_table> policy_;
  std::function<core::timestamp()> clock_ = [] { return core::now_utc(); };
  std::unique_ptr<core::audit::group_commit> audit_commits_;  // declared last, so stopped first: its thread uses the members above
};

}  // namespace casechain::api
