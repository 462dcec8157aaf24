#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <vector>

#include "documents/document_records.h"

namespace cqpm::http {

/// A document (schemas/openapi.yaml, Document): {id, file_id, kind, created_at, versions: [{number,
/// sha256, size, mime_type, filename, uploaded_by {id, display_name}, uploaded_at}]}.
Poco::JSON::Object::Ptr documentJson(const documents::Document& document);

/// A file's documents: {items: [document]}.
Poco::JSON::Object::Ptr documentListJson(const std::vector<documents::Document>& documents);

}  // namespace cqpm::http
