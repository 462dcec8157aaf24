#include "referentials/referential_keys.h"

#include <algorithm>
#include <set>

namespace cqpm::referentials {

namespace {

bool isKnown(ObjectKind kind, const std::string& key) {
  const auto& known = knownKeys(kind);
  return std::find(known.begin(), known.end(), key) != known.end();
}

}  // namespace

const std::vector<std::string>& knownKeys(ObjectKind kind) {
  static const std::vector<std::string> kReferential{
      "id",           "title",      "source", "mission",    "activities", "work_environment",
      "interactions", "evolutions", "blocs",  "evaluation", "modalities", "admissibility",
      "notes"};
  static const std::vector<std::string> kSource{"document", "title"};
  static const std::vector<std::string> kActivity{"title", "description"};
  static const std::vector<std::string> kBloc{"code", "title", "knowledge", "competencies"};
  static const std::vector<std::string> kCompetency{"number", "title", "conditions", "criteria",
                                                    "expected_results"};
  static const std::vector<std::string> kCriteria{"methods", "means", "relations", "environment"};
  static const std::vector<std::string> kModality{"id", "label", "description", "excluded_pathways",
                                                  "exceptional"};
  static const std::vector<std::string> kNote{"title", "text"};
  static const std::vector<std::string> kNone;
  switch (kind) {
    case ObjectKind::kReferential:
      return kReferential;
    case ObjectKind::kSource:
      return kSource;
    case ObjectKind::kActivity:
      return kActivity;
    case ObjectKind::kBloc:
      return kBloc;
    case ObjectKind::kCompetency:
      return kCompetency;
    case ObjectKind::kCriteria:
      return kCriteria;
    case ObjectKind::kModality:
      return kModality;
    case ObjectKind::kNote:
      return kNote;
    case ObjectKind::kOther:
      return kNone;
  }
  return kNone;
}

ObjectKind childKind(ObjectKind parent, const std::string& key) {
  switch (parent) {
    case ObjectKind::kReferential:
      if (key == "source") return ObjectKind::kSource;
      if (key == "activities") return ObjectKind::kActivity;
      if (key == "blocs") return ObjectKind::kBloc;
      if (key == "modalities") return ObjectKind::kModality;
      if (key == "notes") return ObjectKind::kNote;
      return ObjectKind::kOther;
    case ObjectKind::kBloc:
      return key == "competencies" ? ObjectKind::kCompetency : ObjectKind::kOther;
    case ObjectKind::kCompetency:
      return key == "criteria" ? ObjectKind::kCriteria : ObjectKind::kOther;
    default:
      return ObjectKind::kOther;
  }
}

std::vector<std::string> orderedKeys(const Poco::JSON::Object::Ptr& object, ObjectKind kind) {
  std::vector<std::string> keys;
  if (!object) return keys;
  for (const auto& key : knownKeys(kind)) {
    if (object->has(key)) keys.push_back(key);
  }
  std::vector<std::string> others;
  for (const auto& [key, value] : *object) {
    if (!isKnown(kind, key)) others.push_back(key);
  }
  std::sort(others.begin(), others.end());
  keys.insert(keys.end(), others.begin(), others.end());
  return keys;
}

std::vector<std::string> unknownKeys(const Poco::JSON::Object::Ptr& from, const Poco::JSON::Object::Ptr& to,
                                     ObjectKind kind) {
  std::set<std::string> keys;
  for (const auto& object : {from, to}) {
    if (!object) continue;
    for (const auto& [key, value] : *object) {
      if (!isKnown(kind, key)) keys.insert(key);
    }
  }
  return {keys.begin(), keys.end()};
}

}  // namespace cqpm::referentials
