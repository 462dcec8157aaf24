#include "juries/planned_modalities.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <cctype>
#include <set>

#include "common/json_text.h"

namespace cqpm::juries {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Array::Ptr planOf(const domain::CandidateFile& file) {
  if (!file.modality_plan_json) return new Array;
  const auto parsed = Poco::JSON::Parser().parse(*file.modality_plan_json);
  if (parsed.type() != typeid(Array::Ptr)) return new Array;
  return parsed.extract<Array::Ptr>();
}

// "ÉVALUATION EN SITUATION RÉELLE" as "Évaluation en situation réelle": the first letter
// kept, the others lowered (ASCII, and the Latin-1 capitals À..Þ and Œ French uses in UTF-8).
std::string sentenceCase(const std::string& text) {
  std::string out = text;
  bool first = true;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto byte = static_cast<unsigned char>(out[i]);
    if (byte < 0x80) {
      if (!first) out[i] = static_cast<char>(std::tolower(byte));
      if (std::isalpha(byte)) first = false;
      continue;
    }
    if (i + 1 >= out.size()) break;
    const auto next = static_cast<unsigned char>(out[i + 1]);
    if (!first && byte == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97)
      out[i + 1] = static_cast<char>(next + 0x20);
    if (!first && byte == 0xC5 && next == 0x92) out[i + 1] = static_cast<char>(0x93);
    first = false;
    ++i;
  }
  return out;
}

}  // namespace

std::string modalityLabel(const std::string& printed) {
  std::string label = printed;
  while (!label.empty() && (label.back() == '.' || label.back() == ' ')) label.pop_back();
  return sentenceCase(label);
}

std::map<std::string, PlannedModality> plannedModalities(const domain::CandidateFile& file,
                                                         const referential_model::Referential& referential) {
  std::map<std::string, PlannedModality> planned;
  const auto plan = planOf(file);
  for (std::size_t i = 0; i < plan->size(); ++i) {
    const auto entry = plan->getObject(static_cast<unsigned>(i));
    if (!entry) continue;
    PlannedModality modality;
    modality.id = textOf(entry, "modality");
    modality.justification = textOf(entry, "justification");
    if (const auto* found = referential.findModality(modality.id)) {
      modality.label = found->label.empty() ? modality.id : modalityLabel(found->label);
      modality.exceptional = found->exceptional;
    } else {
      modality.label = modality.id;
    }
    planned[textOf(entry, "competency")] = std::move(modality);
  }
  return planned;
}

std::vector<std::string> modalitiesUsed(const domain::CandidateFile& file,
                                        const referential_model::Referential& referential) {
  std::set<std::string> planned;
  for (const auto& [number, modality] : plannedModalities(file, referential)) planned.insert(modality.id);
  std::vector<std::string> used;
  // In the referential's order.
  for (const auto& modality : referential.modalities) {
    if (!planned.count(modality.id)) continue;
    used.push_back(modality.label.empty() ? modality.id : modalityLabel(modality.label));
  }
  return used;
}

}  // namespace cqpm::juries
