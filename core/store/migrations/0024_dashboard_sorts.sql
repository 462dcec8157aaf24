-- The dashboard's sorts (issue 15): a centre's files by last update, by
-- candidate name and by CQPM, walked in index order as pages of their centre
-- (by state, candidate_files_by_centre_state serves). The report deadline is
-- another table's: that sort orders the centre's files after reading each one's
-- (about 0.6 s for a centre of 100k files on SQLite).
CREATE INDEX candidate_files_by_centre_updated ON candidate_files (centre_id, updated_at, id);
CREATE INDEX candidate_files_by_centre_name ON candidate_files (centre_id, search_name, id);
CREATE INDEX candidate_files_by_centre_cqpm ON candidate_files (centre_id, cqpm, id);
