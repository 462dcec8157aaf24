#pragma once

#include <string>

#include "common/clock.h"
#include "domain/actor.h"
#include "plugins/plugin_rules.h"
#include "referential_model/certification_identity.h"
#include "store/database.h"

namespace cqpm::juries {

/// The documents of a jury session: its procès-verbal (PDF) and its results
/// (CSV for French Excel), built from the recorded decisions and rendered by
/// core/certificates. Thread-safe.
class JuryDocuments {
 public:
  JuryDocuments(store::Database& db, Clock clock, plugins::PluginRules& rules)
      : db_(db), clock_(std::move(clock)), rules_(rules) {}

  /// The minutes as PDF bytes: session, members with their college and
  /// attendance, each decision with its blocs, referential version, the reason
  /// of an override, the members who abstained; a revoked decision says so.
  /// For the centre's coordinator and the session's members (404 otherwise).
  std::string minutesPdf(const domain::Actor& actor, const std::string& session_id);

  /// One row per decision of the session, with its verification code; for the
  /// centre's coordinator only (Error{kForbidden} for members, 404 for others).
  std::string resultsCsv(const domain::Actor& actor, const std::string& session_id);

 private:
  /// The certification as the referential the file is judged under names it.
  referential_model::CertificationIdentity identityOf(const domain::CandidateFile& file) const;

  store::Database& db_;
  Clock clock_;
  plugins::PluginRules& rules_;
};

}  // namespace cqpm::juries
