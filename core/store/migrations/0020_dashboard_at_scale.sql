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
-- Pages of every file (an administrator) and of one state, newest first,
-- walked in index order instead of sorting every file.
CREATE INDEX candidate_files_by_created ON candidate_files (created_at, id);
DROP INDEX candidate_files_by_state;
CREATE INDEX candidate_files_by_state ON candidate_files (state, created_at, id);
-- The overdue filter on one column: the report deadline's end while the file
-- holds no report document, NULL otherwise; kept by
-- candidate_file_store::refreshPendingReport where deadlines and reports are
-- written. Partial indexes: most files have nothing pending.
ALTER TABLE candidate_files ADD COLUMN pending_report_due_at TEXT;
UPDATE candidate_files SET pending_report_due_at = (SELECT dl.due_at FROM file_deadlines dl
  WHERE dl.file_id = candidate_files.id AND dl.kind = 'report' AND NOT EXISTS (SELECT 1 FROM documents rd
  WHERE rd.file_id = candidate_files.id AND rd.kind = 'report'));
CREATE INDEX candidate_files_pending_report ON candidate_files (pending_report_due_at, state)
  WHERE pending_report_due_at IS NOT NULL;
CREATE INDEX candidate_files_pending_report_by_centre ON candidate_files (centre_id, pending_report_due_at, state)
  WHERE pending_report_due_at IS NOT NULL;
CREATE INDEX candidate_files_pending_report_by_company ON candidate_files (company_id, pending_report_due_at, state)
  WHERE pending_report_due_at IS NOT NULL;
