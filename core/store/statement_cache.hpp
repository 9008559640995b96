#pragma once
// Prepared statements kept per connection, so a hot query is parsed once per
// connection instead of once per call (parsing was most of SQLite's time on
// the case read). A `database` owns one `statement_cache` and registers it
// under its sqlite3* handle; store functions, which get only a
// SQLite::Database&, borrow a statement with `statement_lease`.
// Owns: one connection's cached statements, finalised before it closes (the
// cache unregisters in its destructor, so no statement outlives its connection).
// Does not own: the connection.
// Errors: preparing throws SQLite::Exception, as SQLite::Statement does (store
// functions run inside guarded()); releasing never throws.
// Thread safety: the registry is thread-safe. A cache has no lock: it is used
// only by the thread that holds its connection, as connections are.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace casechain::core::store {

class statement_cache {
 public:
  // Registers the cache for `db`'s handle; one cache per connection.
  explicit statement_cache(SQLite::Database& db);
  // Unregisters and finalises every statement; the connection must still be open.
  ~statement_cache();
  statement_cache(const statement_cache&) = delete;
  statement_cache& operator=(const statement_cache&) = delete;

  // How many distinct statements are cached (for tests).
  std::size_t size() const { return entries_.size(); }

 private:
  friend class statement_lease;
  struct entry {
    SQLite::Statement statement;
    bool leased = false;
  };
  struct sql_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const noexcept { return std::hash<std::string_view>{}(sql); }
  };
  // A bound on distinct statements: SQL is named constants, so it is never
  // reached in practice; past it statements are prepared afresh, not cached.
  static constexpr std::size_t max_entries = 512;

  // The idle cached statement for `sql`, prepared on first use; nullptr when
  // it is leased already (nested use) or the cache is full.
  entry* acquire(std::string_view sql);
  // Puts a leased statement back, reset with its bindings cleared; drops it
  // if that fails. Never throws.
  void release(entry& e) noexcept;

  SQLite::Database& db_;
  std::unordered_map<std::string, std::unique_ptr<entry>, sql_hash, std::equal_to<>> entries_;
};

// A prepared statement for `sql` on `db`, for one scope: the connection's
// cached one when it has a cache and the statement is not leased already,
// otherwise a freshly prepared one. On release it is reset (tryReset(), which
// does not rethrow the last step's error) and its bindings cleared, so a
// statement left mid-iteration or with an error is clean for the next lease.
// `sql` should be a named constant: a cached statement lives as long as its connection.
class statement_lease {
 public:
  statement_lease(SQLite::Database& db, std::string_view sql);
  ~statement_lease();
  statement_lease(const statement_lease&) = delete;
  statement_lease& operator=(const statement_lease&) = delete;

  SQLite::Statement& operator*() const { return *statement_; }
  SQLite::Statement* operator->() const { return statement_; }
  // Whether the statement came from (and goes back to) the connection's cache.
  bool cached() const { return borrowed_ != nullptr; }

 private:
  statement_cache* cache_ = nullptr;
  statement_cache::entry* borrowed_ = nullptr;
  std::unique_ptr<SQLite::Statement> own_;  // when not cached
  SQLite::Statement* statement_ = nullptr;
};

}  // namespace casechain::core::store
