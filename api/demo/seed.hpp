#pragma once
// Demo data for a data folder: organisations of every sector, one user per
// role (passwords made here and returned once, never stored in clear),
// generated police reports imported and triaged, most of them decided, and
// cases moved some way along the chain. For `casechain demo seed` and, once
// it exists, `casechain serve --demo`. Deterministic for a seed, except the
// passwords.

#include "core/data_dir.hpp"
#include "core/error.hpp"
#include "core/util/time.hpp"

#include <functional>
#include <string>
#include <vector>

namespace casechain::api::demo {

struct seed_options {
  std::int64_t reports = 3000;
  std::uint64_t seed = 1;
  core::date today;  // the reports span the year before it
};

struct demo_account {
  std::string username;
  std::string role;
  std::string organisation;
  std::string password;  // shown once
};

struct seed_summary {
  std::vector<demo_account> accounts;
  std::int64_t reports = 0;
  std::int64_t decided = 0;
  std::int64_t cases = 0;
};

// Seeds an initialised, empty data folder; failed_precondition when it
// already has organisations (demo data is never mixed with real data).
core::result<seed_summary> seed(const core::data_dir& dir, const seed_options& options,
                                const std::function<void(const std::string&)>& progress = {});

}  // namespace casechain::api::demo
