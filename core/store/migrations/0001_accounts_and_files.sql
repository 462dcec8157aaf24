-- Organisations, accounts, sessions, candidate files and their event history.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Identifiers are
-- UUID text, times are ISO-8601 UTC text (sortable), integers are BIGINT.

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  college TEXT,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  active BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX users_by_organisation ON users (organisation_id);

-- Only the SHA-256 of a session token is stored: a leaked database does not
-- hand out live sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE candidate_files (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES organisations (id),
  company_id TEXT REFERENCES organisations (id),
  candidate_user_id TEXT REFERENCES users (id),
  cqpm TEXT NOT NULL,
  pathway TEXT NOT NULL,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  email TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  -- lower-cased, accent-folded "given family" for the name search
  search_name TEXT NOT NULL,
  state TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX candidate_files_by_centre ON candidate_files (centre_id, created_at, id);
CREATE INDEX candidate_files_by_company ON candidate_files (company_id, created_at, id);
CREATE INDEX candidate_files_by_candidate ON candidate_files (candidate_user_id);
CREATE INDEX candidate_files_by_state ON candidate_files (state);

-- Append-only: rows are never updated or deleted. Each event carries the hash
-- of the previous event of the same file, so any tampering breaks the chain.
CREATE TABLE file_events (
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  seq BIGINT NOT NULL,
  transition TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES users (id),
  organisation_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (file_id, seq)
);

-- A retried POST with the same Idempotency-Key gets the first answer.
CREATE TABLE idempotency_keys (
  user_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status BIGINT NOT NULL,
  response_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
);
