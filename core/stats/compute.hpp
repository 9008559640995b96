#pragma once
// Computes the evaluation figures of a query from the store (core/store/
// stats_store.hpp), by the rules of docs/figures.md. The chain's clocks are
// passed in as due-day rules, so core stays free of chain/: the chain layer
// (chain/figures.hpp) supplies them from its working-day calendar and clock
// settings, and adds the overdue work it alone knows how to find.
// Errors: those of the store. Thread safety: none needed; uses only `db`.

#include "core/error.hpp"
#include "core/stats/figures.hpp"
#include "core/stats/query.hpp"

#include <SQLiteCpp/Database.h>

#include <functional>

namespace casechain::core::stats {

// The last day a step may happen on and still be within its clock.
struct clock_rules {
  std::function<date(date reported)> triage_due;
  std::function<date(core::track decided, date decided_on)> first_contact_due;
};

result<figures> compute(SQLite::Database& db, const query& q, const clock_rules& clocks);

}  // namespace casechain::core::stats
