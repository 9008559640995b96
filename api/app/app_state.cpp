#include "api/app/app_state.hpp"

#include "core/store/audit_store.hpp"
#include "core/data_protection.hpp"
#include "core/store/sqlite_error.hpp"

namespace casechain::api {

core::result<std::unique_ptr<app_state>> app_state::open(const core::data_dir& dir, const app_settings& settings) {
  auto app = std::unique_ptr<app_state>(new app_state());
  app->dir_ = dir;
  auto pool = database_pool::open(dir.database_file(), settings.readers);
  if (!pool) return pool.error();
  app->db_ = std::move(*pool);
  auto pepper = dir.pepper();
  if (!pepper) return pepper.error();
  app->hasher_ = std::make_unique<core::auth::password_hasher>(*pepper, settings.password_cost);
  auto key = core::audit::audit_key::of(dir);
  if (!key) return key.error();
  app->audit_key_ = std::make_unique<core::audit::audit_key>(std::move(*key));
  app->audit_commits_ = std::make_unique<core::audit::group_commit>([raw = app.get()](std::span<core::audit::audit_entry> group) {
    return raw->db_->write([&](SQLite::Database& writer) {
      auto appended = core::store::append_audit_entries(writer, *raw->audit_key_, group);
      if (appended) raw->advance_audit_head(writer);
      return appended;
    });
  }, core::audit::group_commit::options{.gather_window = settings.audit_gather_window});
  app->settings_ = settings;
  // Where audit.head stands, and whether the trail still agrees with it.
  auto head = core::audit::read_audit_head(dir);
  if (!head) {
    app->audit_head_frozen_ = true;  // damaged: left for `audit verify` to report
  } else {
    app->audit_head_ = *head;
  }
  // The key ring is loaded (or made, for a database with nothing sealed) once, by the writer.
  auto protection = app->db_->write([&](SQLite::Database& writer) { return core::load_field_protection(dir, writer); });
  if (!protection) return protection.error();
  app->protection_ = std::move(*protection);
  app->instrument_ = core::triage::builtin_instrument();
  app->lexicons_ = core::triage::builtin_lexicons();
  app->policy_ = core::policy::builtin_policy();
  auto made = app->db_->write([&](SQLite::Database& writer) {
    return core::store::guarded("prepare intake", [&]() -> core::result<void> {
      app->importer_ = std::make_unique<core::intake::report_importer>(writer, *app->protection_, app->instrument_,
                                                                      app->lexicons_);
      return {};
    });
  });
  if (!made) return made.error();
  return app;
}

app_state::~app_state() {
  audit_commits_.reset();
  if (db_ && dir_) db_->write([&](SQLite::Database& writer) { advance_audit_head(writer, true); });
}

void app_state::advance_audit_head(SQLite::Database& writer, bool now) {
  if (audit_head_frozen_) return;
  auto clock = std::chrono::steady_clock::now();
  if (!now && clock - audit_head_written_ < settings_.audit_head_interval) return;
  auto newest = core::store::newest_audit_entry(writer);
  if (!newest || !*newest) return;
  if (audit_head_) {
    if ((*newest)->id <= audit_head_->id) {
      audit_head_frozen_ = (*newest)->id < audit_head_->id;  // the trail shrank
      return;
    }
    // Moving on only from an entry the trail still holds unchanged, so a cut is never blessed.
    auto held = core::store::audit_entry_hash(writer, audit_head_->id);
    if (!held) return;
    if (!*held || **held != audit_head_->hash) {
      audit_head_frozen_ = true;
      return;
    }
  }
  // A failed write only leaves the head behind, which verification allows.
  if (core::audit::write_audit_head(*dir_, **newest)) {
    audit_head_ = *newest;
    audit_head_written_ = clock;
  }
}

void app_state::replace_audit_append_for_benchmark(core::audit::group_commit::append_function append) {
  audit_commits_ = std::make_unique<core::audit::group_commit>(
      std::move(append), core::audit::group_commit::options{.gather_window = settings_.audit_gather_window});
}

}  // namespace casechain::api
