#pragma once

#include <string>

namespace cqpm::certificates {

/// "2025-07-01" written as on a French official document: "1er juillet 2025". Anything that is not
/// a valid YYYY-MM-DD date is returned unchanged (a document is still printed, never refused).
std::string frenchLongDate(const std::string& iso_date);

/// "2025-07-01" as "01/07/2025" (jj/mm/aaaa, what French spreadsheets read as a date); anything
/// else unchanged.
std::string frenchShortDate(const std::string& iso_date);

}  // namespace cqpm::certificates
