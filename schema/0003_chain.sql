-- 0003: the case manager's work on the chain: round tables, the action plan
-- and its interventions, screenings, contacts, and alerts. Every row keeps the
-- id of the case event that recorded it, so guards can count what happened
-- since a case was (re)opened and the history explains every row.

CREATE INDEX case_events_kind ON case_events (case_id, kind, id);

CREATE TABLE round_tables (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES cases (id),
  event_id   INTEGER NOT NULL REFERENCES case_events (id),
  held_on    TEXT NOT NULL,
  decisions  TEXT NOT NULL CHECK (length(decisions) <= 20000)
);
CREATE INDEX round_tables_case ON round_tables (case_id, id);

CREATE TABLE round_table_participants (
  round_table_id   INTEGER NOT NULL REFERENCES round_tables (id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (round_table_id, organisation_id)
) WITHOUT ROWID;

CREATE TABLE plan_goals (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES cases (id),
  event_id  INTEGER NOT NULL REFERENCES case_events (id),
  text      TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000)
);
CREATE INDEX plan_goals_case ON plan_goals (case_id, id);

CREATE TABLE interventions (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL REFERENCES cases (id),
  event_id         INTEGER NOT NULL REFERENCES case_events (id),
  goal_id          INTEGER REFERENCES plan_goals (id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id),
  owner_id         INTEGER REFERENCES users (id),
  description      TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  due_on           TEXT,
  status           TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
  result           TEXT NOT NULL DEFAULT '' CHECK (length(result) <= 5000),
  updated_at       TEXT NOT NULL
);
CREATE INDEX interventions_case ON interventions (case_id, id);
CREATE INDEX interventions_organisation ON interventions (organisation_id, status);
CREATE INDEX interventions_owner ON interventions (owner_id, status);

-- Signals and protective factors, each scored 0 (none) to 4 (severe / strong).
CREATE TABLE screenings (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES cases (id),
  event_id  INTEGER NOT NULL REFERENCES case_events (id),
  kind      TEXT NOT NULL CHECK (kind IN ('risk', 'plan_start', 'closing')),
  scores    TEXT NOT NULL CHECK (json_valid(scores))
);
CREATE INDEX screenings_case ON screenings (case_id, kind, id);

CREATE TABLE contacts (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES cases (id),
  event_id  INTEGER NOT NULL REFERENCES case_events (id),
  at        TEXT NOT NULL,
  channel   TEXT NOT NULL CHECK (channel IN ('call', 'letter', 'visit', 'meeting')),
  outcome   TEXT NOT NULL CHECK (outcome IN ('reached', 'not_reached', 'refused'))
);
CREATE INDEX contacts_case ON contacts (case_id, at);

CREATE TABLE alerts (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases (id),
  user_id     INTEGER REFERENCES users (id),
  kind        TEXT NOT NULL,
  key         TEXT NOT NULL DEFAULT '',  -- what makes it one alert: a report id, a due date
  detail      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  created_at  TEXT NOT NULL,
  seen_at     TEXT,
  UNIQUE (case_id, kind, key)
);
CREATE INDEX alerts_user ON alerts (user_id, seen_at);
