#pragma once
// Report intake: stores a police report, links its persons and family, and
// records the instrument's proposal — all in one transaction, so a report is
// stored whole or not at all. A batch runs many reports per transaction
// (fewer syncs) with a savepoint per report, so one bad report never takes
// the others down. Not thread-safe: one importer per connection and thread.

#include "core/error.hpp"
#include "core/intake/linker.hpp"
#include "core/intake/report_reader.hpp"
#include "core/store/intake_store.hpp"
#include "core/triage/proposal.hpp"

#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

namespace casechain::core::intake {

struct imported_report {
  report_id id = 0;
  link_outcome links;
  triage::proposal proposal;
};

struct rejected_report {
  std::int64_t line = 0;
  errc code = errc::invalid_argument;  // already_exists for a duplicate
  std::string message;
};

struct import_summary {
  std::int64_t read = 0;
  std::int64_t imported = 0;
  std::int64_t duplicates = 0;
  std::int64_t rejected = 0;  // duplicates included
  std::vector<rejected_report> rejections;  // the first `max_listed_rejections`
  std::int64_t probable_matches = 0;        // persons flagged for the team
  std::int64_t track_counts[4] = {0, 0, 0, 0};  // proposals per track (index 1..3)
};

class report_importer {
 public:
  // Throws SQLite::Exception when the statements cannot be prepared.
  // `protection` seals the sensitive fields; it must outlive the importer.
  report_importer(SQLite::Database& db, const crypto::field_protection& protection,
                  std::shared_ptr<const triage::instrument> instrument,
                  std::shared_ptr<const triage::lexicon_set> lexicons);

  // One report, in its own transaction (a savepoint inside a caller's).
  // Errors: already_exists for a duplicate; the store's errors otherwise.
  result<imported_report> import(const police_report& report, timestamp now);

  static constexpr std::size_t max_listed_rejections = 1000;
  // Reports per transaction. The server's batches keep each write short (its
  // other writers wait for the lock); an offline bulk load (the command line)
  // takes larger chunks: every random index page a chunk touches is written
  // to the log once per commit, so fewer commits write far fewer pages on a
  // large database. A chunk of the bulk size holds the lock for a second or
  // two, well inside a waiting writer's busy timeout (5 s).
  static constexpr std::size_t default_batch_size = 2000;
  static constexpr std::size_t bulk_batch_size = 10000;
  using progress_callback = std::function<void(const import_summary&)>;

  // Reads a whole NDJSON or CSV batch. Good reports are stored; rejected ones
  // are listed with their line. Commits every `batch_size` reports; calls
  // `progress` after each commit. Errors only for a failing database.
  // `in_first_commit` runs inside the first chunk's transaction, before it
  // commits (the API writes the batch's audit entry there, so no chunk is
  // ever stored without it); its failure fails the batch.
  using commit_hook = std::function<result<void>()>;
  result<import_summary> import_batch(std::istream& in, batch_format format, timestamp now, const progress_callback& progress,
                                      std::size_t batch_size = default_batch_size, const commit_hook& in_first_commit = {});

 private:
  // The work of import() inside the caller's transaction.
  result<imported_report> import_unprotected(const police_report& report, timestamp now);

  store::intake_store store_;
  std::shared_ptr<const triage::instrument> instrument_;
  std::shared_ptr<const triage::lexicon_set> lexicons_;
  std::string record_buffer_;
};

}  // namespace casechain::core::intake
