#include "referentials/referential_blame.h"

#include <map>

#include "common/error.h"
#include "referential_model/referential_fields.h"
#include "referentials/canonical_json.h"
#include "referentials/text_alignment.h"

namespace cqpm::referentials {

using referential_model::blocLabel;
using referential_model::competencyNumber;
using referential_model::itemPath;
using referential_model::kCriteriaGroups;
using referential_model::memberPath;
using referential_model::objectList;
using referential_model::objectMember;
using referential_model::stringMember;
using referential_model::textList;

namespace {

using Poco::JSON::Object;

// The lists of a competency, in document order: key in the competency (or its criteria)
// and the entry kind.
struct ListSpec {
  std::string key;
  bool in_criteria;
  std::string kind;
};

const std::vector<ListSpec>& competencyLists() {
  static const std::vector<ListSpec> kLists = [] {
    std::vector<ListSpec> lists{{"conditions", false, "condition"}};
    for (const auto group : kCriteriaGroups) lists.push_back({std::string(group), true, "criterion"});
    lists.push_back({"expected_results", false, "expected_result"});
    return lists;
  }();
  return kLists;
}

std::string listPath(const std::string& competency_path, const ListSpec& list) {
  return list.in_criteria ? memberPath(memberPath(competency_path, "criteria"), list.key)
                          : memberPath(competency_path, list.key);
}

std::vector<std::string> listTexts(const Object::Ptr& competency, const std::string& path,
                                   const ListSpec& list) {
  if (!list.in_criteria) return textList(competency, list.key, path);
  const std::string criteria_path = memberPath(path, "criteria");
  return textList(objectMember(competency, "criteria", path), list.key, criteria_path);
}

// One version of the referential with, for each item, the version that last changed it.
struct BlocState {
  Object::Ptr bloc;
  std::optional<std::string> code;
  std::string title;
  std::vector<std::string> knowledge;
  int code_version = 0;
  int title_version = 0;
  std::vector<int> knowledge_versions;
};

struct CompetencyState {
  Object::Ptr competency;
  std::size_t bloc = 0;
  std::string canonical;
  std::string title;
  std::vector<std::vector<std::string>> lists;  // as competencyLists()
  int version = 0;
  int title_version = 0;
  std::vector<std::vector<int>> list_versions;
};

struct State {
  std::vector<BlocState> blocs;
  std::map<int, CompetencyState> competencies;
};

std::vector<int> descend(const std::vector<std::string>& from, const std::vector<int>& from_versions,
                         const std::vector<std::string>& to, int version) {
  std::vector<int> versions(to.size(), version);
  for (const auto& step : alignTexts(from, to)) {
    if (step.kind == StepKind::kKept || step.kind == StepKind::kMoved)
      versions[*step.to] = from_versions[*step.from];
  }
  return versions;
}

// The state of `referential` (version `version`), descending from `previous` when given.
State nextState(const Object::Ptr& referential, int version, const State* previous) {
  State state;
  const auto blocs = objectList(referential, "blocs", "");
  for (std::size_t b = 0; b < blocs.size(); ++b) {
    const std::string path = itemPath("blocs", b);
    BlocState bloc{blocs[b],
                   stringMember(blocs[b], "code", path),
                   stringMember(blocs[b], "title", path).value_or(""),
                   textList(blocs[b], "knowledge", path),
                   version,
                   version,
                   {}};
    bloc.knowledge_versions.assign(bloc.knowledge.size(), version);
    if (previous && b < previous->blocs.size()) {
      const auto& old = previous->blocs[b];
      if (old.code == bloc.code) bloc.code_version = old.code_version;
      if (old.title == bloc.title) bloc.title_version = old.title_version;
      bloc.knowledge_versions = descend(old.knowledge, old.knowledge_versions, bloc.knowledge, version);
    }
    const auto competencies = objectList(blocs[b], "competencies", path);
    for (std::size_t c = 0; c < competencies.size(); ++c) {
      const std::string competency_path = itemPath(memberPath(path, "competencies"), c);
      const int number = competencyNumber(competencies[c], competency_path);
      CompetencyState competency{competencies[c],
                                 b,
                                 canonicalJsonValue(competencies[c]),
                                 stringMember(competencies[c], "title", competency_path).value_or(""),
                                 {},
                                 version,
                                 version,
                                 {}};
      for (const auto& list : competencyLists()) {
        competency.lists.push_back(listTexts(competencies[c], competency_path, list));
        competency.list_versions.emplace_back(competency.lists.back().size(), version);
      }
      const CompetencyState* before = nullptr;
      if (previous) {
        const auto found = previous->competencies.find(number);
        if (found != previous->competencies.end()) before = &found->second;
      }
      if (before) {
        if (before->canonical == competency.canonical && before->bloc == b)
          competency.version = before->version;
        if (before->title == competency.title) competency.title_version = before->title_version;
        for (std::size_t l = 0; l < competency.lists.size(); ++l) {
          competency.list_versions[l] =
              descend(before->lists[l], before->list_versions[l], competency.lists[l], version);
        }
      }
      if (!state.competencies.emplace(number, std::move(competency)).second) {
        throw Error(ErrorCode::kInvalidField,
                    "Deux compétences portent le numéro " + std::to_string(number) + ".",
                    memberPath(competency_path, "number"));
      }
    }
    state.blocs.push_back(std::move(bloc));
  }
  return state;
}

std::vector<BlameEntry> entries(const State& state) {
  std::vector<BlameEntry> result;
  for (std::size_t b = 0; b < state.blocs.size(); ++b) {
    const auto& bloc = state.blocs[b];
    const std::string path = itemPath("blocs", b);
    const std::string label = blocLabel(bloc.bloc, b);
    result.push_back(
        {"bloc_code", memberPath(path, "code"), label, 0, "", -1, bloc.code.value_or(""), bloc.code_version});
    result.push_back(
        {"bloc_title", memberPath(path, "title"), label, 0, "", -1, bloc.title, bloc.title_version});
    for (std::size_t k = 0; k < bloc.knowledge.size(); ++k) {
      result.push_back({"knowledge", itemPath(memberPath(path, "knowledge"), k), label, 0, "",
                        static_cast<int>(k), bloc.knowledge[k], bloc.knowledge_versions[k]});
    }
    for (const auto& [number, competency] : state.competencies) {
      if (competency.bloc != b) continue;
      const std::string competency_path = "competencies." + std::to_string(number);
      result.push_back(
          {"competency", competency_path, label, number, "", -1, competency.title, competency.version});
      result.push_back({"competency_title", memberPath(competency_path, "title"), label, number, "", -1,
                        competency.title, competency.title_version});
      for (std::size_t l = 0; l < competencyLists().size(); ++l) {
        const auto& list = competencyLists()[l];
        const std::string group = list.in_criteria ? list.key : "";
        for (std::size_t i = 0; i < competency.lists[l].size(); ++i) {
          result.push_back({list.kind, itemPath(listPath(competency_path, list), i), label, number, group,
                            static_cast<int>(i), competency.lists[l][i], competency.list_versions[l][i]});
        }
      }
    }
  }
  return result;
}

}  // namespace

std::vector<BlameEntry> blameReferential(
    const std::vector<std::pair<int, Poco::JSON::Object::Ptr>>& versions) {
  if (versions.empty())
    throw Error(ErrorCode::kInvalidField, "Aucune version du référentiel n'est donnée.", "versions");
  std::optional<State> state;
  for (std::size_t v = 0; v < versions.size(); ++v) {
    const auto& [version, referential] = versions[v];
    const std::string field = "versions[" + std::to_string(v) + "]";
    if (!referential) throw Error(ErrorCode::kInvalidField, "Une version du référentiel est absente.", field);
    if (v > 0 && version <= versions[v - 1].first) {
      throw Error(ErrorCode::kInvalidField, "Les versions doivent être données dans l'ordre croissant.",
                  field);
    }
    state = nextState(referential, version, state ? &*state : nullptr);
  }
  return entries(*state);
}

}  // namespace cqpm::referentials
