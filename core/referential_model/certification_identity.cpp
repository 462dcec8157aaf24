#include "referential_model/certification_identity.h"

namespace cqpm::referential_model {

std::string printedName(const CertificationIdentity& identity) {
  return identity.title + (identity.cqpm_number ? " (CQPM n° " + *identity.cqpm_number + ")"
                                                : std::string(" (CQPM, n° non renseigné)"));
}

bool blocsAwardable(const CertificationIdentity& identity, const std::string& date) {
  if (identity.rncp.registered != true) return false;
  const std::string day = date.substr(0, 10);
  if (identity.rncp.registration_start && day < *identity.rncp.registration_start) return false;
  if (identity.rncp.registration_end && day > *identity.rncp.registration_end) return false;
  return true;
}

}  // namespace cqpm::referential_model
