#include "referentials/certification_identity.h"

namespace cqpm::referentials {

namespace {

using Poco::JSON::Object;

std::optional<std::string> text(const Object::Ptr& object, const std::string& key) {
  if (!object || !object->has(key) || object->isNull(key)) return std::nullopt;
  const auto value = object->get(key);
  if (!value.isString()) return std::nullopt;
  const std::string out = value.convert<std::string>();
  if (out.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
  return out;
}

Object::Ptr member(const Object::Ptr& object, const std::string& key) {
  if (!object || !object->has(key) || object->isNull(key)) return nullptr;
  return object->getObject(key);
}

}  // namespace

CertificationIdentity certificationIdentity(const Object::Ptr& referential) {
  CertificationIdentity identity;
  identity.title = text(referential, "title").value_or("");
  const auto recorded = member(referential, "identity");
  identity.cqpm_number = text(recorded, "cqpm_number");
  if (const auto rncp = member(recorded, "rncp")) {
    identity.rncp.number = text(rncp, "number");
    if (rncp->has("level") && rncp->get("level").isInteger())
      identity.rncp.level = rncp->getValue<int>("level");
    identity.rncp.registration_start = text(rncp, "registration_start");
    identity.rncp.registration_end = text(rncp, "registration_end");
    if (rncp->has("registered") && rncp->get("registered").isBoolean()) {
      identity.rncp.registered = rncp->getValue<bool>("registered");
    }
  }
  return identity;
}

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

}  // namespace cqpm::referentials
