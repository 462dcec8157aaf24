#pragma once

#include "common/error.h"

namespace cqpm::http {

/// The HTTP status of each error code: the one table for the whole API.
int httpStatusOf(ErrorCode code);

}  // namespace cqpm::http
