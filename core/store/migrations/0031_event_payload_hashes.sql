-- Privacy by design (issue 16, item 5): a file's hash chain covers the
-- SHA-256 of each event's payload, no longer the payload itself, so that the
-- retention policy can erase the personal data a payload holds (a corrected
-- name, a reason typed by a person) and leave the chain verifiable. The data
-- step of this migration (store/migration_data_steps.cpp) checks each file's
-- chain as it was, then writes it again under the new scheme; a chain already
-- broken is left exactly as it is, so that the break still shows.
ALTER TABLE file_events ADD COLUMN payload_sha256 TEXT;
ALTER TABLE file_events ADD COLUMN payload_redacted_at TEXT;
-- One row per chain written again: its last hash before and after, so that a
-- hash printed or exported earlier can still be traced to today's chain.
CREATE TABLE event_chain_rehashes (
  file_id TEXT PRIMARY KEY REFERENCES candidate_files (id),
  events BIGINT NOT NULL,
  old_head TEXT NOT NULL,
  new_head TEXT,
  problem TEXT
);
