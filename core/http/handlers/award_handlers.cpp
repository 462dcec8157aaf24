#include "http/handlers/award_handlers.h"

namespace cqpm::http::handlers {

Response awardDocumentPdf(ApiContext& context, Request& request) {
  const std::string id = request.params.at("id");
  Response response =
      Response::text(200, context.awards.certificatePdf(request.requireActor(), id), "application/pdf");
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"cqpm-" + id + ".pdf\"");
  response.headers.emplace_back("Cache-Control", "private, no-store");
  return response;
}

}  // namespace cqpm::http::handlers
