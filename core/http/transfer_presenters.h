#pragma once

#include <Poco/JSON/Object.h>

#include <vector>

#include "store/file_transfer_store.h"

namespace cqpm::http {

/// A transfer as both centres read it (schemas/openapi.yaml, FileTransfer).
Poco::JSON::Object::Ptr transferJson(const store::StoredTransfer& transfer);
/// {"items": [...]}.
Poco::JSON::Object::Ptr transferListJson(const std::vector<store::StoredTransfer>& transfers);

}  // namespace cqpm::http
