#pragma once

#include "http/api_context.h"
#include "http/exchange.h"

namespace cqpm::http::handlers {

/// POST /api/v1/files/{id}/transfer {centre_id, reason}
Response proposeFileTransfer(ApiContext& context, Request& request);
/// GET /api/v1/files/{id}/transfers
Response fileTransfers(ApiContext& context, Request& request);
/// GET /api/v1/transfers?direction=incoming|outgoing&state=&limit=
Response listTransfers(ApiContext& context, Request& request);
/// GET /api/v1/centres: the centres a file may be transferred to
Response receivingCentres(ApiContext& context, Request& request);
/// GET /api/v1/transfers/{id}
Response getTransfer(ApiContext& context, Request& request);
/// POST /api/v1/transfers/{id}/acceptance {reason?}
Response acceptTransfer(ApiContext& context, Request& request);
/// POST /api/v1/transfers/{id}/refusal {reason}
Response refuseTransfer(ApiContext& context, Request& request);
/// POST /api/v1/transfers/{id}/cancellation
Response cancelTransfer(ApiContext& context, Request& request);

}  // namespace cqpm::http::handlers
