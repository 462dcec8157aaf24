-- Single sign-on with OpenID Connect (issue 16, item 7): at most one identity
-- provider per organisation, set by the platform administrator; its client
-- secret is never sent back by the API.
CREATE TABLE sso_providers (
  organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- A login under way, between the redirect to the provider and its answer:
-- the state sent (only its SHA-256 kept, like session tokens), the nonce the
-- ID token must carry and the PKCE verifier. Taken once; a scheduler sweep
-- and the ten-minute limit end the abandoned ones.
CREATE TABLE sso_logins (
  state_hash TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX sso_logins_by_created ON sso_logins (created_at);
