-- CQPM-specific registration fields (checked by the CQPM's plugin) and the
-- evaluation modality plan agreed per competency, both JSON documents.
ALTER TABLE candidate_files ADD COLUMN registration TEXT NOT NULL DEFAULT '{}';
ALTER TABLE candidate_files ADD COLUMN modality_plan TEXT;
