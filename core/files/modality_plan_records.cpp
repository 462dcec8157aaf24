#include "files/modality_plan_records.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace cqpm::files {

std::vector<PlanEntry> parseStoredPlan(const std::string& plan_json) {
  std::vector<PlanEntry> entries;
  const auto stored = Poco::JSON::Parser().parse(plan_json).extract<Poco::JSON::Array::Ptr>();
  for (std::size_t i = 0; stored && i < stored->size(); ++i) {
    const auto item = stored->getObject(static_cast<unsigned>(i));
    if (!item) continue;
    PlanEntry entry;
    entry.competency = item->optValue<int>("competency", 0);
    entry.modality = item->optValue<std::string>("modality", "");
    entry.planned_date = item->optValue<std::string>("planned_date", "");
    entry.place = item->optValue<std::string>("place", "");
    if (const auto evaluators = item->getArray("evaluators")) {
      for (std::size_t e = 0; e < evaluators->size(); ++e) {
        entry.evaluators.push_back(evaluators->getElement<std::string>(static_cast<unsigned>(e)));
      }
    }
    if (item->has("justification") && !item->isNull("justification")) {
      entry.justification = item->getValue<std::string>("justification");
    }
    entry.details = item->getObject("details");
    if (!entry.details) entry.details = new Poco::JSON::Object;
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace cqpm::files
