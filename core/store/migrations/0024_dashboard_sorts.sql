-- The dashboard's sorts (issue 15): a centre's files by last update and by
-- candidate name, walked in index order as pages of their centre. The other
-- sorts (CQPM, state, report deadline) order a centre's files after its index
-- found them: few values, or a deadline read per file.
CREATE INDEX candidate_files_by_centre_updated ON candidate_files (centre_id, updated_at, id);
CREATE INDEX candidate_files_by_centre_name ON candidate_files (centre_id, search_name, id);
