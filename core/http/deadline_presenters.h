#pragma once

#include <Poco/JSON/Object.h>

#include <vector>

#include "deadlines/deadline_records.h"

namespace cqpm::http {

/// JSON shapes of the deadlines API (schemas/openapi.yaml).

/// {kind, due, due_at, time_zone: "Europe/Paris", passed, set_due, set_by {id, display_name},
/// set_at, extensions: [{number, from, until, reason, extended_by {id, display_name}, extended_at}]}
Poco::JSON::Object::Ptr deadlineJson(const deadlines::DeadlineView& view);
/// {items: [deadlineJson]}
Poco::JSON::Object::Ptr deadlineListJson(const std::vector<deadlines::DeadlineView>& views);

}  // namespace cqpm::http
