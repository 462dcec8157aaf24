#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <utility>
#include <vector>

namespace cqpm::referentials {

/// Who last changed one item of the latest version of a referential.
///
/// `kind` is "bloc_code", "bloc_title", "knowledge", "competency" (the competency as a
/// whole: its latest change of any kind, its move to another bloc, or its addition),
/// "competency_title", "condition", "criterion" or "expected_result"; `path` uses the
/// addressing of Change (blocs[1].code, competencies.4, competencies.4.criteria.methods[2]).
struct BlameEntry {
  std::string kind;
  std::string path;
  std::string bloc;    ///< label of the bloc holding the item ("BDC0198", "bloc 2")
  int competency = 0;  ///< the competency's number, 0 for bloc items
  std::string group;   ///< criteria group for a criterion, else empty
  int index = -1;      ///< place in its list (from 0), -1 for codes, titles and competencies
  std::string text;    ///< the item's text (the title for a competency; empty for a null code)
  int version = 0;     ///< the version in which the item last changed
};

/// For the LAST of `versions` (ordered oldest first, version numbers strictly
/// increasing), the version that last changed each bloc code, bloc title, knowledge item,
/// competency, competency title, condition, criterion and expected result, in document
/// order. Lines of descent follow diffReferentials(): blocs by position, competencies by
/// number, list items by alignTexts(); a kept or moved item keeps its version, a reworded
/// or added item takes the version of the change; everything unchanged since the first
/// version stays at the first version's number. Pure and thread-safe.
/// Throws Error(kInvalidField, field = "versions") when `versions` is empty, holds a null
/// referential or is not in strictly increasing order, and like diffReferentials() on a
/// malformed referential.
std::vector<BlameEntry> blameReferential(
    const std::vector<std::pair<int, Poco::JSON::Object::Ptr>>& versions);

}  // namespace cqpm::referentials
