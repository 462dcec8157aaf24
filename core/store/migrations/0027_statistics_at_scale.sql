-- The statistics page (GET /api/v1/statistics) at 100k files.
--
-- Median days per stage: each stay in a workflow state is kept when the move
-- that ends it is written (store/event_store.cpp), with the file's centre
-- (moved with the file: candidate_file_store::moveToCentre), instead of
-- searching, for every move, the file's earlier moves and sorting the
-- period's stays (1.8 to 2.6 s at 100k files and a million events). Each
-- stage's count is then a range of an index and its median one step into
-- another (statistics_store::stageStays). file_events stays append-only: the
-- stays of events written before are filled below, per dialect, as the
-- statistics computed them: from the file's latest earlier move (or its
-- creation) to the move out, in whole seconds; NULL where a time cannot be read.
CREATE TABLE stage_stays (
  file_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  centre_id TEXT NOT NULL,
  stage TEXT NOT NULL,
  left_at TEXT NOT NULL,
  seconds BIGINT,
  PRIMARY KEY (file_id, seq),
  FOREIGN KEY (file_id, seq) REFERENCES file_events (file_id, seq)
);
CREATE INDEX stage_stays_counted ON stage_stays (stage, left_at, seconds);
CREATE INDEX stage_stays_in_order ON stage_stays (stage, seconds, left_at);
CREATE INDEX stage_stays_counted_by_centre ON stage_stays (centre_id, stage, left_at, seconds);
CREATE INDEX stage_stays_in_order_by_centre ON stage_stays (centre_id, stage, seconds, left_at);

-- Overdue reports by CQPM: read from the index alone (the 0020 indexes hold
-- the state, not the CQPM: 15k rows of the table read, 50 ms, became 3 ms).
CREATE INDEX candidate_files_pending_report_cqpm ON candidate_files (pending_report_due_at, cqpm)
  WHERE pending_report_due_at IS NOT NULL;
CREATE INDEX candidate_files_pending_report_cqpm_by_centre
  ON candidate_files (centre_id, pending_report_due_at, cqpm) WHERE pending_report_due_at IS NOT NULL;
