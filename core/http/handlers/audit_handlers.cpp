#include "http/handlers/audit_handlers.h"

#include "audit/event_chain.h"
#include "http/audit_presenters.h"

namespace cqpm::http::handlers {

Response fileAudit(ApiContext& context, Request& request) {
  // The chain as the reader may read it (the file's events): no more, checked link by link.
  const std::string& id = request.params.at("id");
  return Response::json(
      200, fileAuditJson(audit::checkFileChain(id, context.files.events(request.requireActor(), id))));
}

}  // namespace cqpm::http::handlers
