#pragma once

#include <vector>

#include "http/api_context.h"
#include "http/router.h"

namespace cqpm::http {

/// The route table of the server: every endpoint, its method and who may call it.
std::vector<Route> apiRoutes(ApiContext& context);

}  // namespace cqpm::http
