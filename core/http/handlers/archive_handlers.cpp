#include "http/handlers/archive_handlers.h"

namespace cqpm::http::handlers {

Response fileArchivePdf(ApiContext& context, Request& request) {
  const std::string id = request.params.at("id");
  // The id names a file of the coordinator's centre once the archive is printed: safe in a file name.
  return Response::attachment(context.archives.pdf(request.requireActor(), id), "application/pdf",
                              "dossier-" + id + ".pdf");
}

}  // namespace cqpm::http::handlers
