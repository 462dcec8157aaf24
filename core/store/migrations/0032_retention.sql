-- Privacy by design (issue 16, item 5): the retention policy applied by the
-- scheduler (retention/retention_sweep). A document version whose time is
-- over keeps its row (name, size, SHA-256, uploader: the history still says
-- what was there) but loses its bytes; a not-certified candidate's identity
-- is erased once its time is over, and the file says when.
ALTER TABLE document_versions ADD COLUMN purged_at TEXT;
ALTER TABLE candidate_files ADD COLUMN anonymised_at TEXT;
