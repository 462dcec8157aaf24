#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// GET /api/v1/users?organisation_id=&role=&status=&q=&limit=&cursor=
Response listAccounts(ApiContext& context, Request& request);
/// GET /api/v1/users/{id}
Response getAccount(ApiContext& context, Request& request);
/// POST /api/v1/users: the account, invited at once.
Response createAccount(ApiContext& context, Request& request);
/// PATCH /api/v1/users/{id}
Response updateAccount(ApiContext& context, Request& request);
/// POST /api/v1/users/{id}/invitation: a new invitation link.
Response inviteAccount(ApiContext& context, Request& request);
/// POST /api/v1/users/{id}/deactivation {"reason"}
Response deactivateAccount(ApiContext& context, Request& request);
/// POST /api/v1/users/{id}/reactivation
Response reactivateAccount(ApiContext& context, Request& request);
/// GET /api/v1/admin/log?cursor=&limit=
Response adminLog(ApiContext& context, Request& request);
/// GET /api/v1/admin/log.csv
Response adminLogCsv(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
