#include "referential_model/referential_rules.h"

#include <set>

namespace cqpm::referential_model {

std::optional<RuleViolation> checkReferentialRules(const Referential& referential,
                                                   const std::string& expected_id,
                                                   ReferentialCounts& counts) {
  if (referential.id != expected_id) {
    return RuleViolation{"id", "the referential's id must be '" + expected_id + "'"};
  }
  std::set<std::string> codes;
  int expected = 1;
  for (std::size_t b = 0; b < referential.blocs.size(); ++b) {
    const Bloc& bloc = referential.blocs[b];
    const std::string bloc_path = "blocs[" + std::to_string(b) + "]";
    if (bloc.code && !codes.insert(*bloc.code).second) {
      return RuleViolation{bloc_path + ".code", "the code " + *bloc.code + " is used twice"};
    }
    for (std::size_t c = 0; c < bloc.competencies.size(); ++c, ++expected) {
      const int number = bloc.competencies[c].number;
      if (number != expected) {
        return RuleViolation{bloc_path + ".competencies[" + std::to_string(c) + "].number",
                             "competencies are numbered 1..N across the CQPM: expected " +
                                 std::to_string(expected) + ", found " + std::to_string(number)};
      }
    }
  }
  std::set<std::string> ids;
  for (std::size_t m = 0; m < referential.modalities.size(); ++m) {
    const std::string& id = referential.modalities[m].id;
    if (!ids.insert(id).second)
      return RuleViolation{"modalities[" + std::to_string(m) + "].id",
                           "the modality " + id + " is listed twice"};
  }
  counts = {static_cast<int>(referential.blocs.size()), expected - 1};
  return std::nullopt;
}

}  // namespace cqpm::referential_model
