#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// POST /api/v1/files/{id}/documents (multipart/form-data: kind, file) -> 201 the document at version 1.
Response uploadDocument(ApiContext& context, Request& request);
/// POST /api/v1/documents/{doc}/versions (multipart/form-data: file) -> 201 the document with its new
/// version.
Response uploadDocumentVersion(ApiContext& context, Request& request);
/// GET /api/v1/files/{id}/documents
Response listDocuments(ApiContext& context, Request& request);
/// GET /api/v1/documents/{doc}/versions/{n}/content: the bytes, as an attachment.
Response documentContent(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
