#pragma once

#include <Poco/JSON/Object.h>

#include "evaluation/evaluation_records.h"

namespace cqpm::http {

/// JSON shapes of the commission and the evaluation grid (schemas/openapi.yaml).

/// {file_id, evaluators: [{id, display_name}], editable, available_evaluators?}
/// (available_evaluators only when the view has them: the coordinator's).
Poco::JSON::Object::Ptr commissionJson(const evaluation::CommissionView& commission);

/// One competency (CompetencyEvaluation): {number, title, bloc {index, code, title},
/// modality, criteria {group: [text]}, result, observations {group: text},
/// evidence [document id], version, etag, updated_by {id, display_name} | null,
/// updated_at | null, signatures [{evaluator_id, display_name, signed_at}], evaluated}.
Poco::JSON::Object::Ptr competencyJson(const evaluation::CompetencyView& competency);

/// {file_id, state, referential: {version, commit}, commission: [{id, display_name}],
/// complete, editable, competencies: [competencyJson]}.
Poco::JSON::Object::Ptr gridJson(const evaluation::GridView& grid);

/// The details of a stale write: {current: competencyJson}.
Poco::JSON::Object::Ptr staleCompetencyDetails(const evaluation::StaleCompetency& stale);

}  // namespace cqpm::http
