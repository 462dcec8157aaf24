#pragma once

#include <Poco/JSON/Object.h>

#include "juries/carry_over_service.h"

namespace cqpm::http {

/// A file's carry-over (schemas/openapi.yaml, CarryOver): {file_id, file_version, state, editable,
/// whole_cqpm, targeted_blocs [bloc], offered [{bloc, decision_id, decided_at, earlier_file_id,
/// confirmed}], carried_over [{bloc (index), decision_id, confirmed_by, confirmed_at}]}.
Poco::JSON::Object::Ptr carryOverJson(const juries::CarryOverView& view);

}  // namespace cqpm::http
