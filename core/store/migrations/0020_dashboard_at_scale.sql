-- The dashboard at 100k files (issue 14). Portable part: files counted per
-- (centre, company, cqpm, pathway, state), kept by candidate_file_store in the
-- transaction that writes the file, so that the stats by state read a few rows
-- instead of every file. company_id is '' for a file without company (a
-- primary key column cannot be NULL on PostgreSQL).
CREATE TABLE candidate_file_counts (
  centre_id TEXT NOT NULL,
  company_id TEXT NOT NULL,
  cqpm TEXT NOT NULL,
  pathway TEXT NOT NULL,
  state TEXT NOT NULL,
  files BIGINT NOT NULL,
  PRIMARY KEY (centre_id, company_id, cqpm, pathway, state)
);
CREATE INDEX candidate_file_counts_by_company ON candidate_file_counts (company_id);
INSERT INTO candidate_file_counts (centre_id, company_id, cqpm, pathway, state, files)
  SELECT centre_id, COALESCE(company_id, ''), cqpm, pathway, state, COUNT(*) FROM candidate_files
  GROUP BY centre_id, COALESCE(company_id, ''), cqpm, pathway, state;
