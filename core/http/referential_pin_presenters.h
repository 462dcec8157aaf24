#pragma once

#include <Poco/JSON/Object.h>

#include "files/referential_pin_records.h"

namespace cqpm::http {

/// A file's referential pin (schemas/openapi.yaml): {file_id, file_version, state,
/// current: version, pinned: version|null, changes: [diff pinned -> current], movable}.
Poco::JSON::Object::Ptr referentialPinJson(const files::ReferentialPinView& pin);

}  // namespace cqpm::http
