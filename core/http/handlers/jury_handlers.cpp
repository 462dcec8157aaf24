#include "http/handlers/jury_handlers.h"

#include <Poco/JSON/Array.h>

#include "http/input_limits.h"
#include "http/json_body.h"
#include "http/jury_presenters.h"

namespace cqpm::http::handlers {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Response items(const Array::Ptr& array) {
  Object::Ptr body = new Object;
  body->set("items", array);
  return Response::json(200, body);
}

// The jury's verdicts: [{number, validated, reason?}], numbers as the referential writes them (5 or "5").
std::vector<juries::CompetencyVerdict> competencyVerdicts(const JsonFields& body) {
  std::vector<juries::CompetencyVerdict> verdicts;
  for (const JsonFields& item : body.objects("competencies", {"number", "validated", "reason"}, 200)) {
    const Poco::Dynamic::Var number = item.value("number");
    std::string label;
    if (number.isString()) {
      label = checkedText(number, item.path("number"), limits::kEnum);
    } else if (!number.isEmpty()) {
      label = std::to_string(checkedInteger(number, item.path("number"), limits::kCompetencyNumber));
    } else {
      throw Error(ErrorCode::kInvalidField, "the competency's number is required", item.path("number"));
    }
    verdicts.push_back({label, item.boolean("validated"),
                        item.optionalText("reason", limits::kVerdictReason, true).value_or("")});
  }
  return verdicts;
}

}  // namespace

Response createJurySession(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"date", "time", "place"});
  const juries::NewJurySession session{body.text("date", limits::kIsoDate),
                                       body.text("time", limits::kClockTime),
                                       body.text("place", limits::kJuryPlace)};
  const auto created = context.jury_sessions.create(request.requireActor(), session);
  Response response = Response::json(201, jurySessionViewJson(created));
  response.headers.emplace_back("Location", "/api/v1/jury-sessions/" + created.session.id);
  return response;
}

Response listJurySessions(ApiContext& context, Request& request) {
  return items(jurySessionsJson(context.jury_sessions.list(request.requireActor())));
}

Response getJurySession(ApiContext& context, Request& request) {
  return Response::json(
      200, jurySessionViewJson(context.jury_sessions.get(request.requireActor(), request.params.at("id"))));
}

Response addJuryMember(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"user_id", "company_id"});
  juries::NewJuryMember member{body.text("user_id", limits::kId),
                               body.optionalText("company_id", limits::kId, true)};
  if (member.company_id && member.company_id->empty()) member.company_id.reset();
  return Response::json(201, jurySessionViewJson(context.jury_sessions.addMember(
                                 request.requireActor(), request.params.at("id"), member)));
}

Response setJuryAttendance(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"present"});
  return Response::json(200, jurySessionViewJson(context.jury_sessions.setAttendance(
                                 request.requireActor(), request.params.at("id"), request.params.at("user"),
                                 body.boolean("present"))));
}

Response addJuryFile(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"file_id"});
  return Response::json(
      201, jurySessionViewJson(context.jury_sessions.addFile(request.requireActor(), request.params.at("id"),
                                                             body.text("file_id", limits::kId))));
}

Response openJurySession(ApiContext& context, Request& request) {
  return Response::json(
      200, jurySessionViewJson(context.jury_sessions.open(request.requireActor(), request.params.at("id"))));
}

Response designateJuryPresident(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"user_id"});
  return Response::json(
      200, jurySessionViewJson(context.jury_closing.designatePresident(
               request.requireActor(), request.params.at("id"), body.text("user_id", limits::kId))));
}

Response closeJurySession(ApiContext& context, Request& request) {
  return Response::json(
      200, jurySessionViewJson(context.jury_closing.close(request.requireActor(), request.params.at("id"))));
}

Response signJuryMinutes(ApiContext& context, Request& request) {
  return Response::json(
      201, jurySessionViewJson(context.jury_closing.sign(request.requireActor(), request.params.at("id"))));
}

Response publishJuryResults(ApiContext& context, Request& request) {
  return Response::json(200, jurySessionViewJson(context.jury_closing.publish(request.requireActor(),
                                                                              request.params.at("id"))));
}

Response addJuryErratum(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"text"});
  return Response::json(
      201, jurySessionViewJson(context.jury_closing.addErratum(
               request.requireActor(), request.params.at("id"), body.text("text", limits::kReason))));
}

Response juryProposal(ApiContext& context, Request& request) {
  return Response::json(
      200, fileProposalJson(context.jury_decisions.proposal(request.requireActor(), request.params.at("id"),
                                                            request.params.at("file"))));
}

Response recordJuryDecision(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"competencies", "outcome", "blocs", "reason"});
  juries::DecisionRequest decision;
  decision.competencies = competencyVerdicts(body);
  decision.outcome = body.optionalText("outcome", limits::kEnum);
  if (const auto blocs = body.optionalIntegerArray("blocs", limits::kBlocIndex, 100)) {
    decision.blocs.emplace(blocs->begin(), blocs->end());
  }
  decision.reason = body.optionalText("reason", limits::kReason, true).value_or("");
  return Response::json(
      201, juryDecisionJson(context.jury_decisions.decide(request.requireActor(), request.params.at("id"),
                                                          request.params.at("file"), decision)));
}

Response revokeJuryDecision(ApiContext& context, Request& request) {
  const JsonFields body(parseJsonObject(request.body), {"reason"});
  const std::string reason = body.optionalText("reason", limits::kReason, true).value_or("");
  return Response::json(200, juryDecisionJson(context.jury_decisions.revoke(
                                 request.requireActor(), request.params.at("id"), reason)));
}

Response fileDecisions(ApiContext& context, Request& request) {
  return items(
      juryDecisionsJson(context.jury_decisions.forFile(request.requireActor(), request.params.at("id"))));
}

Response juryMinutesPdf(ApiContext& context, Request& request) {
  const std::string id = request.params.at("id");
  return Response::attachment(context.jury_documents.minutesPdf(request.requireActor(), id),
                              "application/pdf", "proces-verbal-jury-" + id + ".pdf");
}

Response juryResultsCsv(ApiContext& context, Request& request) {
  const std::string id = request.params.at("id");
  return Response::attachment(context.jury_documents.resultsCsv(request.requireActor(), id),
                              "text/csv; charset=utf-8", "resultats-jury-" + id + ".csv");
}

}  // namespace cqpm::http::handlers
