-- The platform's Ed25519 signing key (audit bundles, and later credentials),
-- made at first start and shared by every instance of a deployment: the
-- database is what they have in common. One row per key; the row named
-- 'current' signs. Its public half is published at /.well-known/jwks.json.
CREATE TABLE platform_signing_keys (
  name TEXT PRIMARY KEY,
  key_id TEXT NOT NULL,
  private_key_pem TEXT NOT NULL,
  public_key_pem TEXT NOT NULL,
  created_at TEXT NOT NULL
);
