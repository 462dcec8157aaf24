#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/files/{id}/archive.pdf -> the candidate's whole file as a PDF, for the centre's archive
Response fileArchivePdf(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
