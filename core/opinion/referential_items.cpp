#include "opinion/referential_items.h"

namespace cqpm::opinion {
namespace {

/// An activity's title as a heading: the official documents list the activities as one sentence
/// ("La mise en place d'un plan d'action qualité ;"), whose list punctuation the referential keeps
/// as transcribed but a form's heading must not end with.
std::string headingOf(std::string title) {
  while (!title.empty() && (title.back() == ';' || title.back() == ',' || title.back() == ' '))
    title.pop_back();
  return title;
}

}  // namespace

std::vector<ReferentialItem> activitiesOf(const referential_model::Referential& referential) {
  std::vector<ReferentialItem> items;
  for (std::size_t i = 0; i < referential.activities.size(); ++i)
    items.push_back({std::to_string(i + 1), headingOf(referential.activities[i].title)});
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
