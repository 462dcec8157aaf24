-- The statistics page (GET /api/v1/statistics): the jury outcomes of a period
-- are the moves into a final state, found by state then time instead of
-- walking every event of the period (file_events_by_at, 0007), and holding
-- the file id that the join to the file's CQPM, pathway and centre needs.
CREATE INDEX file_events_by_to_state_at ON file_events (to_state, at, file_id);
