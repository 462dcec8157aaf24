-- The to-do lists (GET /api/v1/me/todo) look for a centre's or a company's
-- files in the few states where someone must act: one index range per state
-- instead of walking every file of the scope (100k for a large centre), in the
-- order the list shows them (the oldest first), so that a page stops early,
-- and holding the id that the checks on other tables (commission, opinion,
-- jury session) look up, and the pathway (VAE or not), without reading the
-- file's row.
CREATE INDEX candidate_files_by_centre_state ON candidate_files (centre_id, state, created_at, id, pathway);
CREATE INDEX candidate_files_by_company_state ON candidate_files (company_id, state, created_at, id);
-- A session's president: the sessions they close.
CREATE INDEX jury_sessions_by_president ON jury_sessions (president_id, state);
