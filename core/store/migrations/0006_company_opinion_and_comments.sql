-- The company's opinion on a candidate ("avis de l'entreprise"): one row per
-- version. A draft is saved as many times as needed (revision + 1 each time);
-- signing locks the version; a correction is the next version, so a signed
-- version is never changed.
CREATE TABLE company_opinions (
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  version BIGINT NOT NULL,
  state TEXT NOT NULL,
  content TEXT NOT NULL,
  revision BIGINT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  signed_by TEXT REFERENCES users (id),
  signed_at TEXT,
  PRIMARY KEY (file_id, version)
);

-- Comments on a file, general or about one competency: never edited nor
-- deleted. seq orders them within the file (times may tie).
CREATE TABLE file_comments (
  id TEXT PRIMARY KEY,
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  seq BIGINT NOT NULL,
  competency TEXT,
  body TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  UNIQUE (file_id, seq)
);
