-- The jury validates competency by competency; the outcome follows from it.
-- Each decision keeps that validation as JSON: [{number, bloc_index,
-- commission_result, carried_over, validated, reason}]. Decisions recorded
-- before it have none (NULL): their outcome was chosen as a whole.
ALTER TABLE jury_decisions ADD COLUMN competencies TEXT;

-- What an award prints of the certification and its holder, copied at award
-- time like the rest: the CQPM's number (null while the GTP has not recorded
-- it) and the holder's birth date. Older awards have neither.
ALTER TABLE awards ADD COLUMN cqpm_number TEXT;
ALTER TABLE awards ADD COLUMN holder_birth_date TEXT;
