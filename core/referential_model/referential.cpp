#include "referential_model/referential.h"

#include "common/error.h"
#include "referential_model/referential_fields.h"

namespace cqpm::referential_model {

using Poco::JSON::Object;

namespace {

[[noreturn]] void invalidMember(const std::string& field, const std::string& expected) {
  throw Error(ErrorCode::kInvalidField, "Ce champ du référentiel devrait être " + expected + ".", field);
}

std::string requiredText(const Object::Ptr& object, const std::string& key, const std::string& path) {
  auto text = stringMember(object, key, path);
  if (!text) invalidMember(memberPath(path, key), "un texte");
  return *text;
}

// The identity's texts: blank reads as "not recorded", as the printed documents say.
std::optional<std::string> recordedText(const Object::Ptr& object, const std::string& key,
                                        const std::string& path) {
  auto text = stringMember(object, key, path);
  if (text && text->find_first_not_of(" \t") == std::string::npos) return std::nullopt;
  return text;
}

std::optional<bool> optionalBool(const Object::Ptr& object, const std::string& key, const std::string& path) {
  if (!object || !object->has(key) || object->isNull(key)) return std::nullopt;
  const auto value = object->get(key);
  if (!value.isBoolean()) invalidMember(memberPath(path, key), "un booléen");
  return value.extract<bool>();
}

std::optional<int> optionalInt(const Object::Ptr& object, const std::string& key, const std::string& path) {
  if (!object || !object->has(key) || object->isNull(key)) return std::nullopt;
  const auto value = object->get(key);
  if (!value.isInteger() || value.type() == typeid(bool)) invalidMember(memberPath(path, key), "un entier");
  try {
    return value.convert<int>();
  } catch (const Poco::Exception&) {
    invalidMember(memberPath(path, key), "un entier de taille raisonnable");
  }
}

CertificationIdentity identityOf(const Object::Ptr& document, const std::string& title) {
  CertificationIdentity identity;
  identity.title = title;
  const auto recorded = objectMember(document, "identity", "");
  identity.cqpm_number = recordedText(recorded, "cqpm_number", "identity");
  if (const auto rncp = objectMember(recorded, "rncp", "identity")) {
    const std::string path = "identity.rncp";
    identity.rncp.number = recordedText(rncp, "number", path);
    identity.rncp.level = optionalInt(rncp, "level", path);
    identity.rncp.registration_start = recordedText(rncp, "registration_start", path);
    identity.rncp.registration_end = recordedText(rncp, "registration_end", path);
    identity.rncp.registered = optionalBool(rncp, "registered", path);
  }
  return identity;
}

Criteria criteriaOf(const Object::Ptr& competency, const std::string& path) {
  const std::string criteria_path = memberPath(path, "criteria");
  const auto criteria = objectMember(competency, "criteria", path);
  return {textList(criteria, "methods", criteria_path), textList(criteria, "means", criteria_path),
          textList(criteria, "relations", criteria_path), textList(criteria, "environment", criteria_path)};
}

Competency competencyOf(const Object::Ptr& object, const std::string& path) {
  Competency competency;
  competency.number = competencyNumber(object, path);
  competency.title = requiredText(object, "title", path);
  competency.conditions = textList(object, "conditions", path);
  competency.criteria = criteriaOf(object, path);
  competency.expected_results = textList(object, "expected_results", path);
  return competency;
}

Bloc blocOf(const Object::Ptr& object, const std::string& path) {
  Bloc bloc;
  bloc.code = stringMember(object, "code", path);
  bloc.rncp_code = stringMember(object, "rncp_code", path);
  bloc.title = requiredText(object, "title", path);
  bloc.knowledge = textList(object, "knowledge", path);
  const std::string list_path = memberPath(path, "competencies");
  const auto competencies = objectList(object, "competencies", path);
  for (std::size_t c = 0; c < competencies.size(); ++c)
    bloc.competencies.push_back(competencyOf(competencies[c], itemPath(list_path, c)));
  return bloc;
}

Modality modalityOf(const Object::Ptr& object, const std::string& path) {
  Modality modality;
  modality.id = requiredText(object, "id", path);
  modality.label = stringMember(object, "label", path).value_or("");
  modality.description = textList(object, "description", path);
  modality.excluded_pathways = textList(object, "excluded_pathways", path);
  modality.exceptional = optionalBool(object, "exceptional", path).value_or(false);
  return modality;
}

}  // namespace

const std::vector<std::string>* Criteria::group(std::string_view name) const {
  if (name == "methods") return &methods;
  if (name == "means") return &means;
  if (name == "relations") return &relations;
  if (name == "environment") return &environment;
  return nullptr;
}

const Competency* Referential::findCompetency(int number) const {
  for (const auto& bloc : blocs) {
    for (const auto& competency : bloc.competencies) {
      if (competency.number == number) return &competency;
    }
  }
  return nullptr;
}

const Competency* Referential::findCompetency(std::string_view key) const {
  // Exactly the key ("3"): "03" or " 3" name no competency, as the API always said.
  for (const auto& bloc : blocs) {
    for (const auto& competency : bloc.competencies) {
      if (competency.key() == key) return &competency;
    }
  }
  return nullptr;
}

std::size_t Referential::blocOf(int number) const {
  for (std::size_t b = 0; b < blocs.size(); ++b) {
    for (const auto& competency : blocs[b].competencies) {
      if (competency.number == number) return b + 1;
    }
  }
  return 0;
}

std::vector<const Competency*> Referential::allCompetencies() const {
  std::vector<const Competency*> all;
  for (const auto& bloc : blocs) {
    for (const auto& competency : bloc.competencies) all.push_back(&competency);
  }
  return all;
}

std::size_t Referential::competencyCount() const {
  std::size_t count = 0;
  for (const auto& bloc : blocs) count += bloc.competencies.size();
  return count;
}

const Modality* Referential::findModality(std::string_view id) const {
  for (const auto& modality : modalities) {
    if (modality.id == id) return &modality;
  }
  return nullptr;
}

std::string Referential::blocLabel(std::size_t index) const {
  if (index >= 1 && index <= blocs.size()) {
    const auto& code = blocs[index - 1].code;
    if (code && !code->empty()) return *code;
  }
  return "bloc " + std::to_string(index);
}

Referential parseReferential(const Object::Ptr& document) {
  if (!document)
    throw Error(ErrorCode::kInvalidField, "Le référentiel devrait être un objet.", "referential");
  Referential referential;
  referential.id = requiredText(document, "id", "");
  referential.title = requiredText(document, "title", "");
  referential.identity = identityOf(document, referential.title);
  const auto activities = objectList(document, "activities", "");
  for (std::size_t a = 0; a < activities.size(); ++a) {
    const std::string path = itemPath("activities", a);
    referential.activities.push_back(
        {requiredText(activities[a], "title", path), textList(activities[a], "description", path)});
  }
  const auto blocs = objectList(document, "blocs", "");
  for (std::size_t b = 0; b < blocs.size(); ++b)
    referential.blocs.push_back(blocOf(blocs[b], itemPath("blocs", b)));
  const auto modalities = objectList(document, "modalities", "");
  for (std::size_t m = 0; m < modalities.size(); ++m)
    referential.modalities.push_back(modalityOf(modalities[m], itemPath("modalities", m)));
  return referential;
}

}  // namespace cqpm::referential_model
