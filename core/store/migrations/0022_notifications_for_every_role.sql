-- Notifications for every role (issue 15): where each one leads, how each user
-- wants their e-mails, the daily digests sent, and the notifier's cursors over
-- the new sources.

-- The page a notification is about, relative to the public URL ("/jurys/<id>");
-- null: the file's page when it has a file, else the notifications page.
ALTER TABLE notifications ADD COLUMN link TEXT;
-- The Paris day of the digest that holds it, once claimed by one.
ALTER TABLE notifications ADD COLUMN email_digest_day TEXT;

-- email: immediate, daily or none. No row: immediate. In-app notifications are
-- kept whatever the choice.
CREATE TABLE notification_settings (
  user_id TEXT PRIMARY KEY REFERENCES users (id),
  email TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- One digest per user and Paris day: claimed by inserting its row in the
-- transaction that gathers its notifications, so a restart or a second
-- instance never sends it twice. state: sending, sent.
CREATE TABLE email_digests (
  user_id TEXT NOT NULL REFERENCES users (id),
  paris_day TEXT NOT NULL,
  state TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  sent_at TEXT,
  notifications BIGINT NOT NULL,
  PRIMARY KEY (user_id, paris_day)
);
CREATE INDEX notifications_by_user_email_state ON notifications (user_id, email_state);

-- The new sources start after what is already there: an upgraded server does
-- not notify its past.
INSERT INTO notifier_cursor (name, at) SELECT 'commission_events', COALESCE(MAX(at), '') FROM file_events;
INSERT INTO notifier_cursor (name, at)
  SELECT 'referential_approvals', COALESCE(MAX(approved_at), '') FROM referential_approvals;
INSERT INTO notifier_cursor (name, at)
  SELECT 'referential_versions', COALESCE(MAX(published_at), '') FROM referential_versions;
