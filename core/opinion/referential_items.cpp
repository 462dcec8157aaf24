#include "opinion/referential_items.h"

#include <Poco/JSON/Array.h>

namespace cqpm::opinion {

namespace {

std::string titleOf(const Poco::JSON::Object::Ptr& object) {
  return object && object->has("title") && object->get("title").isString()
             ? object->getValue<std::string>("title")
             : std::string();
}

}  // namespace

std::vector<ReferentialItem> activitiesOf(const Poco::JSON::Object::Ptr& referential) {
  std::vector<ReferentialItem> items;
  const auto activities = referential ? referential->getArray("activities") : nullptr;
  if (!activities) return items;
  for (std::size_t i = 0; i < activities->size(); ++i) {
    items.push_back({std::to_string(i + 1), titleOf(activities->getObject(static_cast<unsigned>(i)))});
  }
  return items;
}

std::vector<ReferentialItem> competenciesOf(const Poco::JSON::Object::Ptr& referential) {
  std::vector<ReferentialItem> items;
  const auto blocs = referential ? referential->getArray("blocs") : nullptr;
  if (!blocs) return items;
  for (std::size_t b = 0; b < blocs->size(); ++b) {
    const auto bloc = blocs->getObject(static_cast<unsigned>(b));
    const auto competencies = bloc ? bloc->getArray("competencies") : nullptr;
    if (!competencies) continue;
    for (std::size_t c = 0; c < competencies->size(); ++c) {
      const auto competency = competencies->getObject(static_cast<unsigned>(c));
      if (!competency || !competency->has("number") || !competency->get("number").isInteger()) continue;
      items.push_back({std::to_string(competency->getValue<int>("number")), titleOf(competency)});
    }
  }
  return items;
}

const ReferentialItem* findItem(const std::vector<ReferentialItem>& items, const std::string& key) {
  for (const auto& item : items) {
    if (item.key == key) return &item;
  }
  return nullptr;
}

}  // namespace cqpm::opinion
