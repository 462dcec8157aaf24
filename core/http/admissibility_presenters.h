#pragma once

#include <Poco/JSON/Object.h>

#include "files/vae_admissibility_service.h"

namespace cqpm::http {

/// A VAE file's admissibility (schemas/openapi.yaml, VaeAdmissibility):
/// {file_id, required, editable, current (the decision in force) or null, history [newest first]}.
Poco::JSON::Object::Ptr admissibilityJson(const files::AdmissibilityView& admissibility);

}  // namespace cqpm::http
