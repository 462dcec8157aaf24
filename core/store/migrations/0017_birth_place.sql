-- The candidate's birth place, part of the identity a later file is matched on
-- (names, birth date, birth place) before blocs carry over. Empty: not recorded.
ALTER TABLE candidate_files ADD COLUMN birth_place TEXT NOT NULL DEFAULT '';
