#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cqpm::files {

/// One entry of an agreed plan, as ModalityPlanService::put normalised and stored it.
struct PlanEntry {
  int competency = 0;        ///< the competency's number in the referential
  std::string modality;      ///< a modality id of the referential
  std::string planned_date;  ///< YYYY-MM-DD
  std::string place;
  std::vector<std::string> evaluators;       ///< user ids, evaluators of the file's centre
  std::optional<std::string> justification;  ///< absent when none was given
  /// The extra fields the CQPM's rules read: their shape belongs to each plugin
  /// (PluginRules::planFields), so they stay JSON. Never null (an empty object).
  Poco::JSON::Object::Ptr details;
};

/// A competency the file still has to be evaluated on.
struct PlanCompetency {
  int number = 0;
  std::string title;
  std::optional<std::string> bloc_code;  ///< the bloc's RNCP code, when it has one
  std::string bloc_title;
  int bloc_index = 0;  ///< 1-based, in the referential's order
};

/// A modality the referential offers.
struct PlanModality {
  std::string id;
  std::string label;
  bool exceptional = false;
};

/// An evaluator of the file's centre who may be assigned.
struct PlanEvaluator {
  std::string id;
  std::string display_name;
};

/// What the plan editor needs (ModalityPlanService::get and put). Presented by
/// http::modalityPlanJson.
struct ModalityPlanEditor {
  std::string file_id;
  std::int64_t file_version = 0;  ///< the compare-and-swap version a put sends back (If-Match)
  std::string state;
  bool editable = false;                       ///< the actor may put a plan now (registered, coordinator)
  std::optional<std::vector<PlanEntry>> plan;  ///< none before a plan is agreed
  std::vector<PlanCompetency> competencies;    ///< targeted blocs, without those carried over
  std::vector<PlanModality> modalities;
  /// {"<competency number>": [modality ids]} and {"<competency number>": [plan
  /// fields]}: computed by the CQPM's plugin, whose shapes they follow (JSON).
  Poco::JSON::Object::Ptr allowed_modalities;
  Poco::JSON::Object::Ptr plan_fields;
  std::vector<PlanEvaluator> evaluators;
};

/// The entries of a stored plan (the JSON text ModalityPlanService::put wrote).
std::vector<PlanEntry> parseStoredPlan(const std::string& plan_json);

}  // namespace cqpm::files
