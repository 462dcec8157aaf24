#include "http/handlers/health_handlers.h"

namespace cqpm::http::handlers {

Response healthz(ApiContext&, Request&) { return Response::text(200, "ok\n"); }

Response readyz(ApiContext& context, Request&) {
  Poco::JSON::Object::Ptr checks = new Poco::JSON::Object;
  bool ready = true;
  try {
    context.db.ping();
    checks->set("database", "ok");
  } catch (const std::exception& e) {
    checks->set("database", e.what());
    ready = false;
  }
  checks->set("workflow", context.engine.definition().id() + " v" +
                              std::to_string(context.engine.definition().version()));
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("status", ready ? "ready" : "not_ready");
  body->set("checks", checks);
  return Response::json(ready ? 200 : 503, body);
}

Response metrics(ApiContext& context, Request&) {
  return Response::text(200, context.metrics.exposition(), "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace cqpm::http::handlers
