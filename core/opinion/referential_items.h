#pragma once

#include <string>
#include <vector>

#include "referential_model/referential.h"

namespace cqpm::opinion {

/// Something of a referential that people give an opinion or a comment on:
/// an activity ("1".."N", in document order) or a competency (its number).
struct ReferentialItem {
  std::string key;  ///< "1", "2", ...: how the API and the stored opinion name it
  std::string title;
};

/// The referential's activities, keyed by their position from 1.
std::vector<ReferentialItem> activitiesOf(const referential_model::Referential& referential);
/// The referential's competencies across its blocs, keyed by their number, in
/// document order.
std::vector<ReferentialItem> competenciesOf(const referential_model::Referential& referential);

/// The item keyed `key`, or null (borrowed from `items`).
const ReferentialItem* findItem(const std::vector<ReferentialItem>& items, const std::string& key);

}  // namespace cqpm::opinion
