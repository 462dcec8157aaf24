#pragma once

#include <string>

#include "accrochage/holder_report.h"

namespace cqpm::accrochage {

/// Every certification of `report`, reportable or not, one row each with the flux's facts and,
/// last, what is still missing in French (empty: ready): for a certifier who deposits by hand or
/// checks before sending. French Excel CSV (common/french_csv.h); the columns are documented in
/// docs/accrochage.md. Pure.
std::string renderHoldersCsv(const HolderReport& report);

}  // namespace cqpm::accrochage
