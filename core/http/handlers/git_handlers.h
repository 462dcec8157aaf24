#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /git/referentials.git/{path+}: the referential repository, read-only,
/// over git's "dumb" HTTP protocol (static files plus a generated info/refs),
/// so `git clone http://host/git/referentials.git` works with stock git. For
/// GTP auditors only, authenticated with HTTP Basic (login and password) or a
/// session; anyone else is refused.
Response serveGitRepository(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
