#pragma once

#include <Poco/JSON/Object.h>

#include "imports/candidate_import.h"

namespace cqpm::http {

/// A candidate import (schemas/openapi.yaml, ImportPreview): counts, errors by
/// line and column, the valid rows with the file each opened once confirmed.
Poco::JSON::Object::Ptr candidateImportJson(const imports::CandidateImport& import);

}  // namespace cqpm::http
