#pragma once

#include <Poco/JSON/Object.h>

#include "history/file_as_of.h"
#include "workflow/workflow_definition.h"

namespace cqpm::http {

/// A file as it stood at an earlier instant (schemas/openapi.yaml, FileAsOf): `at`, the file then
/// (as GET /files/{id} shows it, without today's version counter or transitions), its CQPM title
/// and state in French, the registration answers labelled, the grid, the company opinion, the
/// documents, the decisions and the events by then (summaries from `workflow`).
Poco::JSON::Object::Ptr fileAsOfJson(const history::FileAsOf& file,
                                     const workflow::WorkflowDefinition& workflow);

}  // namespace cqpm::http
