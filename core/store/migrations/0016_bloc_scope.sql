-- What a file covers of its CQPM: the blocs targeted at registration (none:
-- the whole CQPM) and the blocs carried over from earlier decisions, as
-- {"targeted": [bloc indexes], "carried_over": [{bloc, decision_id,
-- confirmed_by, confirmed_at}]} (domain/bloc_scope.h).
ALTER TABLE candidate_files ADD COLUMN bloc_scope TEXT NOT NULL DEFAULT '{}';
