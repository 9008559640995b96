-- 0005: the audit trail. One row per read, write, denial, export, log-in and
-- emergency access: who, in which organisation and roles, did what to which
-- case and data categories, on which legal basis, with what outcome. Never a
-- sensitive value. Rows are chained with a keyed hash (HMAC-SHA256, the key
-- in secrets/audit.key outside the database): each row's hash covers its own
-- fields and the previous row's hash, so changing, deleting, swapping or
-- re-chaining rows without the key is detected by `casechain audit verify`.
-- Ids are given in sequence (1, 2, 3, ...): a gap is a deleted row.

CREATE TABLE audit_entries (
  id               INTEGER PRIMARY KEY,
  at               TEXT NOT NULL,
  user_id          INTEGER,           -- no foreign key: the trail outlives what it describes
  organisation_id  INTEGER,
  roles            TEXT NOT NULL CHECK (length(roles) <= 200),
  action           TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
  case_id          INTEGER,
  category         TEXT NOT NULL CHECK (length(category) <= 300),
  legal_basis      TEXT NOT NULL CHECK (length(legal_basis) <= 300),
  purpose          TEXT NOT NULL CHECK (length(purpose) <= 300),
  outcome          TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
  request_id       TEXT NOT NULL CHECK (length(request_id) <= 64),
  hash             BLOB NOT NULL CHECK (typeof(hash) = 'blob' AND length(hash) = 32)
);
CREATE INDEX audit_entries_case ON audit_entries (case_id, id) WHERE case_id IS NOT NULL;
CREATE INDEX audit_entries_user ON audit_entries (user_id, id);

CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
