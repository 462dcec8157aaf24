#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <vector>

#include "files/modality_plan_records.h"

namespace cqpm::http {

/// The modality plan editor (schemas/openapi.yaml, ModalityPlan): {file_id, file_version, state,
/// editable, plan ([entry] or null), competencies [{number, title, bloc_code, bloc_title,
/// bloc_index}], modalities [{id, label, exceptional}], allowed_modalities, plan_fields,
/// evaluators [{id, display_name}]}.
Poco::JSON::Object::Ptr modalityPlanJson(const files::ModalityPlanEditor& editor);

/// A plan's entries: [{competency, modality, planned_date, place, evaluators [id],
/// justification?, details}].
Poco::JSON::Array::Ptr planEntriesJson(const std::vector<files::PlanEntry>& entries);

}  // namespace cqpm::http
