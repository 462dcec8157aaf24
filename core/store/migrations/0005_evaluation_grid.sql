-- The evaluation commission of a candidate file: the evaluators of its centre
-- who evaluate it (and the only evaluators who see it).
CREATE TABLE evaluation_commissions (
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  evaluator_id TEXT NOT NULL REFERENCES users (id),
  position BIGINT NOT NULL,
  assigned_by TEXT NOT NULL REFERENCES users (id),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (file_id, evaluator_id)
);
CREATE INDEX evaluation_commissions_by_evaluator ON evaluation_commissions (evaluator_id, file_id);

-- The evaluation grid, one row per competency written at least once. Each
-- competency has its own version: two evaluators editing different
-- competencies never conflict; a write is a compare-and-swap on it.
CREATE TABLE competency_evaluations (
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  competency TEXT NOT NULL,
  result TEXT NOT NULL,
  observations TEXT NOT NULL,
  evidence TEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_by TEXT REFERENCES users (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (file_id, competency)
);

-- A signature attests one content version of a competency; a later version is
-- unsigned until signed again (older signatures are kept as history).
CREATE TABLE evaluation_signatures (
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  competency TEXT NOT NULL,
  version BIGINT NOT NULL,
  evaluator_id TEXT NOT NULL REFERENCES users (id),
  signed_at TEXT NOT NULL,
  PRIMARY KEY (file_id, competency, version, evaluator_id)
);
