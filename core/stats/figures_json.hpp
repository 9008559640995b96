#pragma once
// The figures as JSON, the same document for `casechain stats --format json`
// and GET /api/v1/stats. Per-track arrays become {"1": n, "2": n, "3": n}
// with the 0 slot named for what it holds ("none", "all"). Counts only: no
// names of persons; case managers appear by user id.

#include "core/stats/figures.hpp"
#include "core/stats/query.hpp"
#include "core/util/json_writer.hpp"

namespace casechain::core::stats {

void write_json(json_writer& w, const query& q, const figures& f);

}  // namespace casechain::core::stats
