#include "core/intake/importer.hpp"

#include "core/store/chain_store.hpp"
#include "core/store/database.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/write_transaction.hpp"

#include <optional>

namespace casechain::core::intake {

report_importer::report_importer(SQLite::Database& db, const crypto::field_protection& protection,
                                 std::shared_ptr<const triage::instrument> instrument,
                                 std::shared_ptr<const triage::lexicon_set> lexicons)
    : store_(db, protection), instrument_(std::move(instrument)), lexicons_(std::move(lexicons)) {}

result<imported_report> report_importer::import(const police_report& report, timestamp now) {
  return store::guarded("import report", [&]() -> result<imported_report> {
    store::write_transaction transaction(store_.db());
    auto imported = import_unprotected(report, now);
    if (imported) transaction.commit();
    return imported;
  });
}

result<imported_report> report_importer::import_unprotected(const police_report& report, timestamp now) {
  return store::guarded("import report", [&]() -> result<imported_report> {
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
                               triage::fired_rule_ids_json(p), record_buffer_},
                         now);
    return imported;
  });
}

result<import_summary> report_importer::import_batch(std::istream& in, batch_format format, timestamp now,
                                                     const progress_callback& progress, std::size_t batch_size,
                                                     const commit_hook& in_first_commit) {
  import_summary summary;
  report_reader reader(in, format);
  // Linking reads indexes all over a growing file: a batch gets a larger page
  // cache (256 MiB, reached only once the database is that large) and
  // checkpoints less often (pages written many times go to the file once:
  // every chunk rewrites pages all over the indexes, so a log of up to
  // 256 MiB between checkpoints copies each of them back far fewer times;
  // 80,000 reports onto 600,000 took 12.2 s instead of 13.9 s with 64 MiB),
  // then the connection's own settings back.
  struct settings_for_batch {
    SQLite::Database& db;
    explicit settings_for_batch(SQLite::Database& d) : db(d) {
      db.tryExec("PRAGMA cache_size = -262144");
      db.tryExec("PRAGMA wal_autocheckpoint = 65536");
    }
    ~settings_for_batch() {
      db.tryExec("PRAGMA cache_size = -" + std::to_string(store::default_cache_kib));
      db.tryExec("PRAGMA wal_autocheckpoint = 1000");
    }
  } batch_settings(store_.db());
  // The reader's messages name their line already; the store's do not.
  auto reject = [](import_summary& into, std::int64_t line, const error& e, bool name_line) {
    ++into.rejected;
    if (e.code == errc::already_exists) ++into.duplicates;
    if (into.rejections.size() < max_listed_rejections)
      into.rejections.push_back({line, e.code, name_line ? "line " + std::to_string(line) + ": " + e.message : e.message});
  };
  auto count = [](import_summary& into, const imported_report& imported) {
    ++into.imported;
    ++into.track_counts[to_int(imported.proposal.track)];
    for (const auto& link : imported.links.persons) into.probable_matches += link.probable_candidate ? 1 : 0;
  };
  // One chunk in one transaction. Fast: duplicates are looked up before
  // anything is written and no report has a savepoint of its own, so any
  // failure fails the chunk. Protected: each report in a savepoint, so a
  // report that fails leaves the others. The fast way is tried first; a
  // chunk it cannot do is done again the protected way.
  std::vector<std::pair<std::int64_t, police_report>> chunk;
  bool first_committed = false;
  auto run_chunk = [&](bool protect, import_summary& delta) -> result<void> {
    return store::guarded("import a batch", [&]() -> result<void> {
      store::write_transaction transaction(store_.db());
      for (const auto& [line, report] : chunk) {
        if (!protect && store_.has_report(report.police_zone, report.external_ref)) {
          reject(delta, line, fail(errc::already_exists, "report " + report.external_ref + " from police zone " +
                                                             report.police_zone + " is already stored (a duplicate)"),
                 true);
          continue;
        }
        auto imported = protect ? import(report, now) : import_unprotected(report, now);
        if (imported) {
          count(delta, *imported);
          continue;
        }
        auto code = imported.error().code;
        bool bad_report = code == errc::already_exists || code == errc::invalid_argument || code == errc::not_found ||
                          code == errc::failed_precondition;
        // A full disk or a broken database fails the batch; bad reports do not.
        if (!protect || !bad_report) return imported.error();
        reject(delta, line, imported.error(), true);
      }
      if (in_first_commit && !first_committed)
        if (auto hooked = in_first_commit(); !hooked) return hooked.error();
      transaction.commit();
      first_committed = true;
      return {};
    });
  };
  auto merge = [&](const import_summary& delta) {
    summary.imported += delta.imported;
    summary.duplicates += delta.duplicates;
    summary.rejected += delta.rejected;
    summary.probable_matches += delta.probable_matches;
    for (int t = 0; t < 4; ++t) summary.track_counts[t] += delta.track_counts[t];
    for (const auto& r : delta.rejections)
      if (summary.rejections.size() < max_listed_rejections) summary.rejections.push_back(r);
  };
  auto flush = [&]() -> result<void> {
    if (chunk.empty()) return {};
    import_summary delta;
    if (!run_chunk(false, delta)) {
      delta = {};
      if (auto again = run_chunk(true, delta); !again) return again.error();
    }
    merge(delta);
    chunk.clear();
    if (progress) progress(summary);
    return {};
  };
  while (auto item = reader.next()) {
    ++summary.read;
    if (!item->report) {
      reject(summary, item->line, item->report.error(), false);
      continue;
    }
    chunk.emplace_back(item->line, std::move(*item->report));
    if (chunk.size() >= batch_size)
      if (auto flushed = flush(); !flushed) return flushed.error();
  }
  if (auto flushed = flush(); !flushed) return flushed.error();
  if (progress && summary.read == 0) progress(summary);
  return summary;
}

}  // namespace casechain::core::intake
