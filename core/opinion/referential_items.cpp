#include "opinion/referential_items.h"

namespace cqpm::opinion {

std::vector<ReferentialItem> activitiesOf(const referential_model::Referential& referential) {
  std::vector<ReferentialItem> items;
  for (std::size_t i = 0; i < referential.activities.size(); ++i)
    items.push_back({std::to_string(i + 1), referential.activities[i].title});
  return items;
}

std::vector<ReferentialItem> competenciesOf(const referential_model::Referential& referential) {
  std::vector<ReferentialItem> items;
  for (const auto* competency : referential.allCompetencies())
    items.push_back({competency->key(), competency->title});
  return items;
}

const ReferentialItem* findItem(const std::vector<ReferentialItem>& items, const std::string& key) {
  for (const auto& item : items) {
    if (item.key == key) return &item;
  }
  return nullptr;
}

}  // namespace cqpm::opinion
