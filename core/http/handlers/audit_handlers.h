#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/files/{id}/audit -> the file's chain of events with its verification
Response fileAudit(ApiContext& context, Request& request);
/// GET /api/v1/files/{id}/audit-bundle -> the file as a zip signed with the platform's key
Response fileAuditBundle(ApiContext& context, Request& request);
/// GET /files/{id}/personal-data: everything about the file's candidate, as a signed zip (RGPD).
Response personalDataExport(ApiContext& context, Request& request);
/// GET /.well-known/jwks.json -> the platform's public signing key (JSON Web Key Set)
Response platformKeys(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
