#pragma once
// How well the instrument agrees with the team, measured as SWIFT did:
// the confusion matrix of proposal against decision, Cohen's kappa, how often
// the team overrides each rule, and how many families come back with a new
// report within 12 months, per decided track. And replay: another instrument
// version run over past reports in shadow mode, changing nothing.

#include "core/crypto/field_protection.hpp"
#include "core/error.hpp"
#include "core/triage/instrument.hpp"
#include "core/triage/narrative_cues.hpp"
#include "core/util/time.hpp"

#include <SQLiteCpp/Database.h>

#include <array>
#include <functional>
#include <map>
#include <string>

namespace casechain::core::triage {

// matrix[proposed][decided], tracks 1..3 (index 0 unused).
using track_matrix = std::array<std::array<std::int64_t, 4>, 4>;

struct rule_overrides {
  std::int64_t fired = 0;
  std::int64_t overridden = 0;  // decided track differs from the proposal
};

struct repeat_share {
  std::int64_t families = 0;
  std::int64_t repeated = 0;  // with another report within 12 months
};

struct validity_figures {
  std::int64_t decisions = 0;
  track_matrix matrix{};
  double observed_agreement = 0;  // share on the diagonal
  double kappa = 0;               // Cohen's kappa; 0 when undefined
  std::map<std::string, rule_overrides> rules;
  std::array<repeat_share, 4> repeats{};  // per decided track
};

// Cohen's kappa of a square agreement matrix (rows: one rater, columns: the other).
double cohens_kappa(const track_matrix& m);

// Figures over decided reports whose report date is in [from, to).
result<validity_figures> compute_validity(SQLite::Database& db, timestamp from, timestamp to);

struct replay_figures {
  std::int64_t reports = 0;
  std::int64_t changed = 0;
  track_matrix matrix{};  // [stored proposal][replayed proposal]
};

// Runs `in` over the stored reports with report date in [from, to), each
// with its family's report history as it was at its date (an open case is
// taken as it is now). Reads only; opens the sealed narratives with
// `protection`. `progress` is called every 10,000 reports.
result<replay_figures> replay(SQLite::Database& db, const crypto::field_protection& protection, const instrument& in, const lexicon_set& lexicons, timestamp from,
                              timestamp to, const std::function<void(std::int64_t)>& progress = {});

}  // namespace casechain::core::triage
