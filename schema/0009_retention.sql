-- 0009: retention and erasure (core/retention). A legal hold suspends the
-- erasure of a family's records (a case's hold holds its whole family, the
-- unit that is erased). Holds are ended (removed_at), not deleted, while the
-- family is kept; they go with the family when it is erased.
CREATE TABLE retention_holds (
  id          INTEGER PRIMARY KEY,
  family_id   INTEGER NOT NULL REFERENCES families (id),
  case_id     INTEGER REFERENCES cases (id),  -- NULL: placed on the family
  reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
  placed_by   TEXT NOT NULL CHECK (length(placed_by) BETWEEN 1 AND 100),
  placed_at   TEXT NOT NULL,
  removed_by  TEXT CHECK (removed_by IS NULL OR length(removed_by) BETWEEN 1 AND 100),
  removed_at  TEXT
);
CREATE INDEX retention_holds_family ON retention_holds (family_id) WHERE removed_at IS NULL;

-- A family's cases, for the due dates (cases_open_per_family only holds open ones).
CREATE INDEX cases_family ON cases (family_id, track, closed_at);
-- Erasing a person or a case looks for what still names it (the foreign
-- key checks, and whether a person is named elsewhere): without these each
-- erased person cost a scan of every report's persons.
CREATE INDEX report_persons_person ON report_persons (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX triage_decisions_case ON triage_decisions (case_id) WHERE case_id IS NOT NULL;

-- The only way past case_events' append-only rule: the erasure writes the
-- ids of the cases it erases here, deletes their events, and empties this
-- table again, all in one write transaction, so no other connection ever
-- sees a row in it. (A TEMP table cannot serve: SQLite does not let a
-- trigger of the main schema read one.) Only closed cases of families
-- without a legal hold may be named.
CREATE TABLE retention_erasing (
  case_id  INTEGER PRIMARY KEY
);
CREATE TRIGGER retention_erasing_closed_unheld BEFORE INSERT ON retention_erasing
WHEN NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = NEW.case_id AND c.closed_at IS NOT NULL)
  OR EXISTS (SELECT 1 FROM cases c JOIN retention_holds h ON h.family_id = c.family_id
             WHERE c.id = NEW.case_id AND h.removed_at IS NULL)
BEGIN SELECT RAISE(ABORT, 'only a closed case of a family without a legal hold is erased'); END;

DROP TRIGGER case_events_no_delete;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
WHEN NOT EXISTS (SELECT 1 FROM retention_erasing WHERE case_id = OLD.case_id)
BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;
