-- 0004: log-in sessions. Only SHA-256 hashes of the session and CSRF tokens
-- are kept, so a copy of the database (a backup, a stolen disk) does not let
-- anyone act as a user. A session is ended by setting ended_at, never deleted,
-- so the audit can tell who was logged in when and from where.

CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  token_hash    BLOB NOT NULL UNIQUE CHECK (typeof(token_hash) = 'blob' AND length(token_hash) = 32),
  csrf_hash     BLOB NOT NULL CHECK (typeof(csrf_hash) = 'blob' AND length(csrf_hash) = 32),
  user_id       INTEGER NOT NULL REFERENCES users (id),
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  ended_at      TEXT,
  -- The client address as the server saw it, for the audit; never a token.
  address       TEXT NOT NULL CHECK (length(address) <= 255)
);
CREATE INDEX sessions_user ON sessions (user_id);
