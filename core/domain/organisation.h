#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/role.h"

namespace cqpm::domain {

/// A centre, a company, the GTP or the platform operator. Organisations are
/// deactivated, never deleted: files and history keep naming them.
struct Organisation {
  std::string id;
  OrganisationKind kind = OrganisationKind::kCentre;
  std::string name;
  bool active = true;
  std::optional<std::string> region;      ///< centres: the région of their territory
  std::vector<std::string> departements;  ///< centres: département codes ("69", "2A", "974")
  std::optional<std::string> siret;       ///< companies: 14 digits, checksum verified
  std::optional<std::string> address;     ///< companies: postal address, free text
  std::vector<std::string> centre_ids;    ///< companies: the centres it works with
  std::string created_at;
  std::string updated_at;
};

}  // namespace cqpm::domain
