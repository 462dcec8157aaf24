#pragma once

#include <string>
#include <vector>

#include "audit/audit_bundle.h"
#include "domain/actor.h"
#include "http/api_context.h"

namespace cqpm::http {

/// What the export of one person's data holds (GET /files/{id}/personal-data, the RGPD right of
/// access): LISEZMOI.txt (in French: what is there and how to check it), personne.json (the identities
/// recorded, file by file) and, under dossiers/<file id>/, every part of each of the person's files in
/// the coordinator's centre, as in its audit bundle. Errors: kForbidden (not a centre coordinator),
/// kNotFound (outside the coordinator's centre).
std::vector<audit::BundleEntry> personalDataEntries(ApiContext& context, const domain::Actor& actor,
                                                    const std::string& file_id);

}  // namespace cqpm::http
