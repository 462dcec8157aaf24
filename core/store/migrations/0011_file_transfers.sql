-- Transfers of a candidate file between centres: proposed by the file's
-- centre, accepted or refused by the receiving one (or cancelled by the
-- proposer). Never deleted: a transfer's row is its record for both centres,
-- which keep seeing it after the file has moved. At most one transfer of a
-- file is "proposed" at a time (checked under the writer lock).
CREATE TABLE file_transfers (
  id TEXT PRIMARY KEY,
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  from_centre_id TEXT NOT NULL REFERENCES organisations (id),
  to_centre_id TEXT NOT NULL REFERENCES organisations (id),
  reason TEXT NOT NULL,
  state TEXT NOT NULL,
  proposed_by TEXT NOT NULL REFERENCES users (id),
  proposed_at TEXT NOT NULL,
  decided_by TEXT REFERENCES users (id),
  decided_at TEXT,
  decision_reason TEXT
);
CREATE INDEX file_transfers_by_file ON file_transfers (file_id, proposed_at);
CREATE INDEX file_transfers_from ON file_transfers (from_centre_id, proposed_at);
CREATE INDEX file_transfers_to ON file_transfers (to_centre_id, proposed_at);
