#include "http/handlers/jury_handlers.h"

#include <Poco/JSON/Array.h>

#include "http/json_body.h"

namespace cqpm::http::handlers {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Response items(const Array::Ptr& array) {
  Object::Ptr body = new Object;
  body->set("items", array);
  return Response::json(200, body);
}

std::optional<std::vector<int>> blocIndexes(const Object::Ptr& body) {
  if (!body->has("blocs") || body->isNull("blocs")) return std::nullopt;
  const Poco::Dynamic::Var value = body->get("blocs");
  if (value.type() != typeid(Array::Ptr)) {
    throw Error(ErrorCode::kInvalidField, "blocs must be a list of bloc indexes (1, 2, ...)", "blocs");
  }
  const auto array = value.extract<Array::Ptr>();
  std::vector<int> indexes;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
    if (!item.isInteger()) {
      throw Error(ErrorCode::kInvalidField, "each bloc is given by its index (1, 2, ...)",
                  "blocs[" + std::to_string(i) + "]");
    }
    indexes.push_back(item.convert<int>());
  }
  return indexes;
}

// The jury's verdicts: [{number, validated, reason?}], numbers as the referential writes them (5 or "5").
std::vector<juries::CompetencyVerdict> competencyVerdicts(const Object::Ptr& body) {
  std::vector<juries::CompetencyVerdict> verdicts;
  if (!body->has("competencies") || body->isNull("competencies")) return verdicts;
  const Poco::Dynamic::Var value = body->get("competencies");
  if (value.type() != typeid(Array::Ptr)) {
    throw Error(ErrorCode::kInvalidField, "competencies must be a list of {number, validated, reason}",
                "competencies");
  }
  const auto array = value.extract<Array::Ptr>();
  if (array->size() > 200) throw Error(ErrorCode::kInvalidField, "at most 200 competencies", "competencies");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string path = "competencies[" + std::to_string(i) + "]";
    const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
    if (item.type() != typeid(Object::Ptr)) {
      throw Error(ErrorCode::kInvalidField, "each competency is an object {number, validated, reason}", path);
    }
    const auto object = item.extract<Object::Ptr>();
    const Poco::Dynamic::Var number = object->has("number") ? object->get("number") : Poco::Dynamic::Var();
    if (!(number.isInteger() || number.isString()) || number.convert<std::string>().empty()) {
      throw Error(ErrorCode::kInvalidField, "the competency's number is required", path + ".number");
    }
    const JsonFields fields(object, path);
    const auto validated = fields.optionalBool("validated");
    if (!validated) throw Error(ErrorCode::kInvalidField, "validated is true or false", path + ".validated");
    const auto reason = fields.optionalString("reason").value_or("");
    if (reason.size() > 2000) throw Error(ErrorCode::kInvalidField, "at most 2000 bytes", path + ".reason");
    verdicts.push_back({number.convert<std::string>(), *validated, reason});
  }
  return verdicts;
}

Response attachment(std::string bytes, const std::string& type, const std::string& filename) {
  Response response = Response::text(200, std::move(bytes), type);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  response.headers.emplace_back("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

Response createJurySession(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body));
  const juries::NewJurySession session{body.requiredString("date"), body.requiredString("time"),
                                       body.requiredString("place")};
  const auto created = context.jury_sessions.create(request.requireActor(), session);
  Response response = Response::json(201, created);
  response.headers.emplace_back("Location", "/api/v1/jury-sessions/" + created->getValue<std::string>("id"));
  return response;
}

Response listJurySessions(ApiContext& context, Request& request) {
  return items(context.jury_sessions.list(request.requireActor()));
}

Response getJurySession(ApiContext& context, Request& request) {
  return Response::json(200, context.jury_sessions.get(request.requireActor(), request.params.at("id")));
}

Response addJuryMember(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body));
  juries::NewJuryMember member{body.requiredString("user_id"), body.optionalString("company_id")};
  if (member.company_id && member.company_id->empty()) member.company_id.reset();
  return Response::json(
      201, context.jury_sessions.addMember(request.requireActor(), request.params.at("id"), member));
}

Response setJuryAttendance(ApiContext& context, Request& request) {
  const auto body = parseJsonObject(request.body);
  if (!body->has("present") || body->get("present").type() != typeid(bool)) {
    throw Error(ErrorCode::kInvalidField, "present must be true or false", "present");
  }
  return Response::json(
      200, context.jury_sessions.setAttendance(request.requireActor(), request.params.at("id"),
                                               request.params.at("user"), body->getValue<bool>("present")));
}

Response addJuryFile(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body));
  return Response::json(201, context.jury_sessions.addFile(request.requireActor(), request.params.at("id"),
                                                           body.requiredString("file_id")));
}

Response openJurySession(ApiContext& context, Request& request) {
  return Response::json(200, context.jury_sessions.open(request.requireActor(), request.params.at("id")));
}

Response designateJuryPresident(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body));
  return Response::json(
      200, context.jury_closing.designatePresident(request.requireActor(), request.params.at("id"),
                                                   body.requiredString("user_id")));
}

Response closeJurySession(ApiContext& context, Request& request) {
  return Response::json(200, context.jury_closing.close(request.requireActor(), request.params.at("id")));
}

Response signJuryMinutes(ApiContext& context, Request& request) {
  return Response::json(201, context.jury_closing.sign(request.requireActor(), request.params.at("id")));
}

Response publishJuryResults(ApiContext& context, Request& request) {
  return Response::json(200, context.jury_closing.publish(request.requireActor(), request.params.at("id")));
}

Response addJuryErratum(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body));
  return Response::json(201, context.jury_closing.addErratum(request.requireActor(), request.params.at("id"),
                                                             body.requiredString("text")));
}

Response juryProposal(ApiContext& context, Request& request) {
  return Response::json(200, context.jury_decisions.proposal(request.requireActor(), request.params.at("id"),
                                                             request.params.at("file")));
}

Response recordJuryDecision(ApiContext& context, Request& request) {
  const auto object = parseJsonObject(request.body);
  const JsonFields body(object);
  juries::DecisionRequest decision;
  decision.competencies = competencyVerdicts(object);
  decision.outcome = body.optionalString("outcome");
  decision.blocs = blocIndexes(object);
  decision.reason = body.optionalString("reason").value_or("");
  return Response::json(201, context.jury_decisions.decide(request.requireActor(), request.params.at("id"),
                                                           request.params.at("file"), decision));
}

Response revokeJuryDecision(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body));
  const std::string reason = body.optionalString("reason").value_or("");
  return Response::json(
      200, context.jury_decisions.revoke(request.requireActor(), request.params.at("id"), reason));
}

Response fileDecisions(ApiContext& context, Request& request) {
  return items(context.jury_decisions.forFile(request.requireActor(), request.params.at("id")));
}

Response juryMinutesPdf(ApiContext& context, Request& request) {
  const std::string id = request.params.at("id");
  return attachment(context.jury_documents.minutesPdf(request.requireActor(), id), "application/pdf",
                    "proces-verbal-jury-" + id + ".pdf");
}

Response juryResultsCsv(ApiContext& context, Request& request) {
  const std::string id = request.params.at("id");
  return attachment(context.jury_documents.resultsCsv(request.requireActor(), id), "text/csv; charset=utf-8",
                    "resultats-jury-" + id + ".csv");
}

}  // namespace cqpm::http::handlers
