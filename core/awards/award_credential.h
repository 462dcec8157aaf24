#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/ed25519_key.h"
#include "awards/award_records.h"

namespace cqpm::awards {

/// What an award's digital credential states.
struct CredentialData {
  std::string kind;              ///< "certificate" | "bloc_attestation"
  std::string verification_url;  ///< the credential's id: where its status is checked
  std::string issuer_url;        ///< the platform's public address (the issuer's id)
  std::string issuer_name;       ///< the certification centre
  std::string holder_name;
  std::string cqpm_title;
  std::optional<std::string> cqpm_number;
  std::vector<AwardedBloc> blocs;  ///< for a bloc attestation
  std::string decision_date;       ///< YYYY-MM-DD
  std::string decision_sha256;     ///< juries::decisionSeal
  std::string referential_commit;
  std::int64_t referential_version = 0;
};

/// The award as an Open Badges 3.0 OpenBadgeCredential (a W3C Verifiable Credential), signed with
/// the platform's key as a compact JWT (the "VC-JWT" proof format OB 3.0 allows): header
/// {"alg":"EdDSA","typ":"JWT","kid":<issuer>/.well-known/jwks.json#<key id>}; payload the credential
/// with the registered claims iss, jti and nbf. Throws Error{kInvalidField, field "decision_date"}
/// for a date that is not YYYY-MM-DD.
std::string issueCredentialJwt(const CredentialData& credential, const audit::SigningKey& key);

/// What an offline check of a credential found.
struct CredentialCheck {
  bool signature_valid = false;
  std::string problem;  ///< why not valid, in English; empty when valid
  std::string key_id;   ///< the "kid" of its header
  std::string holder_name;
  std::string achievement;  ///< the achievement's name
  std::string issued;       ///< issuanceDate
  std::string verification_url;
  std::string decision_sha256;
  std::string referential_commit;
};

/// Checks `jwt` with `key`: three parts, EdDSA, the signature over its first two, an
/// OpenBadgeCredential payload; reads what it states. Never throws for a bad credential.
CredentialCheck checkCredentialJwt(std::string_view jwt, const audit::VerifyingKey& key);

}  // namespace cqpm::awards
