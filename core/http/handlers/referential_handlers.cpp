#include "http/handlers/referential_handlers.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "access/policy.h"
#include "http/file_version_precondition.h"
#include "http/input_limits.h"
#include "http/json_body.h"
#include "http/referential_pin_presenters.h"
#include "http/referential_presenters.h"

namespace cqpm::http::handlers {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

std::string cqpmOf(ApiContext& context, const Request& request) {
  const std::string id = request.params.at("id");
  if (!context.rules.catalog().find(id)) throw Error(ErrorCode::kNotFound, "no CQPM " + id);
  return id;
}

std::int64_t numberOf(const std::string& text, const std::string& field) {
  Poco::Int64 number = 0;
  if (!Poco::NumberParser::tryParse64(text, number) || number < 1) {
    throw Error(ErrorCode::kInvalidField, field + " must be a positive integer", field);
  }
  return number;
}

// Counts of files by centre and proposals are the GTP's audit material, not
// every user's: another centre's activity is not theirs to see.
void requireAuditor(const Request& request) {
  const auto role = request.requireActor().role;
  if (!access::allows(role, access::Permission::kReadProposals)) {
    throw Error(ErrorCode::kForbidden, "this is for the GTP's auditors");
  }
}

}  // namespace

Response listReferentialVersions(ApiContext& context, Request& request) {
  Array::Ptr items = new Array;
  for (const auto& version : context.referentials.versions(cqpmOf(context, request))) {
    items->add(versionJson(version));
  }
  Object::Ptr body = new Object;
  body->set("items", items);
  return Response::json(200, body);
}

Response getReferentialVersion(ApiContext& context, Request& request) {
  const std::string cqpm = cqpmOf(context, request);
  const auto version = context.referentials.version(cqpm, numberOf(request.params.at("n"), "version"));
  Object::Ptr body = versionJson(version);
  body->set("referential", context.referentials.referentialAt(cqpm, version.commit_id));
  return Response::json(200, body);
}

Response pinnedFiles(ApiContext& context, Request& request) {
  requireAuditor(request);
  return Response::json(200,
                        pinnedFilesJson(context.referentials.pinnedFiles(
                            cqpmOf(context, request), numberOf(request.params.at("n"), "version"), false)));
}

Response referentialDiff(ApiContext& context, Request& request) {
  const std::string cqpm = cqpmOf(context, request);
  const std::string to_text = request.queryValue("to");
  const std::int64_t to =
      to_text.empty() ? context.referentials.current(cqpm).number : numberOf(to_text, "to");
  const std::string from_text = request.queryValue("from");
  const std::int64_t from =
      from_text.empty() ? std::max<std::int64_t>(1, to - 1) : numberOf(from_text, "from");
  return Response::json(200, diffJson(context.referentials.diff(cqpm, from, to)));
}

Response referentialBlame(ApiContext& context, Request& request) {
  const std::string cqpm = cqpmOf(context, request);
  Object::Ptr body = new Object;
  body->set("cqpm", cqpm);
  body->set("items", blameToJson(context.referentials.blame(cqpm)));
  return Response::json(200, body);
}

Response proposeReferential(ApiContext& context, Request& request) {
  const std::string cqpm = cqpmOf(context, request);
  const JsonFields body(parseJsonObject(request.body), {"reason", "referential", "base_version"});
  const std::string reason = body.text("reason", limits::kReason);
  // Checked against schemas/referential.schema.json by the service.
  const auto referential = body.freeObject("referential");
  if (!referential)
    throw Error(ErrorCode::kInvalidField, "referential must be the whole referential object", "referential");
  const std::optional<std::int64_t> base_version =
      body.optionalInteger("base_version", limits::kReferentialVersion);
  return Response::json(201, proposalJson(context.referentials.propose(request.requireActor(), cqpm,
                                                                       referential, reason, base_version)));
}

Response listProposals(ApiContext& context, Request& request) {
  requireAuditor(request);
  const std::string state = request.queryValue("state");
  if (!state.empty() && state != "open" && state != "approved" && state != "rejected" &&
      state != "published") {
    throw Error(ErrorCode::kInvalidField, "state must be one of open, approved, rejected, published",
                "state");
  }
  Array::Ptr items = new Array;
  for (const auto& proposal : context.referentials.proposals(request.queryValue("cqpm"), state))
    items->add(proposalSummaryJson(proposal));
  Object::Ptr body = new Object;
  body->set("items", items);
  return Response::json(200, body);
}

Response getProposal(ApiContext& context, Request& request) {
  requireAuditor(request);
  return Response::json(200,
                        proposalJson(context.referentials.proposal(numberOf(request.params.at("n"), "id"))));
}

Response approveProposal(ApiContext& context, Request& request) {
  return Response::json(200, proposalJson(context.referentials.approve(
                                 request.requireActor(), numberOf(request.params.at("n"), "id"))));
}

Response rejectProposal(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"reason"});
  return Response::json(200, proposalJson(context.referentials.reject(request.requireActor(),
                                                                      numberOf(request.params.at("n"), "id"),
                                                                      body.text("reason", limits::kReason))));
}

Response publishProposal(ApiContext& context, Request& request) {
  return Response::json(200, proposalJson(context.referentials.publish(
                                 request.requireActor(), numberOf(request.params.at("n"), "id"))));
}

Response fileReferential(ApiContext& context, Request& request) {
  return Response::json(200, referentialPinJson(context.referential_pins.show(request.requireActor(),
                                                                              request.params.at("id"))));
}

Response moveFileReferential(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"expected_version", "version"});
  const FileVersionPrecondition precondition = fileVersionPrecondition(request, body);
  const std::int64_t target = body.integer("version", limits::kReferentialVersion);
  return underPrecondition(precondition, "file_version", [&] {
    return Response::json(
        200, referentialPinJson(context.referential_pins.move(request.requireActor(), request.params.at("id"),
                                                              precondition.version, target)));
  });
}

}  // namespace cqpm::http::handlers
