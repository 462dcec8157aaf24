#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace cqpm::referentials {

/// One difference between two versions of a referential, as the GTP reviews it.
///
/// `kind` says what changed:
///   "id", "title" (the CQPM's title), "source" (source.document, source.title),
///   "text" (an item of mission, work_environment, interactions, evolutions, evaluation,
///   admissibility, of an activity's description or of a note's text),
///   "activity", "activity_title", "note", "note_title",
///   "bloc", "bloc_code", "bloc_title", "knowledge",
///   "competency", "competency_title", "condition", "criterion", "expected_result",
///   "modality", "modality_label", "modality_description", "modality_field",
///   "field" (a member the schema does not know).
/// `action` is one of:
///   "added", "removed", "reworded" (a text replaced by another at the same place),
///   "moved" (the same text or competency elsewhere: a list position, or another bloc),
///   "filled" (a null bloc code given a code), "changed" (a non-text value).
///
/// `path` addresses the item; lists count from 0, competencies go by number and
/// modalities by id:
///   title, source.document, mission[3], activities[2].title, activities[2].description[0],
///   blocs[1], blocs[1].code, blocs[1].title, blocs[1].knowledge[4],
///   competencies.4, competencies.4.title, competencies.4.conditions[0],
///   competencies.4.criteria.methods[2], competencies.4.expected_results[1],
///   modalities.company_opinion, modalities.company_opinion.label,
///   modalities.company_opinion.description[0], modalities.company_opinion.excluded_pathways,
///   notes[0].title, notes[0].text[1].
/// An index in a path is the item's place in the NEW version, except for "removed",
/// which gives its place in the old one; `from_index`/`to_index` give both.
struct Change {
  std::string kind;
  std::string action;
  std::string path;
  std::optional<int> competency;    ///< the competency's number, for its changes and their items
  std::optional<std::string> bloc;  ///< "BDC0198", or "bloc 2" when the code is null
  std::string group;                ///< criteria group (methods, means, relations, environment), or empty
  Poco::Dynamic::Var old_value;     ///< empty (null) for "added"; the old bloc for a moved competency
  Poco::Dynamic::Var new_value;     ///< empty (null) for "removed"; the new bloc for a moved competency
  std::optional<int> from_index;    ///< place in the old list, for list items and blocs
  std::optional<int> to_index;      ///< place in the new list, for list items and blocs
};

/// The changes from referential `from` to referential `to`, in document order (the
/// schema's order of members; within a list, the new version's order with each removed
/// item where it stood). Blocs are matched by position, competencies by number,
/// modalities by id; lists of texts (knowledge, conditions, each criteria group,
/// expected results, top-level texts) are aligned as alignTexts() does, so an inserted
/// item is one "added" and a replaced one is one "reworded". Identical referentials give
/// no change. Pure and thread-safe; the values in the result share nothing mutable
/// with the inputs except objects and arrays (added/removed competencies, modalities,
/// activities, notes, unknown members), which the caller must not modify.
/// Throws Error(kInvalidField, field = path) when either input is null, a member has
/// the wrong type, two competencies share a number or two modalities share an id.
std::vector<Change> diffReferentials(const Poco::JSON::Object::Ptr& from, const Poco::JSON::Object::Ptr& to);

}  // namespace cqpm::referentials
