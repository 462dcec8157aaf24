#pragma once

#include <string>

#include "domain/role.h"

namespace cqpm::domain {

/// A centre, a company, the GTP or the platform operator.
struct Organisation {
  std::string id;
  OrganisationKind kind = OrganisationKind::kCentre;
  std::string name;
};

}  // namespace cqpm::domain
