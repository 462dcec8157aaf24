-- Logging out of a session opened through an organisation's identity provider
-- also ends the provider's session (OpenID Connect RP-Initiated Logout 1.0):
-- the session remembers which organisation's provider opened it (NULL for a
-- password login). Nothing else of the login is kept: no ID token.
ALTER TABLE sessions ADD COLUMN sso_organisation_id TEXT REFERENCES organisations (id);
