-- 0007: the secrecy rules' ledgers. Consent per person, recipient
-- organisation and data category; emergency access ("break the glass") per
-- user and case, reviewed by an auditor; danger overrides (sharing without
-- consent in imminent danger), reviewed too; must-not-know exclusions of a
-- user from a family; and care notes, which stay with the organisation that
-- wrote them unless shared. Rows are ended (revoked_at, lifted_at), never
-- deleted, so the trail of who could see what, when, stays whole.

CREATE TABLE consents (
  id                 INTEGER PRIMARY KEY,
  person_id          INTEGER NOT NULL REFERENCES persons (id),
  organisation_id    INTEGER NOT NULL REFERENCES organisations (id),  -- the recipient
  category           TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
  given_by           INTEGER NOT NULL REFERENCES users (id),           -- who recorded it
  given_at           TEXT NOT NULL,
  valid_until        TEXT NOT NULL,
  revoked_at         TEXT,
  revoked_by         INTEGER REFERENCES users (id)
);
CREATE INDEX consents_recipient ON consents (organisation_id, category, person_id);
CREATE INDEX consents_person ON consents (person_id);

CREATE TABLE emergency_access (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users (id),
  case_id       INTEGER NOT NULL REFERENCES cases (id),
  reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
  granted_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  reviewed_at   TEXT,
  reviewed_by   INTEGER REFERENCES users (id),
  review_note   TEXT CHECK (review_note IS NULL OR length(review_note) <= 2000)
);
CREATE INDEX emergency_access_user ON emergency_access (user_id, case_id, expires_at);
CREATE INDEX emergency_access_review ON emergency_access (reviewed_at, id);

CREATE TABLE danger_overrides (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL REFERENCES cases (id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id),  -- the recipient
  category         TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
  justification    TEXT NOT NULL CHECK (length(justification) BETWEEN 10 AND 2000),
  made_by          INTEGER NOT NULL REFERENCES users (id),
  made_at          TEXT NOT NULL,
  expires_at       TEXT NOT NULL,
  reviewed_at      TEXT,
  reviewed_by      INTEGER REFERENCES users (id)
);
CREATE INDEX danger_overrides_case ON danger_overrides (case_id, organisation_id, category);

CREATE TABLE exclusions (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id),
  family_id   INTEGER NOT NULL REFERENCES families (id),
  reason      TEXT NOT NULL CHECK (reason IN ('declared_relation', 'conflict_of_interest')),
  made_by     INTEGER NOT NULL REFERENCES users (id),
  made_at     TEXT NOT NULL,
  lifted_at   TEXT
);
CREATE INDEX exclusions_user ON exclusions (user_id, family_id);

CREATE TABLE care_notes (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL REFERENCES cases (id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id),  -- the owner
  author_id        INTEGER NOT NULL REFERENCES users (id),
  written_at       TEXT NOT NULL,
  -- Sealed (AES-256-GCM, core/crypto): a professional secret never rests in clear.
  text_sealed      BLOB NOT NULL CHECK (typeof(text_sealed) = 'blob')
);
CREATE INDEX care_notes_case ON care_notes (case_id, organisation_id, id);
