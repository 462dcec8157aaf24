-- The stays ended by the events written before 0027 (see 0027_statistics_at_scale.sql).
INSERT INTO stage_stays (file_id, seq, centre_id, stage, left_at, seconds)
SELECT s.file_id, s.seq, s.centre_id, s.stage, s.left_at, CAST(strftime('%s', s.left_at) AS BIGINT) - CAST(strftime('%s', s.entered_at) AS BIGINT)
FROM (SELECT e.file_id, e.seq, f.centre_id, e.from_state AS stage, e.at AS left_at,
             (SELECT p.at FROM file_events p WHERE p.file_id = e.file_id AND p.seq < e.seq
                AND (p.from_state IS NULL OR p.from_state <> p.to_state) ORDER BY p.seq DESC LIMIT 1) AS entered_at
      FROM file_events e JOIN candidate_files f ON f.id = e.file_id WHERE e.from_state <> e.to_state) s
WHERE s.entered_at IS NOT NULL;
