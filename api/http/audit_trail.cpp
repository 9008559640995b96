#include "api/http/audit_trail.hpp"

namespace casechain::api {

core::audit::audit_entry audit_entry_for(const request_context& c, std::string_view action) {
  core::audit::audit_entry e;
  e.at = c.now;
  if (c.user) {
    e.user = c.user->id;
    e.organisation = c.user->organisation;
    for (auto r : c.user->roles) {
      if (!e.roles.empty()) e.roles += ',';
      e.roles += core::to_string(r);
    }
  }
  e.action = std::string(action);
  e.purpose = c.purpose;
  e.request_id = c.request_id;
  return e;
}

void record(request_context& c, std::string_view action, std::optional<core::case_id> case_ref, std::string categories,
            std::string bases, core::audit::outcome result) {
  auto e = audit_entry_for(c, action);
  e.case_ref = case_ref;
  e.category = std::move(categories);
  e.legal_basis = std::move(bases);
  e.result = result;
  c.audit.push_back(std::move(e));
}

void finish_audit(request_context& c, unsigned status) {
  if (c.audit_committed) return;
  auto refused = status == 401 || status == 403 || status == 404;
  auto result = status < 400 ? core::audit::outcome::allowed
                : refused    ? core::audit::outcome::denied
                             : core::audit::outcome::failed;
  if (c.audit.empty()) {
    if (!c.user) return;  // an unknown caller: nobody to record (the request log has it)
    auto safe = c.req.method() == http::verb::get || c.req.method() == http::verb::head;
    auto action = result == core::audit::outcome::denied ? core::audit::action::deny
                  : safe                                  ? core::audit::action::read
                                                          : core::audit::action::write;
    auto on_case = !c.ids.empty() && c.purpose.find("/cases/{id}") != std::string::npos;
    record(c, action, on_case ? std::optional<core::case_id>{c.ids[0]} : std::nullopt, {}, {}, result);
    return;
  }
  if (result != core::audit::outcome::allowed)
    for (auto& e : c.audit)
      if (e.result == core::audit::outcome::allowed) e.result = result;
}

}  // namespace casechain::api
