-- Failure counters of the throttles (logins per account and per client
-- address, password reset requests and certificate verifications per address),
-- kept in the database so that every instance on it sees the same counts.
-- One row per (scope, subject): `failures` counted since `window_start`, the
-- latest at `last_failure_at` (ISO-8601 UTC text, sortable). A success deletes
-- the row of its account; housekeeping deletes rows whose last failure is more
-- than a day old (no throttle remembers longer).
CREATE TABLE throttle_failures (
  scope TEXT NOT NULL,
  subject TEXT NOT NULL,
  failures BIGINT NOT NULL,
  window_start TEXT NOT NULL,
  last_failure_at TEXT NOT NULL,
  PRIMARY KEY (scope, subject)
);

CREATE INDEX throttle_failures_by_last_failure ON throttle_failures (last_failure_at);
