#pragma once

#include <Poco/JSON/Object.h>

#include "audit/ed25519_key.h"
#include "audit/event_chain.h"

namespace cqpm::http {

/// GET /files/{id}/audit: the verification and each link of the chain (no
/// payload: a tampered one need not even be JSON, and the hashes say it all).
Poco::JSON::Object::Ptr fileAuditJson(const audit::FileChainCheck& check);

/// GET /.well-known/jwks.json: the platform's signing key as a JSON Web Key Set (RFC 7517, an
/// Ed25519 "OKP" key as RFC 8037 writes it), with its PEM for `cqpm audit verify-bundle`.
Poco::JSON::Object::Ptr platformKeySetJson(const audit::VerifyingKey& key);

}  // namespace cqpm::http
