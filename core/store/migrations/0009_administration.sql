-- Administration: organisations described and deactivated rather than deleted,
-- accounts invited by e-mail with one-time tokens, and the administration log.

-- A centre has a territory (région, départements as a JSON array of codes); a
-- company a SIRET and an address. Deactivated organisations stay for history.
ALTER TABLE organisations ADD COLUMN active BIGINT NOT NULL DEFAULT 1;
ALTER TABLE organisations ADD COLUMN region TEXT;
ALTER TABLE organisations ADD COLUMN departements TEXT NOT NULL DEFAULT '[]';
ALTER TABLE organisations ADD COLUMN siret TEXT;
ALTER TABLE organisations ADD COLUMN address TEXT;
ALTER TABLE organisations ADD COLUMN updated_at TEXT;
UPDATE organisations SET updated_at = created_at;
CREATE UNIQUE INDEX organisations_by_siret ON organisations (siret);

-- The centres a company works with: their coordinators see it and manage its tutors.
CREATE TABLE company_centres (
  company_id TEXT NOT NULL REFERENCES organisations (id),
  centre_id TEXT NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (company_id, centre_id)
);
CREATE INDEX company_centres_by_centre ON company_centres (centre_id, company_id);
-- Companies already used by a centre's files work with that centre.
INSERT INTO company_centres (company_id, centre_id)
  SELECT DISTINCT company_id, centre_id FROM candidate_files WHERE company_id IS NOT NULL;

-- An invited account has no password yet (password_hash is empty).
ALTER TABLE users ADD COLUMN updated_at TEXT;
UPDATE users SET updated_at = created_at;
CREATE UNIQUE INDEX users_by_email ON users (email);

-- One-time links (invitation, password reset): only the SHA-256 of the token is
-- kept. A token is single use, expires, and a newer one of the same purpose
-- revokes the older.
CREATE TABLE account_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  purpose TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX account_tokens_by_user ON account_tokens (user_id, purpose);

-- Every administrative act, append-only and hash-chained like a file's events:
-- each row carries the hash of the previous one. centre_id is the centre the
-- act concerns (its coordinator reads it), when there is one.
CREATE TABLE admin_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id TEXT REFERENCES users (id),
  actor_label TEXT NOT NULL,
  action TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target_id TEXT NOT NULL,
  target_label TEXT NOT NULL,
  centre_id TEXT,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX admin_log_by_centre ON admin_log (centre_id, seq);
