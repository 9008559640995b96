#pragma once
// Binding helpers for values the store writes as NULL when absent.

#include "core/util/time.hpp"

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace casechain::core::store {

inline void bind_text_or_null(SQLite::Statement& s, int index, const std::string& text) {
  if (text.empty()) s.bind(index);
  else s.bind(index, text);
}

inline void bind_optional_date(SQLite::Statement& s, int index, const std::optional<date>& d) {
  if (d) s.bind(index, format_date(*d));
  else s.bind(index);
}

inline void bind_optional_timestamp(SQLite::Statement& s, int index, const std::optional<timestamp>& t) {
  if (t) s.bind(index, format_timestamp(*t));
  else s.bind(index);
}

template <class Id>
void bind_optional_id(SQLite::Statement& s, int index, const std::optional<Id>& id) {
  if (id) s.bind(index, static_cast<std::int64_t>(*id));
  else s.bind(index);
}

}  // namespace casechain::core::store
