#pragma once
// Case routes ask the secrecy policy here: whether the user may know of a
// case at all, and how much of each data category they get. A case the user
// may not see answers the same 404 as a case that does not exist, and the
// refusal is recorded in the audit trail.

#include "api/http/router.hpp"
#include "core/model/case_record.hpp"
#include "core/policy/decision.hpp"

#include <SQLiteCpp/Database.h>

namespace casechain::api {

struct case_in_view {
  core::case_record record;
  core::policy::secrecy_facts facts;
};

// The case, when the user has at least `needed` of `what` in it.
core::result<case_in_view> case_for(SQLite::Database& db, request_context& c, core::case_id id,
                                    core::policy::category what, core::policy::level needed);

core::policy::decision decide(const request_context& c, const case_in_view& v, core::policy::category what,
                              std::optional<core::person_id> subject = std::nullopt);

// Collects the categories an answer released, with their bases, for its audit entry.
class released_categories {
 public:
  void add(core::policy::category what, core::policy::basis why);
  const std::string& categories() const { return categories_; }
  const std::string& bases() const { return bases_; }

 private:
  std::string categories_, bases_;
};

}  // namespace casechain::api
