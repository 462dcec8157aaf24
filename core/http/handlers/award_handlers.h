#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/awards/{id}/document.pdf: the certificate or bloc attestation, for the file's readers.
Response awardDocumentPdf(ApiContext& context, Request& request);
/// GET /api/v1/awards/{id}/credential.jwt -> the award as a signed Open Badges 3.0 credential
Response awardCredential(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
