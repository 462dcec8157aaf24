#pragma once

#include <string>
#include <vector>

#include "audit/audit_bundle.h"
#include "http/api_context.h"

namespace cqpm::http {

/// What a file's audit bundle holds (GET /files/{id}/audit-bundle), each part read through the
/// service that owns it as `actor` and shaped by the API's own presenters, so that an auditor
/// reads the same JSON the platform answers: file.json, events.json (with their hashes and the
/// chain's check), plan.json, evaluation.json, opinion.json, decisions.json, every version of
/// every document, the minutes of each session that decided the file, each certificate still
/// issued, the referential at the file's pinned commit, and archive.pdf, the printable file.
/// Errors: kForbidden (not one of the file's coordinators), kNotFound (outside the actor's scope).
std::vector<audit::BundleEntry> auditBundleEntries(ApiContext& context, const domain::Actor& actor,
                                                   const std::string& file_id);

}  // namespace cqpm::http
