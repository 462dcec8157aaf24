-- The to-do lists (GET /api/v1/me/todo) look for a centre's or a company's
-- files in the few states where someone must act: one index range per state
-- instead of walking every file of the scope (100k for a large centre).
CREATE INDEX candidate_files_by_centre_state ON candidate_files (centre_id, state);
CREATE INDEX candidate_files_by_company_state ON candidate_files (company_id, state);
-- A session's president: the sessions they close.
CREATE INDEX jury_sessions_by_president ON jury_sessions (president_id, state);
