#pragma once
// Recording a request in the audit trail. Handlers record what they did
// (record()); a change is committed together with its entries
// (audited_write()); whatever a request did not commit itself, a read or a
// refusal, is completed by finish_audit() and committed by group commit
// before the answer leaves (api/server). Every authenticated request leaves
// at least one entry.

#include "api/http/router.hpp"
#include "core/store/audit_store.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/write_transaction.hpp"

#include <type_traits>

namespace casechain::api {

// An entry for `c`'s user, route and request id; the caller fills the rest.
core::audit::audit_entry audit_entry_for(const request_context& c, std::string_view action);

// Records one access: `categories` and `bases` are comma-separated, in the same order.
void record(request_context& c, std::string_view action, std::optional<core::case_id> case_ref,
            std::string categories = {}, std::string bases = {},
            core::audit::outcome result = core::audit::outcome::allowed);

// Completes the request's entries from its answer: a default entry when the
// handler recorded none (an authenticated request always leaves one), and a
// refused or failed answer marks entries that claimed success.
void finish_audit(request_context& c, unsigned status);

namespace detail {
template <class R>
bool refused(const R& r) {
  if (!r) return true;
  if constexpr (std::is_same_v<R, core::result<response>>) return r->result_int() >= 400;
  else return false;
}
}  // namespace detail

// Runs `work(db)` in one transaction with the request's audit entries, on
// `db` (the writer, already held): both commit, or neither (a failing audit
// write fails the request). Work that fails or answers 4xx/5xx is rolled
// back; its entries are then committed by group commit as refused or failed.
template <class Work>
auto audited_transaction(request_context& c, SQLite::Database& db, Work&& work) -> decltype(work(db)) {
  using result_type = decltype(work(db));
  return core::store::guarded("record the change", [&]() -> result_type {
    core::store::write_transaction transaction(db);
    auto r = work(db);
    if (detail::refused(r)) return r;
    if (c.audit.empty()) record(c, core::audit::action::write, std::nullopt);
    auto appended = core::store::append_audit_entries(db, c.app.audit_key(), c.audit);
    if (!appended)
      return core::fail(core::errc::unavailable, "the change could not be recorded in the audit trail; nothing was changed");
    transaction.commit();
    c.audit_committed = true;
    return r;
  });
}

// audited_transaction() on the writer.
template <class Work>
auto audited_write(request_context& c, Work&& work) -> decltype(work(std::declval<SQLite::Database&>())) {
  return c.app.db().write([&](SQLite::Database& db) { return audited_transaction(c, db, work); });
}

}  // namespace casechain::api
