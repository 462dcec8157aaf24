#pragma once

#include <string>

#include "accrochage/holder_report.h"
#include "awards/award_service.h"
#include "common/clock.h"
#include "domain/actor.h"
#include "plugins/plugin_rules.h"
#include "store/database.h"

namespace cqpm::accrochage {

/// Gathers the certifications of a period for the Caisse des Dépôts' Accrochage service: every
/// standing award (a revoked decision's is left out) of the jury sessions held within the period,
/// a certificate as the CQPM's RNCP number, a bloc attestation as one certification per bloc with
/// its RNCP code, each with the holder's civil status from their file today (corrections included)
/// and what is still missing to report it. Thread-safe.
class HolderReportService {
 public:
  /// Borrows `db`, `rules` (the RNCP numbers of the referential each file was judged under) and
  /// `awards` (the verification URLs). `certifier`'s lengths are checked by app/settings.cpp.
  HolderReportService(store::Database& db, plugins::PluginRules& rules, awards::AwardService& awards,
                      CertifierIdentity certifier);

  /// The report of [`from`, `to`] (YYYY-MM-DD, inclusive, at most 3 years apart): a centre
  /// coordinator's centre, every centre for a GTP auditor (Permission::kReportHolders; others
  /// Error{kForbidden}). A day that is not one: Error{kInvalidField, "from" or "to"}.
  HolderReport report(const domain::Actor& actor, const std::string& from, const std::string& to) const;

  const CertifierIdentity& certifier() const { return certifier_; }

 private:
  store::Database& db_;
  plugins::PluginRules& rules_;
  awards::AwardService& awards_;
  CertifierIdentity certifier_;
};

}  // namespace cqpm::accrochage
