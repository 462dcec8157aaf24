#include "http/handlers/audit_handlers.h"

#include "audit/audit_bundle.h"
#include "audit/event_chain.h"
#include "http/audit_bundle_contents.h"
#include "http/audit_presenters.h"
#include "http/personal_data_contents.h"

namespace cqpm::http::handlers {

Response fileAudit(ApiContext& context, Request& request) {
  // The chain as the reader may read it (the file's events): no more, checked link by link.
  const std::string& id = request.params.at("id");
  return Response::json(
      200, fileAuditJson(audit::checkFileChain(id, context.files.events(request.requireActor(), id))));
}

Response fileAuditBundle(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const std::string& id = request.params.at("id");
  // Gathered (documents, PDFs) before anything is signed; nothing here writes.
  const auto entries = auditBundleEntries(context, actor, id);
  const audit::BundleHeader header{id, nowIso8601(context.clock), actor.display_name};
  // The id names a file of the coordinator's centre once gathered: safe in a file name.
  return Response::attachment(audit::writeSignedBundle(header, entries, context.signing_key),
                              "application/zip", "audit-" + id + ".zip");
}

Response personalDataExport(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const std::string& id = request.params.at("id");
  const auto entries = personalDataEntries(context, actor, id);
  const std::string now = nowIso8601(context.clock);
  const audit::BundleHeader header{id, now, actor.display_name};
  std::string zip = audit::writeSignedBundle(header, entries, context.signing_key);
  // Who took a person's data, and when: the log names the file, not the person.
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("items", static_cast<std::int64_t>(entries.size()));
  context.admin_log.record(
      actor, {"personal_data_exported", "file", id, "dossier " + id, actor.organisation_id, details}, now);
  return Response::attachment(std::move(zip), "application/zip", "donnees-personnelles-" + id + ".zip");
}

Response platformKeys(ApiContext& context, Request& /*request*/) {
  return Response::json(200, platformKeySetJson(context.signing_key.publicKey()));
}

}  // namespace cqpm::http::handlers
