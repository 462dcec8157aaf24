#include "http/handlers/award_handlers.h"

namespace cqpm::http::handlers {

Response awardDocumentPdf(ApiContext& context, Request& request) {
  const std::string id = request.params.at("id");
  return Response::attachment(context.awards.certificatePdf(request.requireActor(), id), "application/pdf",
                              "cqpm-" + id + ".pdf");
}

}  // namespace cqpm::http::handlers
