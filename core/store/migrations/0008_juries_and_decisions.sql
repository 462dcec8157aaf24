-- Paritary jury sessions of a centre, their members (one college each, from
-- the member's account) and the files they deliberate on.
CREATE TABLE jury_sessions (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES organisations (id),
  session_date TEXT NOT NULL,
  place TEXT NOT NULL,
  -- planned, then open once the quorum was met; files are decided while open
  state TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  opened_at TEXT
);
CREATE INDEX jury_sessions_by_centre ON jury_sessions (centre_id, session_date);

CREATE TABLE jury_members (
  session_id TEXT NOT NULL REFERENCES jury_sessions (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  college TEXT NOT NULL,
  -- the company the member comes from: they cannot deliberate on its employees
  company_id TEXT REFERENCES organisations (id),
  present BIGINT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (session_id, user_id)
);
CREATE INDEX jury_members_by_user ON jury_members (user_id);

CREATE TABLE jury_session_files (
  session_id TEXT NOT NULL REFERENCES jury_sessions (id),
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (session_id, file_id)
);
CREATE INDEX jury_session_files_by_file ON jury_session_files (file_id);

-- A jury's decision on a file. Never deleted nor rewritten: a revocation only
-- fills the revoked_* columns. JSON columns keep what the jury saw and who sat.
CREATE TABLE jury_decisions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES jury_sessions (id),
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  cqpm TEXT NOT NULL,
  -- folded "family|given|birth date": the same person across files (bloc carry-over)
  candidate_key TEXT NOT NULL,
  outcome TEXT NOT NULL,
  blocs TEXT NOT NULL,
  proposal TEXT NOT NULL,
  overrides_proposal BIGINT NOT NULL,
  reason TEXT NOT NULL,
  members TEXT NOT NULL,
  abstentions TEXT NOT NULL,
  referential_version BIGINT,
  referential_commit TEXT,
  decided_by TEXT NOT NULL REFERENCES users (id),
  decided_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT REFERENCES users (id),
  revocation_reason TEXT
);
CREATE INDEX jury_decisions_by_file ON jury_decisions (file_id);
CREATE INDEX jury_decisions_by_session ON jury_decisions (session_id);
CREATE INDEX jury_decisions_by_candidate ON jury_decisions (candidate_key, cqpm);

-- What a certified or blocs_awarded decision awards: a certificate or a bloc
-- attestation, checked by anyone with its verification code.
CREATE TABLE awards (
  id TEXT PRIMARY KEY,
  decision_id TEXT NOT NULL REFERENCES jury_decisions (id),
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  kind TEXT NOT NULL,
  verification_code TEXT NOT NULL UNIQUE,
  holder_name TEXT NOT NULL,
  cqpm TEXT NOT NULL,
  cqpm_title TEXT NOT NULL,
  blocs TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  referential_version BIGINT NOT NULL,
  centre_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX awards_by_decision ON awards (decision_id);
