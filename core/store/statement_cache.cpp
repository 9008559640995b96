#include "core/store/statement_cache.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cassert>
#include <mutex>
#include <shared_mutex>

namespace casechain::core::store {
namespace {

// Which connection has which cache. Keyed by the sqlite3* handle, which is
// what a SQLite::Database& leads to; a closed connection's handle may be
// reused by a new one, which is why caches unregister before closing.
class cache_registry {
 public:
  void add(sqlite3* handle, statement_cache* cache) {
    std::unique_lock lock(mutex_);
    [[maybe_unused]] bool added = caches_.emplace(handle, cache).second;
    assert(added && "one statement cache per connection");
  }
  void remove(sqlite3* handle) noexcept {
    std::unique_lock lock(mutex_);
    caches_.erase(handle);
  }
  statement_cache* find(sqlite3* handle) const {
    std::shared_lock lock(mutex_);
    auto it = caches_.find(handle);
    return it == caches_.end() ? nullptr : it->second;
  }

 private:
  mutable std::shared_mutex mutex_;
  std::unordered_map<sqlite3*, statement_cache*> caches_;
};

cache_registry& registry() {
  static cache_registry instance;  // never destroyed before the caches: they are made after it
  return instance;
}

}  // namespace

statement_cache::statement_cache(SQLite::Database& db) : db_(db) { registry().add(db_.getHandle(), this); }

statement_cache::~statement_cache() {
  registry().remove(db_.getHandle());
  // A leased statement here would dangle in its lease: leases are scoped
  // inside store calls, which end before their connection closes.
  assert(std::none_of(entries_.begin(), entries_.end(), [](const auto& e) { return e.second->leased; }));
}

statement_cache::entry* statement_cache::acquire(std::string_view sql) {
  auto it = entries_.find(sql);
  if (it == entries_.end()) {
    if (entries_.size() >= max_entries) return nullptr;
    std::string key(sql);
    auto prepared = std::make_unique<entry>(entry{SQLite::Statement(db_, key), false});
    it = entries_.emplace(std::move(key), std::move(prepared)).first;
  }
  entry& e = *it->second;
  if (e.leased) return nullptr;
  e.leased = true;
  return &e;
}

void statement_cache::release(entry& e) noexcept {
  // tryReset() returns the last step's error, which its caller has seen
  // already; the statement is reset either way.
  (void)e.statement.tryReset();
  try {
    e.statement.clearBindings();
    e.leased = false;
  } catch (const SQLite::Exception&) {
    // sqlite3_clear_bindings() cannot fail in SQLite 3.40; dropping the statement is the safe answer if it does.
    std::erase_if(entries_, [&](const auto& kept) { return kept.second.get() == &e; });
  }
}

statement_lease::statement_lease(SQLite::Database& db, std::string_view sql)
    : cache_(registry().find(db.getHandle())) {
  if (cache_) borrowed_ = cache_->acquire(sql);
  if (borrowed_) {
    statement_ = &borrowed_->statement;
  } else {
    own_ = std::make_unique<SQLite::Statement>(db, std::string(sql));
    statement_ = own_.get();
  }
}

statement_lease::~statement_lease() {
  if (borrowed_) cache_->release(*borrowed_);
}

}  // namespace casechain::core::store
