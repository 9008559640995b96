#include "api/handlers/case_policy.hpp"

#include "api/http/audit_trail.hpp"
#include "core/store/case_store.hpp"
#include "core/store/secrecy_store.hpp"

namespace casechain::api {
namespace {

// Marks the request's entry (or a new one) as a refusal on this case.
void record_refusal(request_context& c, core::case_id id, core::policy::category what, core::policy::basis why) {
  if (c.audit.empty()) record(c, core::audit::action::deny, id);
  auto& e = c.audit.back();
  e.case_ref = id;
  e.category = std::string(core::policy::to_string(what));
  e.legal_basis = std::string(core::policy::to_string(why));
  e.result = core::audit::outcome::denied;
}

}  // namespace

core::result<case_in_view> case_for(SQLite::Database& db, request_context& c, core::case_id id,
                                    core::policy::category what, core::policy::level needed) {
  auto found = core::store::get_case(db, id);
  if (!found) {
    if (found.error().code != core::errc::not_found) return found.error();
    record_refusal(c, id, what, core::policy::basis::none);
    return core::fail(core::errc::not_found, "there is no such case");
  }
  auto facts = core::store::load_secrecy_facts(db, *found, *c.user, c.now);
  if (!facts) return facts.error();
  case_in_view v{std::move(*found), std::move(*facts)};
  auto d = decide(c, v, what);
  if (!d.allows(needed)) {
    record_refusal(c, id, what, d.why);
    return core::fail(core::errc::not_found, "there is no such case");
  }
  return v;
}

core::policy::decision decide(const request_context& c, const case_in_view& v, core::policy::category what,
                              std::optional<core::person_id> subject) {
  try {
    return core::policy::decide(c.app.policy(), *c.user, v.facts, what, subject);
  } catch (const std::exception&) {
    return {};  // an error in the policy denies
  }
}

void released_categories::add(core::policy::category what, core::policy::basis why) {
  if (!categories_.empty()) {
    categories_ += ',';
    bases_ += ',';
  }
  categories_ += core::policy::to_string(what);
  bases_ += core::policy::to_string(why);
}

}  // namespace casechain::api
