#include "evaluation/competency_content.h"

#include <Poco/JSON/Array.h>

#include <algorithm>

#include "common/error.h"
#include "common/input_rules.h"
#include "common/json_text.h"

namespace cqpm::evaluation {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// Bounds that a person typing never reaches and that keep a grid row small.
constexpr std::size_t kMaxObservationBytes = 8000;
constexpr std::size_t kMaxEvidence = 50;

Error wrongType(const std::string& field, const std::string& what) {
  return Error(ErrorCode::kInvalidField, field + " must be " + what, field);
}

Error refused(const std::string& field, const std::string& message) {
  return Error(ErrorCode::kUnprocessable, message, field);
}

bool isBlank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string readResult(const Object::Ptr& body) {
  if (!body->has("result") || body->isNull("result")) {
    throw Error(ErrorCode::kInvalidField, "result is required: acquired, not_acquired or not_evaluated",
                "result");
  }
  const auto value = body->get("result");
  if (!value.isString()) throw wrongType("result", "a string: acquired, not_acquired or not_evaluated");
  const std::string result = value.extract<std::string>();
  if (!kResults.count(result)) {
    throw refused("result",
                  "result must be acquired, not_acquired or not_evaluated, not '" + printable(result) + "'");
  }
  return result;
}

Object::Ptr readObservations(const Object::Ptr& body, const GridCompetency& competency) {
  Object::Ptr observations = new Object;
  if (!body->has("observations") || body->isNull("observations")) return observations;
  const auto given = body->getObject("observations");
  if (!given) throw wrongType("observations", "an object {group: text}");
  const auto groups = criteriaGroups(competency);
  for (const auto& [group, value] : *given) {
    const std::string field = "observations." + group;
    if (std::find(groups.begin(), groups.end(), group) == groups.end()) {
      std::string known;
      for (const auto& name : groups) known += (known.empty() ? "" : ", ") + name;
      throw refused(printable(field), "competency " + competency.number + " has no criteria group '" +
                                          printable(group) + "'; its groups are " + known);
    }
    if (value.isEmpty()) continue;
    if (!value.isString()) throw wrongType(field, "text");
    const std::string text = value.extract<std::string>();
    if (text.size() > kMaxObservationBytes) {
      throw refused(field, field + " is longer than " + std::to_string(kMaxObservationBytes) + " bytes");
    }
    checkText(text, field, TextLimit{kMaxObservationBytes, true}, true);
    if (!isBlank(text)) observations->set(group, text);
  }
  return observations;
}

Array::Ptr readEvidence(const Object::Ptr& body, const std::set<std::string>& file_documents) {
  Array::Ptr evidence = new Array;
  if (!body->has("evidence") || body->isNull("evidence")) return evidence;
  const auto given = body->getArray("evidence");
  if (!given) throw wrongType("evidence", "a list of document ids");
  if (given->size() > kMaxEvidence) {
    throw refused("evidence", "at most " + std::to_string(kMaxEvidence) + " documents may be referenced");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < given->size(); ++i) {
    const std::string field = "evidence[" + std::to_string(i) + "]";
    const auto value = given->get(static_cast<unsigned>(i));
    if (!value.isString()) throw wrongType(field, "a document id");
    const std::string id = value.extract<std::string>();
    if (!file_documents.count(id)) throw refused(field, field + " is not a document of this file");
    if (!seen.insert(id).second) throw refused(field, field + " is listed twice");
    evidence->add(id);
  }
  return evidence;
}

}  // namespace

CompetencyContent readCompetencyContent(const Object::Ptr& body, const GridCompetency& competency,
                                        const std::set<std::string>& file_documents) {
  CompetencyContent content;
  content.result = readResult(body);
  content.observations_json = toJsonText(readObservations(body, competency));
  content.evidence_json = toJsonText(Poco::Dynamic::Var(readEvidence(body, file_documents)));
  return content;
}

}  // namespace cqpm::evaluation
