-- The name search through a pg_trgm GIN index over the folded name: LIKE
-- '%...%' uses it for 3 characters or more. The extension lives in a schema of
-- its own, so that it outlives any schema the application's tables are in
-- (tests drop theirs); the index names its operator class there.
CREATE SCHEMA IF NOT EXISTS cqpm_extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA cqpm_extensions;
CREATE INDEX candidate_files_by_search_name ON candidate_files USING gin (search_name cqpm_extensions.gin_trgm_ops);
-- Statistics for the new column and indexes now, not at autovacuum's next
-- turn: without them the planner guesses the overdue files a third of all.
ANALYZE candidate_files;
