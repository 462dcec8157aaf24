-- The name search through a trigram full-text index over the folded name
-- (SQLite >= 3.34). The index only narrows the candidates: the query still
-- checks `search_name LIKE`, so a stale row can never make a wrong answer.
-- Rows are found by the name they hold, not by rowid: candidate_files has no
-- INTEGER PRIMARY KEY, and VACUUM may renumber its rowids. Each trigger body
-- stays on one line (migrations split statements on ';' at line ends).
CREATE VIRTUAL TABLE candidate_files_search USING fts5(search_name, file_id UNINDEXED, tokenize = 'trigram');
INSERT INTO candidate_files_search (search_name, file_id) SELECT search_name, id FROM candidate_files;
CREATE TRIGGER candidate_files_search_insert AFTER INSERT ON candidate_files
BEGIN INSERT INTO candidate_files_search (search_name, file_id) VALUES (NEW.search_name, NEW.id); END;
CREATE TRIGGER candidate_files_search_update AFTER UPDATE OF search_name ON candidate_files WHEN NEW.search_name IS NOT OLD.search_name
BEGIN DELETE FROM candidate_files_search WHERE candidate_files_search MATCH '"' || replace(OLD.search_name, '"', '""') || '"' AND file_id = OLD.id; INSERT INTO candidate_files_search (search_name, file_id) VALUES (NEW.search_name, NEW.id); END;
CREATE TRIGGER candidate_files_search_delete AFTER DELETE ON candidate_files
BEGIN DELETE FROM candidate_files_search WHERE candidate_files_search MATCH '"' || replace(OLD.search_name, '"', '""') || '"' AND file_id = OLD.id; END;
