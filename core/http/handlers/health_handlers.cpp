#include "http/handlers/health_handlers.h"

#include <Poco/JSON/Array.h>

namespace cqpm::http::handlers {

Response healthz(ApiContext&, Request&) { return Response::text(200, "ok\n"); }

Response readyz(ApiContext& context, Request&) {
  const health::Readiness readiness = context.readiness.probe();
  Poco::JSON::Object::Ptr checks = new Poco::JSON::Object;
  for (const auto& probe : readiness.required) checks->set(probe.name, probe.ok ? "ok" : probe.reason);
  // The antivirus only holds up uploads (refused 503 while it is down): the
  // server stays ready, degraded, so the proxy keeps sending it everything else.
  if (readiness.antivirus) {
    checks->set("antivirus", readiness.antivirus->ok ? "ok" : readiness.antivirus->reason);
  }
  const bool ready = readiness.ready();
  checks->set("workflow", context.engine.definition().id() + " v" +
                              std::to_string(context.engine.definition().version()));
  // A refused plugin does not stop the others: the server is ready, degraded.
  const auto& catalog = context.rules.catalog();
  Poco::JSON::Object::Ptr plugins = new Poco::JSON::Object;
  Poco::JSON::Array::Ptr loaded = new Poco::JSON::Array;
  for (const auto& id : catalog.ids()) loaded->add(id);
  plugins->set("loaded", loaded);
  Poco::JSON::Array::Ptr refused = new Poco::JSON::Array;
  for (const auto& failure : catalog.failures()) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
    item->set("plugin", failure.plugin);
    item->set("file", failure.file);
    item->set("path", failure.path);
    item->set("message", failure.message);
    refused->add(item);
  }
  plugins->set("refused", refused);
  checks->set("plugins", plugins);
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("status", !ready ? "not_ready" : catalog.failures().empty() ? "ready" : "degraded");
  body->set("checks", checks);
  return Response::json(ready ? 200 : 503, body);
}

Response metrics(ApiContext& context, Request&) {
  return Response::text(200, context.metrics.exposition(), "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace cqpm::http::handlers
