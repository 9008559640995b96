#pragma once
// Maps SQLite failures to CaseChain errors, so the store never lets a
// SQLite::Exception escape for an expected failure (a duplicate, a missing
// reference, a busy or full database). Messages name the operation, never
// the values involved.

#include "core/error.hpp"

#include <SQLiteCpp/Exception.h>

#include <string_view>

namespace casechain::core::store {

// `operation` is a short phrase such as "add organisation".
error from_sqlite(const SQLite::Exception& e, std::string_view operation);

// Runs `body` (which returns result<T>) and turns a SQLite exception into an error.
template <class F>
auto guarded(std::string_view operation, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    return from_sqlite(e, operation);
  }
}

}  // namespace casechain::core::store
