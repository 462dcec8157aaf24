#include "files/cqpm_catalog.h"

#include <algorithm>

namespace cqpm::files {

bool CqpmCatalog::contains(const std::string& id) const { return std::ranges::find(ids_, id) != ids_.end(); }

}  // namespace cqpm::files
