-- Deadlines of candidate files, the reminders sent about them, per-user
-- notifications and the notifier's position in the event log.

-- One row per file and kind of deadline ("report"). `due_date` is the calendar
-- day (Europe/Paris) the deadline ends, after any extension; `due_at` is the UTC
-- instant that day ends, so SQL can compare it with a time.
CREATE TABLE file_deadlines (
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  kind TEXT NOT NULL,
  due_date TEXT NOT NULL,
  due_at TEXT NOT NULL,
  set_due_date TEXT NOT NULL,
  set_by TEXT NOT NULL REFERENCES users (id),
  set_at TEXT NOT NULL,
  PRIMARY KEY (file_id, kind)
);
CREATE INDEX file_deadlines_by_due ON file_deadlines (kind, due_at);

-- Every extension, kept: the history of a deadline is never rewritten.
CREATE TABLE deadline_extensions (
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  kind TEXT NOT NULL,
  number BIGINT NOT NULL,
  from_date TEXT NOT NULL,
  until_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  extended_by TEXT NOT NULL REFERENCES users (id),
  extended_at TEXT NOT NULL,
  PRIMARY KEY (file_id, kind, number)
);

-- A reminder is claimed by inserting its key in the transaction that creates
-- its notifications: a restart or a second instance never sends it again.
CREATE TABLE sent_reminders (
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  deadline_kind TEXT NOT NULL,
  reminder_kind TEXT NOT NULL,
  due_date TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  PRIMARY KEY (file_id, deadline_kind, reminder_kind, due_date)
);

-- In-app notifications. `source_key` names what caused one (a reminder, an
-- event of the log): unique per user, so each is created once.
-- email_state: none (no SMTP when created), pending, sending, sent.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  file_id TEXT REFERENCES candidate_files (id),
  source_key TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  email_state TEXT NOT NULL,
  email_attempts BIGINT NOT NULL DEFAULT 0,
  email_next_attempt_at TEXT,
  email_sent_at TEXT,
  email_error TEXT,
  UNIQUE (user_id, source_key)
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at);
CREATE INDEX notifications_by_email_state ON notifications (email_state, email_next_attempt_at);

-- How far the notifier has read the event log (by `at`). Starts after the
-- events already there when this migration runs: an upgraded server does not
-- notify its whole past.
CREATE TABLE notifier_cursor (
  name TEXT PRIMARY KEY,
  at TEXT NOT NULL
);
INSERT INTO notifier_cursor (name, at) SELECT 'file_events', COALESCE(MAX(at), '') FROM file_events;
CREATE INDEX file_events_by_at ON file_events (at);
