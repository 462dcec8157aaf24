-- Documents of a candidate file (report, evidence, attestation...). An upload
-- never overwrites: each adds a version; bytes are stored by content hash.
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX documents_by_file ON documents (file_id, created_at);

CREATE TABLE document_versions (
  document_id TEXT NOT NULL REFERENCES documents (id),
  number BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  mime_type TEXT NOT NULL,
  filename TEXT NOT NULL,
  uploaded_by TEXT NOT NULL REFERENCES users (id),
  uploaded_at TEXT NOT NULL,
  PRIMARY KEY (document_id, number)
);
