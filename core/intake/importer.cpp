#include "core/intake/importer.hpp"

#include "core/store/chain_store.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/write_transaction.hpp"

#include <optional>

namespace casechain::core::intake {

report_importer::report_importer(SQLite::Database& db, std::shared_ptr<const triage::instrument> instrument,
                                 std::shared_ptr<const triage::lexicon_set> lexicons)
    : store_(db), instrument_(std::move(instrument)), lexicons_(std::move(lexicons)) {}

result<imported_report> report_importer::import(const police_report& report, timestamp now) {
  return store::guarded("import report", [&]() -> result<imported_report> {
    store::write_transaction transaction(store_.db());
    imported_report imported;
    imported.links = link_persons(store_, report, now);
    auto id = store_.add_report(report, now, imported.links.family, linked_person_ids(imported.links));
    if (!id) return id.error();
    imported.id = *id;
    record_links(store_, *id, report, imported.links, now);
    // A new family has no history: no earlier reports, no case.
    store::family_history history;
    if (!imported.links.new_family) history = store_.history(imported.links.family, *id, report.reported_at, instrument_->uses_earlier_tracks);
    imported.proposal = triage::evaluate(*instrument_, *lexicons_, report, history);
    // A new report on a family with an open case reaches its case manager
    // (the triage team while there is none).
    if (history.open_case) {
      auto alerted = store::add_alert(store_.db(), {0, *history.open_case, history.open_case_manager, "new_report",
                                                    std::to_string(*id), "{\"report\":" + std::to_string(*id) + "}",
                                                    now, {}});
      if (!alerted) return alerted.error();
    }
    record_buffer_.clear();
    triage::append_proposal_json(record_buffer_, imported.proposal);
    const auto& p = imported.proposal;
    store_.save_proposal(*id, {p.instrument, to_int(p.track), p.risk_level, p.score, p.complexity, p.unknowns,
                               record_buffer_},
                         now);
    transaction.commit();
    return imported;
  });
}

result<import_summary> report_importer::import_batch(std::istream& in, batch_format format, timestamp now,
                                                     const progress_callback& progress, std::size_t batch_size) {
  import_summary summary;
  report_reader reader(in, format);
  // Linking reads indexes all over a growing file: a batch gets a larger page
  // cache (256 MiB, reached only once the database is that large) and
  // checkpoints less often (pages written many times go to the file once),
  // then the connection's own settings back.
  struct settings_for_batch {
    SQLite::Database& db;
    explicit settings_for_batch(SQLite::Database& d) : db(d) {
      db.tryExec("PRAGMA cache_size = -262144");
      db.tryExec("PRAGMA wal_autocheckpoint = 16384");
    }
    ~settings_for_batch() {
      db.tryExec("PRAGMA cache_size = -65536");
      db.tryExec("PRAGMA wal_autocheckpoint = 1000");
    }
  } batch_settings(store_.db());
  // The reader's messages name their line already; the store's do not.
  auto reject = [&](std::int64_t line, const error& e, bool name_line) {
    ++summary.rejected;
    if (e.code == errc::already_exists) ++summary.duplicates;
    if (summary.rejections.size() < max_listed_rejections)
      summary.rejections.push_back({line, e.code, name_line ? "line " + std::to_string(line) + ": " + e.message : e.message});
  };
  std::optional<store::write_transaction> batch;
  std::size_t in_batch = 0;
  auto commit = [&]() -> result<void> {
    if (!batch) return {};
    auto committed = store::guarded("commit imported reports", [&]() -> result<void> {
      batch->commit();
      return {};
    });
    batch.reset();
    in_batch = 0;
    if (progress) progress(summary);
    return committed;
  };
  while (auto item = reader.next()) {
    ++summary.read;
    if (!item->report) {
      reject(item->line, item->report.error(), false);
      continue;
    }
    if (!batch) {
      auto begun = store::guarded("begin import", [&]() -> result<void> {
        batch.emplace(store_.db());
        return {};
      });
      if (!begun) return begun.error();
    }
    auto imported = import(*item->report, now);
    if (!imported) {
      // A full disk or a broken database fails the batch; bad reports do not.
      auto code = imported.error().code;
      if (code != errc::already_exists && code != errc::invalid_argument && code != errc::not_found)
        return imported.error();
      reject(item->line, imported.error(), true);
      continue;
    }
    ++summary.imported;
    ++summary.track_counts[to_int(imported->proposal.track)];
    for (const auto& link : imported->links.persons) summary.probable_matches += link.probable_candidate ? 1 : 0;
    if (++in_batch >= batch_size)
      if (auto committed = commit(); !committed) return committed.error();
  }
  if (auto committed = commit(); !committed) return committed.error();
  if (progress && summary.read == 0) progress(summary);
  return summary;
}

}  // namespace casechain::core::intake
