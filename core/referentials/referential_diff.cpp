#include "referentials/referential_diff.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/error.h"
#include "common/json_text.h"
#include "referential_model/referential_fields.h"
#include "referentials/canonical_json.h"
#include "referentials/referential_keys.h"
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

using Poco::Dynamic::Var;
using Poco::JSON::Object;

const std::vector<std::string> kTopLevelTexts{"mission",    "work_environment", "interactions",
                                              "evolutions", "evaluation",       "admissibility"};

struct Context {
  std::optional<int> competency;
  std::optional<std::string> bloc;
  std::string group;
};

struct CompetencyPlace {
  std::size_t bloc;
  std::string bloc_label;
  Object::Ptr competency;
};

std::map<int, CompetencyPlace> indexCompetencies(const std::vector<Object::Ptr>& blocs) {
  std::map<int, CompetencyPlace> index;
  for (std::size_t b = 0; b < blocs.size(); ++b) {
    const std::string bloc_path = itemPath("blocs", b);
    const auto competencies = objectList(blocs[b], "competencies", bloc_path);
    for (std::size_t c = 0; c < competencies.size(); ++c) {
      const std::string path = itemPath(memberPath(bloc_path, "competencies"), c);
      const int number = competencyNumber(competencies[c], path);
      if (!index.emplace(number, CompetencyPlace{b, blocLabel(blocs[b], b), competencies[c]}).second) {
        throw Error(ErrorCode::kInvalidField,
                    "Deux compétences portent le numéro " + std::to_string(number) + ".",
                    memberPath(path, "number"));
      }
    }
  }
  return index;
}

// A value to compare: absent and null are both "no value".
std::optional<Var> memberValue(const Object::Ptr& object, const std::string& key) {
  if (!object || !object->has(key) || object->isNull(key)) return std::nullopt;
  return object->get(key);
}

// The bloc without its competencies, which are reported one by one: their numbers instead.
Object::Ptr blocSummary(const Object::Ptr& bloc, const std::string& path) {
  Object::Ptr summary = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& key : orderedKeys(bloc, ObjectKind::kBloc)) {
    if (key != "competencies") summary->set(key, bloc->get(key));
  }
  Poco::JSON::Array::Ptr numbers = new Poco::JSON::Array;
  const auto competencies = objectList(bloc, "competencies", path);
  for (std::size_t c = 0; c < competencies.size(); ++c) {
    numbers->add(competencyNumber(competencies[c], itemPath(memberPath(path, "competencies"), c)));
  }
  summary->set("competencies", numbers);
  return summary;
}

std::optional<int> asIndex(std::optional<std::size_t> index) {
  if (!index) return std::nullopt;
  return static_cast<int>(*index);
}

class Differ {
 public:
  explicit Differ(std::vector<Change>& out) : out_(out) {}

  void referential(const Object::Ptr& from, const Object::Ptr& to) {
    for (const auto& key : knownKeys(ObjectKind::kReferential)) {
      if (key == "source") {
        source(objectMember(from, key, ""), objectMember(to, key, ""));
      } else if (key == "activities") {
        sections(from, to, key, "description", "activity", "activity_title", ObjectKind::kActivity);
      } else if (key == "notes") {
        sections(from, to, key, "text", "note", "note_title", ObjectKind::kNote);
      } else if (key == "blocs") {
        blocs(objectList(from, key, ""), objectList(to, key, ""));
      } else if (key == "modalities") {
        modalities(objectList(from, key, ""), objectList(to, key, ""));
      } else if (std::find(kTopLevelTexts.begin(), kTopLevelTexts.end(), key) != kTopLevelTexts.end()) {
        texts("text", key, textList(from, key, ""), textList(to, key, ""), {});
      } else {
        member(key, key, from, to, key, {});  // "id", "title"
      }
    }
    unknownMembers(from, to, ObjectKind::kReferential, "", {});
  }

 private:
  void emit(const std::string& kind, const std::string& action, const std::string& path,
            const Context& context, const Var& old_value, const Var& new_value,
            std::optional<int> from_index = std::nullopt, std::optional<int> to_index = std::nullopt) {
    out_.push_back(Change{kind, action, path, context.competency, context.bloc, context.group, old_value,
                          new_value, from_index, to_index});
  }

  // One member compared as a whole: texts are "reworded", other values "changed".
  void member(const std::string& kind, const std::string& path, const Object::Ptr& from,
              const Object::Ptr& to, const std::string& key, const Context& context,
              std::optional<int> from_index = std::nullopt, std::optional<int> to_index = std::nullopt) {
    const auto old_value = memberValue(from, key);
    const auto new_value = memberValue(to, key);
    if (!old_value && !new_value) return;
    if (!old_value) return emit(kind, "added", path, context, Var(), *new_value, from_index, to_index);
    if (!new_value) return emit(kind, "removed", path, context, *old_value, Var(), from_index, to_index);
    if (canonicalJsonValue(*old_value) == canonicalJsonValue(*new_value)) return;
    const bool texts = old_value->isString() && new_value->isString();
    emit(kind, texts ? "reworded" : "changed", path, context, *old_value, *new_value, from_index, to_index);
  }

  void unknownMembers(const Object::Ptr& from, const Object::Ptr& to, ObjectKind kind,
                      const std::string& path, const Context& context) {
    for (const auto& key : unknownKeys(from, to, kind)) {
      member("field", memberPath(path, key), from, to, key, context);
    }
  }

  void texts(const std::string& kind, const std::string& path, const std::vector<std::string>& from,
             const std::vector<std::string>& to, const Context& context) {
    for (const auto& step : alignTexts(from, to)) {
      const auto from_index = asIndex(step.from);
      const auto to_index = asIndex(step.to);
      switch (step.kind) {
        case StepKind::kKept:
          break;
        case StepKind::kReworded:
          emit(kind, "reworded", itemPath(path, *step.to), context, from[*step.from], to[*step.to],
               from_index, to_index);
          break;
        case StepKind::kMoved:
          emit(kind, "moved", itemPath(path, *step.to), context, from[*step.from], to[*step.to], from_index,
               to_index);
          break;
        case StepKind::kAdded:
          emit(kind, "added", itemPath(path, *step.to), context, Var(), to[*step.to], from_index, to_index);
          break;
        case StepKind::kRemoved:
          emit(kind, "removed", itemPath(path, *step.from), context, from[*step.from], Var(), from_index,
               to_index);
          break;
      }
    }
  }

  void source(const Object::Ptr& from, const Object::Ptr& to) {
    for (const auto& key : knownKeys(ObjectKind::kSource)) {
      member("source", memberPath("source", key), from, to, key, {});
    }
    unknownMembers(from, to, ObjectKind::kSource, "source", {});
  }

  // Activities and notes: objects with a title and a list of texts, aligned by title.
  void sections(const Object::Ptr& from_referential, const Object::Ptr& to_referential,
                const std::string& key, const std::string& list_key, const std::string& kind,
                const std::string& title_kind, ObjectKind object_kind) {
    const auto from = objectList(from_referential, key, "");
    const auto to = objectList(to_referential, key, "");
    const auto titles = [&](const std::vector<Object::Ptr>& sections) {
      std::vector<std::string> result;
      for (std::size_t i = 0; i < sections.size(); ++i) {
        result.push_back(stringMember(sections[i], "title", itemPath(key, i)).value_or(""));
      }
      return result;
    };
    for (const auto& step : alignTexts(titles(from), titles(to))) {
      const auto from_index = asIndex(step.from);
      const auto to_index = asIndex(step.to);
      if (step.kind == StepKind::kAdded) {
        emit(kind, "added", itemPath(key, *step.to), {}, Var(), to[*step.to], from_index, to_index);
        continue;
      }
      if (step.kind == StepKind::kRemoved) {
        emit(kind, "removed", itemPath(key, *step.from), {}, from[*step.from], Var(), from_index, to_index);
        continue;
      }
      const auto& old_section = from[*step.from];
      const auto& new_section = to[*step.to];
      const std::string path = itemPath(key, *step.to);
      if (step.kind == StepKind::kMoved) {
        emit(kind, "moved", path, {}, old_section->get("title"), new_section->get("title"), from_index,
             to_index);
      }
      member(title_kind, memberPath(path, "title"), old_section, new_section, "title", {}, from_index,
             to_index);
      texts("text", memberPath(path, list_key), textList(old_section, list_key, itemPath(key, *step.from)),
            textList(new_section, list_key, path), {});
      unknownMembers(old_section, new_section, object_kind, path, {});
    }
  }

  void blocs(const std::vector<Object::Ptr>& from, const std::vector<Object::Ptr>& to) {
    const auto from_competencies = indexCompetencies(from);
    const auto to_competencies = indexCompetencies(to);
    for (std::size_t b = 0; b < std::max(from.size(), to.size()); ++b) {
      const Object::Ptr old_bloc = b < from.size() ? from[b] : nullptr;
      const Object::Ptr new_bloc = b < to.size() ? to[b] : nullptr;
      const std::string path = itemPath("blocs", b);
      const int index = static_cast<int>(b);
      const Context context{std::nullopt, new_bloc ? blocLabel(new_bloc, b) : blocLabel(old_bloc, b), {}};
      if (old_bloc && new_bloc) {
        blocCode(old_bloc, new_bloc, path, context, index);
        member("bloc_title", memberPath(path, "title"), old_bloc, new_bloc, "title", context, index, index);
        texts("knowledge", memberPath(path, "knowledge"), textList(old_bloc, "knowledge", path),
              textList(new_bloc, "knowledge", path), context);
        unknownMembers(old_bloc, new_bloc, ObjectKind::kBloc, path, context);
      } else if (new_bloc) {
        emit("bloc", "added", path, context, Var(), blocSummary(new_bloc, path), std::nullopt, index);
      } else {
        emit("bloc", "removed", path, context, blocSummary(old_bloc, path), Var(), index, std::nullopt);
      }
      blocCompetencies(b, from_competencies, to_competencies, *context.bloc);
    }
  }

  void blocCode(const Object::Ptr& old_bloc, const Object::Ptr& new_bloc, const std::string& path,
                const Context& context, int index) {
    const auto old_code = stringMember(old_bloc, "code", path);
    const auto new_code = stringMember(new_bloc, "code", path);
    if (old_code == new_code) return;
    const std::string action = !old_code ? "filled" : !new_code ? "removed" : "reworded";
    emit("bloc_code", action, memberPath(path, "code"), context, nullable(old_code), nullable(new_code),
         index, index);
  }

  // The competencies of the bloc at `b` in either version, by number (document order).
  void blocCompetencies(std::size_t b, const std::map<int, CompetencyPlace>& from,
                        const std::map<int, CompetencyPlace>& to, const std::string& bloc_label) {
    std::set<int> numbers;
    for (const auto* index : {&from, &to}) {
      for (const auto& [number, place] : *index) {
        if (place.bloc == b) numbers.insert(number);
      }
    }
    for (const int number : numbers) {
      const auto old_place = from.find(number);
      const auto new_place = to.find(number);
      const std::string path = "competencies." + std::to_string(number);
      if (new_place != to.end() && new_place->second.bloc == b) {
        const Context context{number, bloc_label, {}};
        if (old_place == from.end()) {
          emit("competency", "added", path, context, Var(), new_place->second.competency);
          continue;
        }
        if (old_place->second.bloc != b) {
          emit("competency", "moved", path, context, old_place->second.bloc_label, bloc_label);
        }
        competency(old_place->second.competency, new_place->second.competency, path, context);
      } else if (new_place == to.end()) {
        emit("competency", "removed", path, Context{number, old_place->second.bloc_label, {}},
             old_place->second.competency, Var());
      }
    }
  }

  void competency(const Object::Ptr& from, const Object::Ptr& to, const std::string& path,
                  const Context& context) {
    member("competency_title", memberPath(path, "title"), from, to, "title", context);
    texts("condition", memberPath(path, "conditions"), textList(from, "conditions", path),
          textList(to, "conditions", path), context);
    const std::string criteria_path = memberPath(path, "criteria");
    const auto old_criteria = objectMember(from, "criteria", path);
    const auto new_criteria = objectMember(to, "criteria", path);
    for (const auto group : kCriteriaGroups) {
      const std::string key(group);
      Context group_context = context;
      group_context.group = key;
      texts("criterion", memberPath(criteria_path, key), textList(old_criteria, key, criteria_path),
            textList(new_criteria, key, criteria_path), group_context);
    }
    unknownMembers(old_criteria, new_criteria, ObjectKind::kCriteria, criteria_path, context);
    texts("expected_result", memberPath(path, "expected_results"), textList(from, "expected_results", path),
          textList(to, "expected_results", path), context);
    unknownMembers(from, to, ObjectKind::kCompetency, path, context);
  }

  static std::vector<std::string> modalityIds(const std::vector<Object::Ptr>& modalities) {
    std::vector<std::string> ids;
    for (std::size_t m = 0; m < modalities.size(); ++m) {
      const std::string path = itemPath("modalities", m);
      auto id = stringMember(modalities[m], "id", path);
      if (!id)
        throw Error(ErrorCode::kInvalidField, "Une modalité d'évaluation n'a pas d'identifiant.", path);
      if (std::find(ids.begin(), ids.end(), *id) != ids.end()) {
        throw Error(ErrorCode::kInvalidField, "Deux modalités d'évaluation ont l'identifiant " + *id + ".",
                    memberPath(path, "id"));
      }
      ids.push_back(*id);
    }
    return ids;
  }

  void modalities(const std::vector<Object::Ptr>& from, const std::vector<Object::Ptr>& to) {
    const auto from_ids = modalityIds(from);
    const auto to_ids = modalityIds(to);
    for (const auto& step : alignTexts(from_ids, to_ids, false)) {
      const auto from_index = asIndex(step.from);
      const auto to_index = asIndex(step.to);
      if (step.kind == StepKind::kAdded) {
        emit("modality", "added", "modalities." + to_ids[*step.to], {}, Var(), to[*step.to], from_index,
             to_index);
        continue;
      }
      if (step.kind == StepKind::kRemoved) {
        emit("modality", "removed", "modalities." + from_ids[*step.from], {}, from[*step.from], Var(),
             from_index, to_index);
        continue;
      }
      const auto& old_modality = from[*step.from];
      const auto& new_modality = to[*step.to];
      const std::string path = "modalities." + to_ids[*step.to];
      if (step.kind == StepKind::kMoved) {
        emit("modality", "moved", path, {}, Var(), Var(), from_index, to_index);
      }
      member("modality_label", memberPath(path, "label"), old_modality, new_modality, "label", {});
      texts("modality_description", memberPath(path, "description"),
            textList(old_modality, "description", itemPath("modalities", *step.from)),
            textList(new_modality, "description", itemPath("modalities", *step.to)), {});
      for (const std::string key : {"excluded_pathways", "exceptional"}) {
        member("modality_field", memberPath(path, key), old_modality, new_modality, key, {});
      }
      unknownMembers(old_modality, new_modality, ObjectKind::kModality, path, {});
    }
  }

  std::vector<Change>& out_;
};

}  // namespace

std::vector<Change> diffReferentials(const Poco::JSON::Object::Ptr& from, const Poco::JSON::Object::Ptr& to) {
  if (!from || !to) throw Error(ErrorCode::kInvalidField, "Il faut deux versions du référentiel à comparer.");
  std::vector<Change> changes;
  Differ(changes).referential(from, to);
  return changes;
}

}  // namespace cqpm::referentials
