-- Candidate imports, in two steps: a preview (the file's lines checked, nothing
-- created) and its confirmation (every file created in one transaction). The
-- preview keeps the checked rows and errors as JSON; the confirmation the ids
-- of the files it created, so confirming twice answers the same.
CREATE TABLE candidate_imports (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES organisations (id),
  created_by TEXT NOT NULL REFERENCES users (id),
  filename TEXT,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL,
  line_count BIGINT NOT NULL,
  preview TEXT NOT NULL,
  confirmed_at TEXT,
  confirmed_by TEXT REFERENCES users (id)
);
CREATE INDEX candidate_imports_by_centre ON candidate_imports (centre_id, created_at);

-- A one-time link may be about something besides its account: the candidate
-- file a "file_link" request asks the candidate to attach to their account.
ALTER TABLE account_tokens ADD COLUMN subject_id TEXT;
