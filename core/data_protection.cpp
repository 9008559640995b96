#include "core/data_protection.hpp"

#include "core/store/sealed_columns.hpp"
#include "core/store/triage_store.hpp"

namespace casechain::core {
namespace {

std::int64_t not_under(const std::map<crypto::key_version, std::int64_t>& counts, crypto::key_version active) {
  std::int64_t total = 0;
  for (const auto& [version, count] : counts)
    if (version != active) total += count;
  return total;
}

}  // namespace

std::filesystem::path data_keys_file(const data_dir& dir) { return dir.secrets_dir() / "data.keys"; }

result<std::shared_ptr<const crypto::data_keys>> load_data_keys(const data_dir& dir, SQLite::Database& db) {
  const auto file = data_keys_file(dir);
  auto loaded = crypto::data_keys::load(file);
  if (!loaded && loaded.error().code == errc::not_found) {
    auto sealed = store::has_sealed_data(db);
    if (!sealed) return sealed.error();
    if (*sealed)
      return fail(errc::failed_precondition,
                  "the database holds sealed data but its key file " + file.string() +
                      " is missing; restore it from the backup of the secrets folder (a new key cannot open the data)");
    loaded = crypto::data_keys::create(file);
  }
  if (!loaded) return loaded.error();
  return std::make_shared<const crypto::data_keys>(std::move(*loaded));
}

result<std::shared_ptr<const crypto::field_protection>> load_field_protection(const data_dir& dir, SQLite::Database& db) {
  auto keys = load_data_keys(dir, db);
  if (!keys) return keys.error();
  auto protection = std::make_shared<const crypto::field_protection>(std::move(*keys));
  if (auto sealed = store::seal_records_left_in_clear(db, protection->sealing); !sealed) return sealed.error();
  return protection;
}

result<data_key_status> read_data_key_status(const data_dir& dir, SQLite::Database& db) {
  auto keys = load_data_keys(dir, db);
  if (!keys) return keys.error();
  auto counts = store::count_sealed_by_version(db);
  if (!counts) return counts.error();
  return data_key_status{(*keys)->active_version(), (*keys)->versions(), std::move(*counts)};
}

result<rotation_outcome> rotate_data_keys(const data_dir& dir, SQLite::Database& db,
                                          const std::function<void(const rotation_progress&)>& progress,
                                          int batch_size) {
  auto loaded = load_data_keys(dir, db);
  if (!loaded) return loaded.error();
  auto ring = std::make_shared<crypto::data_keys>(**loaded);
  rotation_outcome outcome;
  outcome.resumed = ring->versions().size() > 1;
  if (!outcome.resumed) {
    ring->add_version();
    // Saved first: a value sealed under the new key must never exist without the key on disk.
    if (auto saved = ring->save(data_keys_file(dir)); !saved) return saved.error();
  }
  outcome.active = ring->active_version();

  auto counts = store::count_sealed_by_version(db);
  if (!counts) return counts.error();
  rotation_progress shown{0, not_under(*counts, outcome.active)};
  if (progress) progress(shown);
  const crypto::sealer sealer(ring);
  for (const auto& column : store::sealed_columns()) {
    store::reseal_cursor cursor;
    while (!cursor.done) {
      auto resealed = store::reseal_batch(db, sealer, column, cursor, batch_size);
      if (!resealed) return resealed.error();
      if (*resealed == 0) continue;
      shown.resealed += *resealed;
      if (progress) progress(shown);
    }
  }
  outcome.resealed = shown.resealed;

  counts = store::count_sealed_by_version(db);
  if (!counts) return counts.error();
  for (auto version : ring->versions()) {
    if (version == outcome.active) continue;
    if (auto it = counts->find(version); it != counts->end() && it->second > 0) {
      outcome.still_in_use[version] = it->second;  // sealed meanwhile by a process with the old ring
      continue;
    }
    if (auto retired = ring->retire(version); !retired) return retired.error();
    outcome.retired.push_back(version);
  }
  if (!outcome.retired.empty())
    if (auto saved = ring->save(data_keys_file(dir)); !saved) return saved.error();
  return outcome;
}

}  // namespace casechain::core
