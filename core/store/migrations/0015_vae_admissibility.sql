-- VAE admissibility: before the modalities of a VAE file are agreed, its
-- centre records whether the candidate's application is admissible
-- (« recevabilité »), favourable or not, with a reason. Append-only: a new
-- examination adds a row; the latest one is the one in force.
CREATE TABLE vae_admissibility_decisions (
  id TEXT PRIMARY KEY,
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  sequence BIGINT NOT NULL,
  favourable INTEGER NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL REFERENCES users (id),
  decided_at TEXT NOT NULL
);
CREATE UNIQUE INDEX vae_admissibility_by_file ON vae_admissibility_decisions (file_id, sequence);
