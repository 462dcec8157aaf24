#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/imports/candidates/template: the CSV template for French Excel.
Response candidateImportTemplate(ApiContext& context, Request& request);
/// POST /api/v1/imports/candidates?filename=: the CSV as the body; a preview, nothing created.
Response previewCandidateImport(ApiContext& context, Request& request);
/// GET /api/v1/imports/{id}
Response getCandidateImport(ApiContext& context, Request& request);
/// POST /api/v1/imports/{id}/confirmation: every file, in one transaction.
Response confirmCandidateImport(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
