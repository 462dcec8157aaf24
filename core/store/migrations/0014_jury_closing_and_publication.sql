-- A session that holds: its president (a member the coordinator designates)
-- closes it once every file is decided; members present sign the minutes (at
-- least one of each college); the coordinator then publishes the results,
-- which is when decisions take effect for candidates and companies. States:
-- planned -> open -> closed -> published.
ALTER TABLE jury_sessions ADD COLUMN president_id TEXT REFERENCES users (id);
ALTER TABLE jury_sessions ADD COLUMN closed_at TEXT;
ALTER TABLE jury_sessions ADD COLUMN published_at TEXT;

CREATE TABLE jury_signatures (
  session_id TEXT NOT NULL REFERENCES jury_sessions (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  college TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  PRIMARY KEY (session_id, user_id)
);

-- After the deliberation opened, a correction of the session's record is an
-- erratum: appended, never an edit.
CREATE TABLE jury_errata (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES jury_sessions (id),
  text TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX jury_errata_by_session ON jury_errata (session_id, recorded_at);
