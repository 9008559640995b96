-- 0002: linking reports to known persons, and triage proposals and decisions.

-- Normalised names (core/intake/name_matching) for finding candidates.
ALTER TABLE persons ADD COLUMN first_key TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN last_key TEXT NOT NULL DEFAULT '';
-- Linking looks for persons born on a day with the same last name or the
-- same first name (one name exact, the other within typing errors): two
-- covering indexes, so each lookup is a seek, however many persons share a birthday.
CREATE INDEX persons_birth_last ON persons (birth_date, last_key, first_key, national_id) WHERE birth_date IS NOT NULL;
CREATE INDEX persons_birth_first ON persons (birth_date, first_key, last_key, national_id) WHERE birth_date IS NOT NULL;

-- A probable match the team must confirm or reject: the report's person was
-- stored as a new person, `candidate` is who it may be.
CREATE TABLE link_flags (
  id           INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES reports (id),
  position     INTEGER NOT NULL,
  person_id    INTEGER NOT NULL REFERENCES persons (id),
  candidate_id INTEGER NOT NULL REFERENCES persons (id),
  reason       TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'rejected')),
  created_at   TEXT NOT NULL,
  resolved_by  INTEGER REFERENCES users (id),
  resolved_at  TEXT
);
CREATE INDEX link_flags_open ON link_flags (status, id);
CREATE INDEX link_flags_report ON link_flags (report_id);

-- The instrument's proposal for a report: the decision record, kept whole.
CREATE TABLE triage_proposals (
  report_id    INTEGER PRIMARY KEY REFERENCES reports (id),
  instrument   TEXT NOT NULL,
  track        INTEGER NOT NULL CHECK (track IN (1, 2, 3)),
  risk_level   TEXT NOT NULL,
  score        INTEGER NOT NULL,
  complexity   INTEGER NOT NULL,
  unknowns     INTEGER NOT NULL,
  record       TEXT NOT NULL CHECK (json_valid(record)),
  proposed_at  TEXT NOT NULL
);
CREATE INDEX triage_proposals_track ON triage_proposals (track);

-- The team's decision beside the proposal. Lowering the proposed track waits
-- for a second team member (status 'awaiting_confirmation').
CREATE TABLE triage_decisions (
  report_id     INTEGER PRIMARY KEY REFERENCES reports (id),
  track         INTEGER NOT NULL CHECK (track IN (1, 2, 3)),
  reason        TEXT,
  decided_by    INTEGER NOT NULL REFERENCES users (id),
  decided_at    TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('decided', 'awaiting_confirmation')),
  confirmed_by  INTEGER REFERENCES users (id),
  confirmed_at  TEXT,
  case_id       INTEGER REFERENCES cases (id),
  CHECK (confirmed_by IS NULL OR confirmed_by <> decided_by)
);
CREATE INDEX triage_decisions_status ON triage_decisions (status);
