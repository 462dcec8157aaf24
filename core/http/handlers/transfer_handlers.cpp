#include "http/handlers/transfer_handlers.h"

#include "common/json_text.h"
#include "http/input_limits.h"
#include "http/json_body.h"
#include "http/query_params.h"
#include "http/transfer_presenters.h"

namespace cqpm::http::handlers {

namespace {

// Answers carry an optional body: none at all counts as {}.
JsonFields optionalReasonBody(const Request& request) {
  if (request.body.empty()) return JsonFields(new Poco::JSON::Object, {"reason"});
  return JsonFields(parseJsonObject(request.body), {"reason"});
}

store::TransferDirection directionOf(const Request& request) {
  const std::string direction = request.queryValue("direction");
  if (direction.empty() || direction == "all") return store::TransferDirection::kBoth;
  if (direction == "incoming") return store::TransferDirection::kIncoming;
  if (direction == "outgoing") return store::TransferDirection::kOutgoing;
  throw Error(ErrorCode::kInvalidField, "direction is incoming, outgoing or all", "direction");
}

}  // namespace

Response proposeFileTransfer(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"centre_id", "reason"});
  files::TransferProposal proposal;
  proposal.centre_id = body.text("centre_id", limits::kId);
  proposal.reason = body.text("reason", limits::kReason);
  const auto transfer = context.transfers.propose(request.requireActor(), request.params.at("id"), proposal);
  Response response = Response::json(201, transferJson(transfer));
  response.headers.emplace_back("Location", "/api/v1/transfers/" + transfer.id);
  return response;
}

Response fileTransfers(ApiContext& context, Request& request) {
  return Response::json(
      200, transferListJson(context.transfers.ofFile(request.requireActor(), request.params.at("id"))));
}

Response listTransfers(ApiContext& context, Request& request) {
  files::TransferQuery query;
  query.direction = directionOf(request);
  if (const std::string state = request.queryValue("state"); !state.empty()) query.state = state;
  query.limit = queryLimit(request, 100, 200);
  return Response::json(200, transferListJson(context.transfers.list(request.requireActor(), query)));
}

Response receivingCentres(ApiContext& context, Request& request) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& centre : context.transfers.receivingCentres(request.requireActor())) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
    item->set("id", centre.id);
    item->set("name", centre.name);
    item->set("region", nullable(centre.region));
    Poco::JSON::Array::Ptr departements = new Poco::JSON::Array;
    for (const auto& code : centre.departements) departements->add(code);
    item->set("departements", departements);
    items->add(item);
  }
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("items", items);
  return Response::json(200, body);
}

Response getTransfer(ApiContext& context, Request& request) {
  return Response::json(200,
                        transferJson(context.transfers.get(request.requireActor(), request.params.at("id"))));
}

Response acceptTransfer(ApiContext& context, Request& request) {
  const auto comment = optionalReasonBody(request).optionalText("reason", limits::kReason, true);
  return Response::json(
      200, transferJson(context.transfers.accept(request.requireActor(), request.params.at("id"), comment)));
}

Response refuseTransfer(ApiContext& context, Request& request) {
  const auto reason = optionalReasonBody(request).text("reason", limits::kReason);
  return Response::json(
      200, transferJson(context.transfers.refuse(request.requireActor(), request.params.at("id"), reason)));
}

Response cancelTransfer(ApiContext& context, Request& request) {
  return Response::json(
      200, transferJson(context.transfers.cancel(request.requireActor(), request.params.at("id"))));
}

}  // namespace cqpm::http::handlers
