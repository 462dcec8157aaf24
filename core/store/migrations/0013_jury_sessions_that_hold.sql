-- A jury session is convened for a day AND an hour (HH:MM, Paris time).
-- Sessions created before have none (NULL).
ALTER TABLE jury_sessions ADD COLUMN session_time TEXT;
