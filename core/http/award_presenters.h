#pragma once

#include <Poco/JSON/Object.h>

#include "awards/award_records.h"

namespace cqpm::http {

/// The public verification of an award (schemas/openapi.yaml): {valid, status:
/// valid|revoked, holder_name, cqpm: {id, title, number}, blocs: [{code, rncp_code,
/// title}] (codes null when empty), decision_date, referential_version}.
Poco::JSON::Object::Ptr awardVerificationJson(const awards::AwardVerification& verification);

}  // namespace cqpm::http
