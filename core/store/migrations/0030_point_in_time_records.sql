-- A file as it stood at any past instant (issue 16, item 3) is rebuilt from
-- records that are only ever appended. Two parts were updated in place: a
-- competency's evaluation (competency_evaluations keeps the latest content,
-- the target of the compare-and-swap) and a company opinion's draft
-- (company_opinions keeps the latest revision). Each write now also appends
-- the content it leaves to these tables, in the same transaction.
CREATE TABLE competency_evaluation_versions (
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  competency TEXT NOT NULL,
  version BIGINT NOT NULL,
  result TEXT NOT NULL,
  observations TEXT NOT NULL,
  evidence TEXT NOT NULL,
  updated_by TEXT REFERENCES users (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (file_id, competency, version)
);
-- What was written before this migration: its latest content only, from the
-- time it was written (earlier contents were overwritten and are gone).
INSERT INTO competency_evaluation_versions
  (file_id, competency, version, result, observations, evidence, updated_by, updated_at)
SELECT file_id, competency, version, result, observations, evidence, updated_by, updated_at
FROM competency_evaluations WHERE version > 0;

-- One row per save and per signature of a company opinion; recorded_at is
-- when that revision was written (a signature keeps updated_at, the last
-- save of the content, and adds signed_at).
CREATE TABLE company_opinion_revisions (
  file_id TEXT NOT NULL REFERENCES candidate_files (id),
  version BIGINT NOT NULL,
  revision BIGINT NOT NULL,
  state TEXT NOT NULL,
  content TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  signed_by TEXT REFERENCES users (id),
  signed_at TEXT,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (file_id, version, revision)
);
INSERT INTO company_opinion_revisions
  (file_id, version, revision, state, content, updated_by, updated_at, signed_by, signed_at, recorded_at)
SELECT file_id, version, revision, state, content, updated_by, updated_at, signed_by, signed_at,
       COALESCE(signed_at, updated_at)
FROM company_opinions;
