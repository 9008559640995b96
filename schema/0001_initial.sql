-- 0001: the domain model of the foundation.
-- Instants are ISO-8601 UTC text ("2026-11-22T09:30:00Z"), dates "YYYY-MM-DD".
-- Vocabulary columns hold the names of core/model/enums.hpp.

CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  sector      TEXT NOT NULL CHECK (sector IN ('police', 'justice', 'care', 'administration')),
  created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX organisations_name ON organisations (name COLLATE NOCASE);

CREATE TABLE users (
  id               INTEGER PRIMARY KEY,
  username         TEXT NOT NULL CHECK (length(username) BETWEEN 1 AND 64),
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id),
  password_hash    TEXT NOT NULL,
  disabled         INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX users_username ON users (username COLLATE NOCASE);

CREATE TABLE user_roles (
  user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role     TEXT NOT NULL CHECK (role IN ('triage', 'case_manager', 'police', 'prosecutor',
                                         'social_worker', 'coordinator', 'auditor', 'admin')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

CREATE TABLE persons (
  id           INTEGER PRIMARY KEY,
  first_name   TEXT NOT NULL,
  last_name    TEXT NOT NULL,
  birth_date   TEXT,
  gender       TEXT NOT NULL CHECK (gender IN ('female', 'male', 'x', 'unknown')),
  national_id  TEXT,
  created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX persons_national_id ON persons (national_id) WHERE national_id IS NOT NULL;

CREATE TABLE families (
  id          INTEGER PRIMARY KEY,
  created_at  TEXT NOT NULL
);

CREATE TABLE family_members (
  family_id  INTEGER NOT NULL REFERENCES families (id),
  person_id  INTEGER NOT NULL REFERENCES persons (id),
  role       TEXT NOT NULL CHECK (role IN ('victim', 'suspect', 'child', 'other')),
  PRIMARY KEY (family_id, person_id)
) WITHOUT ROWID;
CREATE INDEX family_members_person ON family_members (person_id);

CREATE TABLE reports (
  id                   INTEGER PRIMARY KEY,
  external_ref         TEXT NOT NULL CHECK (length(external_ref) BETWEEN 1 AND 64),
  police_zone          TEXT NOT NULL CHECK (length(police_zone) BETWEEN 1 AND 100),
  reported_at          TEXT NOT NULL,
  incident_at          TEXT,
  relationship         TEXT NOT NULL,
  violence             TEXT NOT NULL CHECK (json_valid(violence)),
  indicators           TEXT NOT NULL CHECK (json_valid(indicators)),
  order_from           TEXT,
  order_until          TEXT,
  arrest               INTEGER NOT NULL CHECK (arrest IN (0, 1)),
  red_file             INTEGER NOT NULL CHECK (red_file IN (0, 1)),
  narrative            TEXT NOT NULL,
  family_id            INTEGER REFERENCES families (id),
  received_at          TEXT NOT NULL,
  CHECK ((order_from IS NULL) = (order_until IS NULL))
);
CREATE UNIQUE INDEX reports_zone_ref ON reports (police_zone, external_ref);
CREATE INDEX reports_family ON reports (family_id, reported_at);

-- The persons as written in the report; person_id is set once linked.
CREATE TABLE report_persons (
  report_id     INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  person_id     INTEGER REFERENCES persons (id),
  role          TEXT NOT NULL CHECK (role IN ('victim', 'suspect', 'child', 'other')),
  first_name    TEXT NOT NULL,
  last_name     TEXT NOT NULL,
  birth_date    TEXT,
  gender        TEXT NOT NULL CHECK (gender IN ('female', 'male', 'x', 'unknown')),
  national_id   TEXT,
  street        TEXT,
  house_number  TEXT,
  postcode      TEXT,
  municipality  TEXT,
  phone         TEXT,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;

CREATE TABLE cases (
  id               INTEGER PRIMARY KEY,
  family_id        INTEGER NOT NULL REFERENCES families (id),
  track            INTEGER NOT NULL CHECK (track IN (1, 2, 3)),
  step             TEXT NOT NULL,
  case_manager_id  INTEGER REFERENCES users (id),
  opened_at        TEXT NOT NULL,
  closed_at        TEXT,
  closure_reason   TEXT,
  updated_at       TEXT NOT NULL
);
-- One open case per family: a new report on the family updates that case.
CREATE UNIQUE INDEX cases_open_per_family ON cases (family_id) WHERE closed_at IS NULL;
CREATE INDEX cases_case_manager ON cases (case_manager_id) WHERE closed_at IS NULL;

-- The organisations admitted to a case's consultation.
CREATE TABLE case_members (
  case_id          INTEGER NOT NULL REFERENCES cases (id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id),
  admitted_at      TEXT NOT NULL,
  admitted_by      INTEGER REFERENCES users (id),
  PRIMARY KEY (case_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX case_members_organisation ON case_members (organisation_id);

-- The append-only history of a case: who, when, what, why.
CREATE TABLE case_events (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES cases (id),
  at        TEXT NOT NULL,
  actor_id  INTEGER REFERENCES users (id),
  kind      TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
  detail    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  reason    TEXT
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;
