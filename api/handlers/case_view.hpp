#pragma once
// One case as a page shows it: every part belongs to a data category and is
// written only as far as the secrecy policy lets this user see it (parts
// they may not see are left out, not blanked). The read is recorded in the
// audit trail with the categories released and their legal bases.

#include "api/handlers/case_policy.hpp"
#include "api/http/message.hpp"

namespace casechain::api {

core::result<response> case_view(SQLite::Database& db, request_context& c, const case_in_view& v);

}  // namespace casechain::api
