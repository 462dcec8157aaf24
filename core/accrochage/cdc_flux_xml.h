#pragma once

#include <string>

#include "accrochage/holder_report.h"

namespace cqpm::accrochage {

/// The namespace of the Caisse des Dépôts' Accrochage flux (its schema "pc5", version 1.x).
inline constexpr const char* kCdcFluxNamespace = "urn:cdc:cpf:pc5:schema:1.0.0";

/// The Accrochage flux of `report`'s reportable certifications (those missing nothing), as the
/// certifier deposits it: emitter and certifier `report.certifier`, one <certification> per RNCP
/// code, one <passageCertification> per holder and code, identified by its technical id (so a flux
/// sent again updates rather than duplicates), obtained by admission, valid from the jury's day
/// with no end, its proof the award's public verification page. `flux_id` (at most 50 characters)
/// names the deposit; `timestamp` is its Paris time with offset ("2027-03-18T10:00:00+01:00").
/// UTF-8, escaped by Poco's XML writer. Error{kInvalidState} when nothing is reportable or the
/// certifier is not configured. Pure. Checked against schemas/accrochage/ in tests/accrochage.
std::string renderCdcFlux(const HolderReport& report, const std::string& flux_id,
                          const std::string& timestamp);

/// The given names as the flux splits them: the first, the second, and the rest (space-separated
/// on the civil status); an empty string where there is none. Pure.
struct GivenNames {
  std::string first, second, others;
};
GivenNames splitGivenNames(const std::string& given_names);

}  // namespace cqpm::accrochage
