#include "referentials/referential_rules.h"

#include <Poco/JSON/Array.h>

#include <set>

namespace cqpm::referentials {

std::optional<RuleViolation> checkReferentialRules(const Poco::JSON::Object::Ptr& referential,
                                                   const std::string& expected_id,
                                                   ReferentialCounts& counts) {
  if (referential->getValue<std::string>("id") != expected_id) {
    return RuleViolation{"id", "the referential's id must be '" + expected_id + "'"};
  }
  const auto blocs = referential->getArray("blocs");
  std::set<std::string> codes;
  int expected = 1;
  for (std::size_t b = 0; b < blocs->size(); ++b) {
    const auto bloc = blocs->getObject(static_cast<unsigned>(b));
    const std::string bloc_path = "blocs[" + std::to_string(b) + "]";
    if (!bloc->isNull("code") && !codes.insert(bloc->getValue<std::string>("code")).second) {
      return RuleViolation{bloc_path + ".code",
                           "the code " + bloc->getValue<std::string>("code") + " is used twice"};
    }
    const auto competencies = bloc->getArray("competencies");
    for (std::size_t c = 0; c < competencies->size(); ++c, ++expected) {
      const int number = competencies->getObject(static_cast<unsigned>(c))->getValue<int>("number");
      if (number != expected) {
        return RuleViolation{bloc_path + ".competencies[" + std::to_string(c) + "].number",
                             "competencies are numbered 1..N across the CQPM: expected " +
                                 std::to_string(expected) + ", found " + std::to_string(number)};
      }
    }
  }
  const auto modalities = referential->getArray("modalities");
  std::set<std::string> ids;
  for (std::size_t m = 0; m < modalities->size(); ++m) {
    const std::string id = modalities->getObject(static_cast<unsigned>(m))->getValue<std::string>("id");
    if (!ids.insert(id).second)
      return RuleViolation{"modalities[" + std::to_string(m) + "].id",
                           "the modality " + id + " is listed twice"};
  }
  counts = {static_cast<int>(blocs->size()), expected - 1};
  return std::nullopt;
}

}  // namespace cqpm::referentials
