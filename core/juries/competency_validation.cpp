#include "juries/competency_validation.h"

#include <Poco/JSON/Object.h>

#include <algorithm>

#include "common/error.h"
#include "common/json_text.h"

namespace cqpm::juries {

namespace {

bool allValidated(const std::vector<ValidatedCompetency>& competencies, int bloc_index) {
  return std::all_of(competencies.begin(), competencies.end(), [&](const ValidatedCompetency& competency) {
    return competency.bloc_index != bloc_index || competency.validated;
  });
}

// The first competency not validated, of one bloc (or of all when `bloc_index` is 0).
const ValidatedCompetency* firstNotValidated(const std::vector<ValidatedCompetency>& competencies,
                                             int bloc_index = 0) {
  for (const auto& competency : competencies) {
    if ((bloc_index == 0 || competency.bloc_index == bloc_index) && !competency.validated) return &competency;
  }
  return nullptr;
}

[[noreturn]] void contradiction(const std::string& field, const std::string& message,
                                const DerivedOutcome& derived, const std::string& competency = {}) {
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("derived_outcome", derived.outcome);
  if (!competency.empty()) details->set("competency", competency);
  throw Error(ErrorCode::kUnprocessable, message, field, details);
}

std::string blocName(const std::vector<BlocRef>& blocs, int index) {
  const auto& bloc = blocs[static_cast<std::size_t>(index - 1)];
  return "bloc " + std::to_string(index) + (bloc.code.empty() ? std::string() : " (" + bloc.code + ")");
}

}  // namespace

std::vector<ValidatedCompetency> validateCompetencies(const std::vector<BlocRef>& blocs,
                                                      const std::map<std::string, std::string>& commission,
                                                      const std::set<int>& carried_blocs,
                                                      const std::vector<CompetencyVerdict>& verdicts,
                                                      const std::set<int>& targeted_blocs) {
  std::vector<ValidatedCompetency> validated;
  for (const auto& bloc : blocs) {
    const bool carried = carried_blocs.count(bloc.index) > 0;
    const bool targeted = targeted_blocs.empty() || targeted_blocs.count(bloc.index) > 0;
    for (const auto& number : bloc.competencies) {
      ValidatedCompetency competency;
      competency.number = number;
      competency.bloc_index = bloc.index;
      const auto result = commission.find(number);
      competency.commission_result = result == commission.end() ? std::string() : result->second;
      competency.carried_over = carried;
      competency.targeted = targeted;
      competency.validated = carried || (targeted && competency.commission_result == "acquired");
      validated.push_back(std::move(competency));
    }
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    const auto& verdict = verdicts[i];
    const std::string field = "competencies[" + std::to_string(i) + "]";
    auto found = std::find_if(validated.begin(), validated.end(), [&](const ValidatedCompetency& competency) {
      return competency.number == verdict.number;
    });
    if (found == validated.end()) {
      throw Error(ErrorCode::kInvalidField, "the referential has no competency " + verdict.number,
                  field + ".number");
    }
    if (!seen.insert(verdict.number).second) {
      throw Error(ErrorCode::kInvalidField, "competency " + verdict.number + " is listed twice",
                  field + ".number");
    }
    if (found->carried_over) {
      throw Error(ErrorCode::kInvalidField,
                  "competency " + verdict.number +
                      " belongs to a bloc the candidate already holds from an earlier decision: it is not "
                      "judged again",
                  field + ".number");
    }
    if (!found->targeted) {
      throw Error(
          ErrorCode::kInvalidField,
          "competency " + verdict.number +
              " belongs to a bloc this file did not register for: it was not evaluated, and is not judged",
          field + ".number");
    }
    const bool departs = verdict.validated != (found->commission_result == "acquired");
    if (departs && isBlank(verdict.reason)) {
      Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
      details->set("competency", verdict.number);
      details->set("commission_result", found->commission_result);
      details->set("message_fr",
                   "La compétence " + verdict.number +
                       " s'écarte du résultat de la commission : le jury doit en donner le motif.");
      throw Error(ErrorCode::kUnprocessable,
                  "competency " + verdict.number +
                      (verdict.validated ? " is validated" : " is not validated") +
                      " against the commission's result (" +
                      (found->commission_result.empty() ? "not graded" : found->commission_result) +
                      "): the jury must write its reason",
                  field + ".reason", details);
    }
    found->validated = verdict.validated;
    found->reason = isBlank(verdict.reason) ? std::string() : verdict.reason;
  }
  return validated;
}

DerivedOutcome deriveOutcome(const std::vector<BlocRef>& blocs,
                             const std::vector<ValidatedCompetency>& validated, bool blocs_awardable) {
  DerivedOutcome derived;
  derived.blocs_awardable = blocs_awardable;
  if (!validated.empty() && !firstNotValidated(validated)) {
    derived.outcome = "certified";
    for (const auto& bloc : blocs) derived.bloc_indexes.push_back(bloc.index);
    return derived;
  }
  std::vector<int> complete;
  for (const auto& bloc : blocs) {
    const bool carried = std::any_of(validated.begin(), validated.end(), [&](const ValidatedCompetency& c) {
      return c.bloc_index == bloc.index && c.carried_over;
    });
    if (!carried && !bloc.competencies.empty() && allValidated(validated, bloc.index))
      complete.push_back(bloc.index);
  }
  if (blocs_awardable && !complete.empty()) {
    derived.outcome = "blocs_awarded";
    derived.bloc_indexes = std::move(complete);
    return derived;
  }
  derived.outcome = "not_certified";
  return derived;
}

void requireSupportedOutcome(const std::optional<std::string>& outcome,
                             const std::optional<std::vector<int>>& blocs, const DerivedOutcome& derived,
                             const std::vector<BlocRef>& all_blocs,
                             const std::vector<ValidatedCompetency>& validated) {
  if (outcome && *outcome != derived.outcome) {
    if (*outcome == "certified") {
      const auto* missing = firstNotValidated(validated);
      contradiction("outcome",
                    "competency " + missing->number +
                        " is not validated: a CQPM is awarded only when every competency is",
                    derived, missing->number);
    }
    if (derived.outcome == "certified") {
      contradiction("outcome", "every competency is validated: the jury certifies the whole CQPM", derived);
    }
    if (*outcome == "blocs_awarded" && !derived.blocs_awardable) {
      contradiction("outcome",
                    "blocs are awarded only for a CQPM registered at the RNCP, and the referential version "
                    "of this file does not say it is",
                    derived);
    }
    if (*outcome == "blocs_awarded") {
      const int bloc = blocs && !blocs->empty() ? blocs->front() : 1;
      const auto* missing = bloc >= 1 && bloc <= static_cast<int>(all_blocs.size())
                                ? firstNotValidated(validated, bloc)
                                : firstNotValidated(validated);
      contradiction("outcome",
                    "no bloc has all its competencies validated" +
                        (missing ? ": competency " + missing->number + " is not" : std::string()),
                    derived, missing ? missing->number : std::string());
    }
    const int awarded = derived.bloc_indexes.front();
    contradiction(
        "outcome",
        "every competency of " + blocName(all_blocs, awarded) + " is validated: the bloc is awarded",
        derived);
  }
  if (!blocs || derived.outcome != "blocs_awarded") return;
  for (const int index : *blocs) {
    if (std::find(derived.bloc_indexes.begin(), derived.bloc_indexes.end(), index) !=
        derived.bloc_indexes.end()) {
      continue;
    }
    const auto* missing = index >= 1 && index <= static_cast<int>(all_blocs.size())
                              ? firstNotValidated(validated, index)
                              : nullptr;
    if (missing) {
      contradiction("blocs",
                    "competency " + missing->number + " of " + blocName(all_blocs, index) +
                        " is not validated: the bloc is not awarded",
                    derived, missing->number);
    }
    contradiction("blocs", "bloc " + std::to_string(index) + " is already held or does not exist", derived);
  }
  for (const int index : derived.bloc_indexes) {
    if (std::find(blocs->begin(), blocs->end(), index) == blocs->end()) {
      contradiction(
          "blocs", "every competency of " + blocName(all_blocs, index) + " is validated: the bloc is awarded",
          derived);
    }
  }
}

}  // namespace cqpm::juries
