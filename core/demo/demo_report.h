#pragma once

#include <string>

#include "documents/document_service.h"
#include "domain/actor.h"

namespace cqpm::demo {

/// A one-page activity report of a demo candidate, as a PDF: the report the
/// candidate sends to the centre for the competencies presented on projects.
std::string demoReportPdf(const std::string& candidate_name, const std::string& cqpm_title);

/// Uploads that report to `file_id` as `actor`, as a browser would (the bytes
/// go through the blob store and the type check).
void uploadDemoReport(documents::DocumentService& documents, const domain::Actor& actor,
                      const std::string& file_id, const std::string& candidate_name,
                      const std::string& cqpm_title);

}  // namespace cqpm::demo
