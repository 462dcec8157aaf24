#pragma once

#include <Poco/JSON/Object.h>

#include <vector>

#include "store/comment_store.h"

namespace cqpm::http {

/// JSON shapes of a file's comments (schemas/openapi.yaml).

/// {id, file_id, competency | null, body, author: {id, display_name, role}, created_at}
Poco::JSON::Object::Ptr commentJson(const store::CommentRecord& comment);
/// {items: [commentJson]}
Poco::JSON::Object::Ptr commentListJson(const std::vector<store::CommentRecord>& comments);

}  // namespace cqpm::http
