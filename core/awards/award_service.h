#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "audit/ed25519_key.h"
#include "auth/throttle.h"
#include "awards/award_records.h"
#include "common/clock.h"
#include "domain/actor.h"
#include "store/award_store.h"
#include "store/database.h"
#include "store/jury_decision_store.h"

namespace cqpm::awards {

/// Certificates and bloc attestations: their PDF for the holder's file readers,
/// and the public verification of a code. Thread-safe.
class AwardService {
 public:
  /// `public_base_url` ("https://cqpm.example.fr") prefixes /verify/{code} in the
  /// PDFs' printed URL and QR code; a trailing slash is ignored. `clock` times
  /// the throttle of unknown codes (kept in `db`, shared by every instance).
  /// `signing_key` (the platform's, borrowed) signs the awards' digital credentials.
  AwardService(store::Database& db, std::string public_base_url, const Clock& clock,
               const audit::SigningKey& signing_key);

  /// The award's PDF, for whoever may read its file (404 otherwise, like the
  /// file). A revoked decision's award is not printed: Error{kInvalidState}.
  std::string certificatePdf(const domain::Actor& actor, const std::string& award_id);

  /// The same award as an Open Badges 3.0 credential signed with the platform's key (a compact
  /// JWT, award_credential.h), for the same readers; a revoked one: Error{kInvalidState}.
  std::string credentialJwt(const domain::Actor& actor, const std::string& award_id);

  /// What anyone may know of an award from its code, and nothing more. What was typed is
  /// normalised first (case, O/0, I/L/1, dashes). Unknown or malformed code:
  /// Error{kNotFound, field "code", details.message_fr}. An address that keeps
  /// trying unknown codes is slowed down: Error{kRateLimited, details.retry_after}.
  AwardVerification verify(std::string_view typed_code, const std::string& client_address);

  /// The absolute URL of the verification page of `code`.
  std::string verificationUrl(const std::string& code) const;

 private:
  /// An award its reader may have, with its decision and where the jury sat.
  struct IssuedAward {
    store::AwardRecord award;
    std::optional<store::JuryDecisionRecord> decision;
    std::string session_place;
  };
  /// Errors: kNotFound (unknown or outside the reader's files), kInvalidState (revoked).
  IssuedAward readIssued(const domain::Actor& actor, const std::string& award_id);

  store::Database& db_;
  std::string public_base_url_;
  const audit::SigningKey& signing_key_;
  auth::Throttle unknown_codes_;
};

/// The public verification record of an award (see AwardService::verify).
AwardVerification verificationOf(const store::AwardRecord& award);

/// The blocs an award names, read from its stored JSON ([{index, code, rncp_code, title}]).
std::vector<AwardedBloc> awardedBlocs(const store::AwardRecord& award);

}  // namespace cqpm::awards
