#include "http/handlers/award_handlers.h"

namespace cqpm::http::handlers {

Response awardDocumentPdf(ApiContext& context, Request& request) {
  const std::string id = request.params.at("id");
  return Response::attachment(context.awards.certificatePdf(request.requireActor(), id), "application/pdf",
                              "cqpm-" + id + ".pdf");
}

Response awardCredential(ApiContext& context, Request& request) {
  const std::string id = request.params.at("id");
  // A compact JWT (OB 3.0's VC-JWT proof format): the holder keeps the file, a verifier checks it
  // with the key of /.well-known/jwks.json and its status at the credential's id.
  return Response::attachment(context.awards.credentialJwt(request.requireActor(), id), "application/jwt",
                              "cqpm-" + id + ".jwt");
}

}  // namespace cqpm::http::handlers
