#pragma once

#include <Poco/JSON/Object.h>

#include "audit/event_chain.h"

namespace cqpm::http {

/// GET /files/{id}/audit: the verification and each link of the chain (no
/// payload: a tampered one need not even be JSON, and the hashes say it all).
Poco::JSON::Object::Ptr fileAuditJson(const audit::FileChainCheck& check);

}  // namespace cqpm::http
