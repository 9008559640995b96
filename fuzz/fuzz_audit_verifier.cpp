// Fuzzes the audit verifier (verify_audit_trail) over a trail built from the
// fuzz bytes, as someone who edits the database file could leave it: entries
// appended properly, then rows inserted, changed and removed at will, with
// any value of any type in any column. The table is a copy of
// audit_entries without its checks and triggers, in memory.
// Oracles beyond the sanitizers: verification never fails (bad rows are a
// finding, not an error); a trail only appended to verifies in full; a trail
// that was tampered with and verifies is no longer than what was appended.
#include "core/audit/audit_key.hpp"
#include "core/store/audit_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace casechain::core;

void check(bool condition) {
  if (!condition) std::abort();
}

constexpr const char* table_sql =
    "CREATE TABLE audit_entries (id, at, user_id, organisation_id, roles, action, case_id, category, "
    "legal_basis, purpose, outcome, request_id, hash)";
constexpr int column_count = 13;

const audit::audit_key& key() {
  static const auto k = audit::audit_key::from_bytes(std::string(audit::audit_key::size, 'k')).value();
  return k;
}

// A value of any SQLite type for one column.
void bind_any(SQLite::Statement& s, int index, FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 4)) {
    case 0: s.bind(index); break;
    case 1: s.bind(index, in.ConsumeIntegral<std::int64_t>()); break;
    case 2: s.bind(index, in.ConsumeFloatingPoint<double>()); break;
    case 3: s.bind(index, in.ConsumeRandomLengthString(64)); break;
    default: {
      auto bytes = in.ConsumeBytes<char>(in.ConsumeIntegralInRange<std::size_t>(0, 40));
      s.bind(index, static_cast<const void*>(bytes.data()), static_cast<int>(bytes.size()));
    }
  }
}

audit::audit_entry entry_from(FuzzedDataProvider& in) {
  audit::audit_entry e;
  e.at = timestamp{} + std::chrono::seconds(in.ConsumeIntegralInRange<std::int64_t>(0, 4'000'000'000));
  if (in.ConsumeBool()) e.user = in.ConsumeIntegral<std::int64_t>();
  if (in.ConsumeBool()) e.organisation = in.ConsumeIntegral<std::int64_t>();
  e.roles = in.ConsumeRandomLengthString(20);
  e.action = in.ConsumeBool() ? std::string(audit::action::read) : in.ConsumeRandomLengthString(10);
  if (e.action.empty()) e.action = "write";
  if (in.ConsumeBool()) e.case_ref = in.ConsumeIntegral<std::int64_t>();
  e.category = in.ConsumeRandomLengthString(20);
  e.legal_basis = in.ConsumeRandomLengthString(20);
  e.purpose = in.ConsumeRandomLengthString(20);
  e.result = static_cast<audit::outcome>(in.ConsumeIntegralInRange(0, 2));
  e.request_id = in.ConsumeRandomLengthString(20);
  return e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(table_sql);

  std::vector<audit::audit_entry> appended;
  auto count = in.ConsumeIntegralInRange(0, 8);
  for (int i = 0; i < count; ++i) appended.push_back(entry_from(in));
  check(bool(store::append_audit_entries(db, key(), appended)));

  bool tampered = false;
  while (in.remaining_bytes() > 0) {
    tampered = true;
    switch (in.ConsumeIntegralInRange(0, 2)) {
      case 0: {  // a row of anything
        SQLite::Statement insert(db, "INSERT INTO audit_entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        for (int c = 1; c <= column_count; ++c) bind_any(insert, c, in);
        insert.exec();
        break;
      }
      case 1: {  // one column of one row changed
        static constexpr const char* columns[column_count] = {
            "id", "at", "user_id", "organisation_id", "roles", "action", "case_id", "category",
            "legal_basis", "purpose", "outcome", "request_id", "hash"};
        SQLite::Statement update(db, std::string("UPDATE audit_entries SET ") +
                                         columns[in.ConsumeIntegralInRange(0, column_count - 1)] +
                                         " = ? WHERE rowid = ?");
        bind_any(update, 1, in);
        update.bind(2, in.ConsumeIntegralInRange<std::int64_t>(1, 10));
        update.exec();
        break;
      }
      default: {  // a row removed
        SQLite::Statement remove(db, "DELETE FROM audit_entries WHERE rowid = ?");
        remove.bind(1, in.ConsumeIntegralInRange<std::int64_t>(1, 10));
        remove.exec();
      }
    }
  }

  auto verified = store::verify_audit_trail(db, key());
  check(bool(verified));
  if (!tampered) {
    check(!verified->first_bad);
    check(verified->entries == static_cast<std::int64_t>(appended.size()));
  }
  // Without the key no row can be forged: at most a tail can go unnoticed.
  if (!verified->first_bad) check(verified->entries <= static_cast<std::int64_t>(appended.size()));
  return 0;
}
