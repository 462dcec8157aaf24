#include "http/handlers/verification_handlers.h"

#include "http/award_presenters.h"
#include "http/static_files.h"

namespace cqpm::http::handlers {

Response verifyAward(ApiContext& context, Request& request) {
  Response response = Response::json(
      200, awardVerificationJson(context.awards.verify(request.params.at("code"), request.client_address)));
  response.headers.emplace_back("Cache-Control", "no-store");  // a revocation shows at once
  return response;
}

Response verifyAwardPage(ApiContext& context, Request& request) {
  if (request.header("Accept").find("application/json") == std::string::npos) {
    if (auto page = StaticFiles(context.settings.web_root).serve(request)) return *page;
  }
  // Asked for JSON, or no web front end is installed: the API's answer.
  return verifyAward(context, request);
}

}  // namespace cqpm::http::handlers
