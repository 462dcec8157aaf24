#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/cqpms/{id}/versions
Response listReferentialVersions(ApiContext& context, Request& request);
/// GET /api/v1/cqpms/{id}/versions/{n}: the version and its referential.
Response getReferentialVersion(ApiContext& context, Request& request);
/// GET /api/v1/cqpms/{id}/versions/{n}/files: files pinned to it, by state and centre.
Response pinnedFiles(ApiContext& context, Request& request);
/// GET /api/v1/cqpms/{id}/diff?from=&to= (default: the last change)
Response referentialDiff(ApiContext& context, Request& request);
/// GET /api/v1/cqpms/{id}/blame
Response referentialBlame(ApiContext& context, Request& request);
/// POST /api/v1/cqpms/{id}/proposals {referential, reason}
Response proposeReferential(ApiContext& context, Request& request);
/// GET /api/v1/proposals?cqpm=&state=
Response listProposals(ApiContext& context, Request& request);
/// GET /api/v1/proposals/{n}
Response getProposal(ApiContext& context, Request& request);
/// POST /api/v1/proposals/{n}/approve
Response approveProposal(ApiContext& context, Request& request);
/// POST /api/v1/proposals/{n}/reject {reason}
Response rejectProposal(ApiContext& context, Request& request);
/// POST /api/v1/proposals/{n}/publish
Response publishProposal(ApiContext& context, Request& request);

/// GET /api/v1/files/{id}/referential: the pinned version, the one in force, the changes between.
Response fileReferential(ApiContext& context, Request& request);
/// POST /api/v1/files/{id}/referential {expected_version, version}: moves the file to a newer version.
Response moveFileReferential(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
