#pragma once

#include "store/document_store.h"

namespace cqpm::documents {

/// A document of a candidate file as DocumentService answers it: its id, file,
/// kind, creation time and versions oldest first, each with its hash, size,
/// sniffed MIME type, sanitised file name, uploader (id and display name) and
/// upload time. The store reads it whole, uploader names filled, so the service
/// answers it as is. Presented by http::documentJson.
using Document = store::DocumentRecord;
/// One version of a Document.
using DocumentVersion = store::DocumentVersion;

}  // namespace cqpm::documents
