#pragma once

#include <string>
#include <string_view>

#include "auth/throttle.h"
#include "awards/award_records.h"
#include "common/clock.h"
#include "domain/actor.h"
#include "store/award_store.h"
#include "store/database.h"

namespace cqpm::awards {

/// Certificates and bloc attestations: their PDF for the holder's file readers,
/// and the public verification of a code. Thread-safe.
class AwardService {
 public:
  /// `public_base_url` ("https://cqpm.example.fr") prefixes /verify/{code} in the
  /// PDFs' printed URL and QR code; a trailing slash is ignored. `clock` times
  /// the throttle of unknown codes (kept in `db`, shared by every instance).
  AwardService(store::Database& db, std::string public_base_url, const Clock& clock);

  /// The award's PDF, for whoever may read its file (404 otherwise, like the
  /// file). A revoked decision's award is not printed: Error{kInvalidState}.
  std::string certificatePdf(const domain::Actor& actor, const std::string& award_id);

  /// What anyone may know of an award from its code, and nothing more. What was typed is
  /// normalised first (case, O/0, I/L/1, dashes). Unknown or malformed code:
  /// Error{kNotFound, field "code", details.message_fr}. An address that keeps
  /// trying unknown codes is slowed down: Error{kRateLimited, details.retry_after}.
  AwardVerification verify(std::string_view typed_code, const std::string& client_address);

  /// The absolute URL of the verification page of `code`.
  std::string verificationUrl(const std::string& code) const;

 private:
  store::Database& db_;
  std::string public_base_url_;
  auth::Throttle unknown_codes_;
};

/// The public verification record of an award (see AwardService::verify).
AwardVerification verificationOf(const store::AwardRecord& award);

/// The blocs an award names, read from its stored JSON ([{index, code, rncp_code, title}]).
std::vector<AwardedBloc> awardedBlocs(const store::AwardRecord& award);

}  // namespace cqpm::awards
