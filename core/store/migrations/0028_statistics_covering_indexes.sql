-- The statistics page over a long period at 100k files: its grouped counts
-- read indexes only, instead of fetching a row per file or per event.
--
-- Jury outcomes: the moves out of deliberation are found by state and time
-- (0023); with from_state in the index the events themselves are not read
-- (bench_dashboard, three years of 100k files, sqlite3: 220 ms -> 10 ms for
-- the events, 380 ms -> 150 ms for the whole statement with the join).
DROP INDEX file_events_by_to_state_at;
CREATE INDEX file_events_by_to_state_at ON file_events (to_state, at, file_id, from_state);
-- Files by month and state or CQPM: the period's range of created_at carries
-- the grouped columns (108 ms -> 65-77 ms a statement on the same data). The
-- dashboard's orders (centre, created_at, id) and (created_at, id) stay the
-- indexes' leading columns.
DROP INDEX candidate_files_by_created;
CREATE INDEX candidate_files_by_created ON candidate_files (created_at, id, state, cqpm);
DROP INDEX candidate_files_by_centre;
CREATE INDEX candidate_files_by_centre ON candidate_files (centre_id, created_at, id, state, cqpm);
