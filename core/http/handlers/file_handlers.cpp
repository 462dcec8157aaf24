#include "http/handlers/file_handlers.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>

#include <algorithm>

#include "common/clock.h"
#include "common/json_text.h"
#include "files/file_list_csv.h"
#include "files/file_order.h"
#include "http/file_version_precondition.h"
#include "http/history_presenters.h"
#include "http/idempotency_header.h"
#include "http/input_limits.h"
#include "http/json_body.h"
#include "http/presenters.h"

namespace cqpm::http::handlers {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

/// The answer stored inside a write that created or moved a file: the file
/// without its next transitions, which run the plugins' file guards (Lua) and
/// so are never computed under the writer lock (docs/lessons.md).
store::StoredResponse storedFile(int status, const store::CandidateFileView& view, const domain::Actor& actor,
                                 const ApiContext& context) {
  return store::StoredResponse{status, toJson(fileJson(view, nullptr, &actor, nowIso8601(context.clock)))};
}

/// `stored` with the transitions `actor` may fire next, computed now, after
/// the commit: from `committed` (the file this request wrote) or, for an
/// idempotent replay, from the file as it is now (what the retry may do next).
Response withNextTransitions(ApiContext& context, const domain::Actor& actor,
                             const store::StoredResponse& stored,
                             const std::optional<store::CandidateFileView>& committed) {
  Object::Ptr body = Poco::JSON::Parser().parse(stored.body).extract<Object::Ptr>();
  std::optional<store::CandidateFileView> file = committed;
  try {
    if (!file) file = context.files.get(actor, body->getValue<std::string>("id"));
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kNotFound) throw;  // out of the actor's scope since: nothing to fire
  }
  body->set("available_transitions",
            file ? availableTransitionsJson(context.engine, file->file, actor) : Array::Ptr(new Array));
  return Response::json(stored.status, body);
}

void addFileHeaders(Response& response, const store::CandidateFileView& view) {
  response.headers.emplace_back("ETag", "\"" + std::to_string(view.file.version) + "\"");
}

// `now`: the server's clock, read once per request so the overdue filter and flags agree.
store::FileFilter filterOf(const Request& request, bool with_state, const std::string& now) {
  store::FileFilter filter;
  auto value = [&](const char* name) -> std::optional<std::string> {
    std::string text = request.queryValue(name);
    if (text.empty()) return std::nullopt;
    return text;
  };
  if (with_state) filter.state = value("state");
  filter.cqpm = value("cqpm");
  filter.pathway = value("pathway");
  filter.name_query = value("q");
  if (const auto overdue = value("overdue")) {
    if (*overdue != "true") throw Error(ErrorCode::kInvalidField, "overdue can only be true", "overdue");
    filter.overdue_at = now;
  }
  if (filter.pathway && !domain::parsePathway(*filter.pathway)) {
    throw Error(ErrorCode::kInvalidField, "pathway must be one of employee, vae, job_seeker, other",
                "pathway");
  }
  if (filter.name_query && filter.name_query->size() > 200) {
    throw Error(ErrorCode::kInvalidField, "q is longer than 200 characters", "q");
  }
  return filter;
}

store::FileOrder orderOf(const Request& request) {
  return files::parseFileOrder(request.queryValue("sort"), request.queryValue("order"));
}

}  // namespace

Response createFile(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const JsonFields body(parseJsonObject(request.body),
                        {"cqpm", "pathway", "candidate", "company_id", "registration", "blocs"});
  files::NewFileRequest file;
  file.cqpm = body.text("cqpm", limits::kId);
  const std::string pathway = body.text("pathway", limits::kEnum);
  const auto parsed_pathway = domain::parsePathway(pathway);
  if (!parsed_pathway) {
    throw Error(ErrorCode::kInvalidField, "pathway must be one of employee, vae, job_seeker, other",
                "pathway");
  }
  file.pathway = *parsed_pathway;
  const JsonFields candidate = body.object("candidate", {"given_name", "family_name", "email", "birth_date",
                                                         "birth_place", "sex", "birth_insee_code"});
  file.candidate.given_name = candidate.text("given_name", limits::kPersonName);
  file.candidate.family_name = candidate.text("family_name", limits::kPersonName);
  file.candidate.email = candidate.text("email", limits::kEmail);
  file.candidate.birth_date = candidate.text("birth_date", limits::kIsoDate);
  file.candidate.birth_place = candidate.optionalText("birth_place", limits::kBirthPlace, true).value_or("");
  file.candidate.sex = candidate.optionalText("sex", limits::kEnum, true).value_or("");
  file.candidate.birth_insee_code =
      candidate.optionalText("birth_insee_code", limits::kEnum, true).value_or("");
  file.company_id = body.optionalText("company_id", limits::kId, true);
  file.registration = body.freeObject("registration");
  if (file.company_id && file.company_id->empty()) file.company_id.reset();
  for (const std::int64_t bloc :
       body.optionalIntegerArray("blocs", limits::kBlocIndex, 50).value_or(std::vector<std::int64_t>{})) {
    file.targeted_blocs.push_back(static_cast<int>(bloc));
  }

  std::optional<store::CandidateFileView> created;
  const auto stored =
      context.files.create(actor, file, idempotencyKeyOf(request), [&](const store::CandidateFileView& view) {
        created = view;
        return storedFile(201, view, actor, context);
      });
  Response response = withNextTransitions(context, actor, stored, created);
  // Only a replayed creation (created unset) reads its id back from the stored answer.
  const std::string id =
      created ? created->file.id
              : Poco::JSON::Parser().parse(stored.body).extract<Object::Ptr>()->getValue<std::string>("id");
  response.headers.emplace_back("Location", "/api/v1/files/" + id);
  return response;
}

Response listFiles(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  int limit = 25;
  if (const std::string text = request.queryValue("limit");
      !text.empty() && !Poco::NumberParser::tryParse(text, limit)) {
    throw Error(ErrorCode::kInvalidField, "limit must be an integer", "limit");
  }
  const std::string now = nowIso8601(context.clock);
  const auto page = context.files.list(actor, filterOf(request, true, now), request.queryValue("cursor"),
                                       limit, orderOf(request));
  Array::Ptr items = new Array;
  for (const auto& view : page.items) items->add(fileJson(view, nullptr, nullptr, now));
  Object::Ptr body = new Object;
  body->set("items", items);
  body->set("next_cursor", nullable(page.next_cursor));
  return Response::json(200, body);
}

Response listFilesCsv(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const std::string now = nowIso8601(context.clock);
  const auto files = context.files.exportList(actor, filterOf(request, true, now), orderOf(request));
  return Response::attachment(
      files::fileListCsv(files, context.engine.definition(), context.rules.catalog(), now),
      "text/csv; charset=utf-8", "dossiers-" + now.substr(0, 10) + ".csv");
}

Response fileStats(ApiContext& context, Request& request) {
  const auto counts =
      context.files.countByState(request.requireActor(), filterOf(request, false, nowIso8601(context.clock)));
  Object::Ptr by_state = new Object;
  std::int64_t total = 0;
  for (const auto& [state, count] : counts) {
    by_state->set(state, count);
    total += count;
  }
  Object::Ptr body = new Object;
  body->set("total", total);
  body->set("by_state", by_state);
  return Response::json(200, body);
}

Response getFile(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  if (std::string at = request.queryValue("at"); !at.empty()) {
    // A "+01:00" typed into an address unencoded arrives as a space (form encoding): put it back.
    std::replace(at.begin(), at.end(), ' ', '+');
    // The file as it stood then: a past that no longer changes, so no ETag to revalidate against.
    const auto then = context.files_as_of.at(actor, request.params.at("id"), at);
    return Response::json(200, fileAsOfJson(then, context.engine.definition()));
  }
  const auto view = context.files.get(actor, request.params.at("id"));
  Response response = Response::json(200, fileJson(view, &context.engine, &actor, nowIso8601(context.clock)));
  addFileHeaders(response, view);
  return response;
}

Response correctFile(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const JsonFields body(parseJsonObject(request.body),
                        {"expected_version", "reason", "candidate", "registration"});
  const FileVersionPrecondition precondition = fileVersionPrecondition(request, body);
  files::FileCorrection correction;
  correction.expected_version = precondition.version;
  correction.reason = body.text("reason", limits::kReason);
  const JsonFields candidate = body.object(
      "candidate",
      {"given_name", "family_name", "email", "birth_date", "birth_place", "sex", "birth_insee_code"}, true);
  correction.given_name = candidate.optionalText("given_name", limits::kPersonName);
  correction.family_name = candidate.optionalText("family_name", limits::kPersonName);
  correction.email = candidate.optionalText("email", limits::kEmail);
  correction.birth_date = candidate.optionalText("birth_date", limits::kIsoDate);
  correction.birth_place = candidate.optionalText("birth_place", limits::kBirthPlace, true);
  correction.sex = candidate.optionalText("sex", limits::kEnum, true);
  correction.birth_insee_code = candidate.optionalText("birth_insee_code", limits::kEnum, true);
  if (body.has("registration")) {
    correction.registration = body.freeObject("registration");
    if (!correction.registration)
      throw Error(ErrorCode::kInvalidField, "registration is required", "registration");
  }
  return underPrecondition(precondition, "", [&] {
    const auto view = context.corrections.correct(actor, request.params.at("id"), correction);
    Response response =
        Response::json(200, fileJson(view, &context.engine, &actor, nowIso8601(context.clock)));
    addFileHeaders(response, view);
    return response;
  });
}

Response fireTransition(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const JsonFields body(parseJsonObject(request.body), {"transition", "expected_version", "payload"});
  files::TransitionRequest transition;
  transition.file_id = request.params.at("id");
  transition.transition = body.text("transition", limits::kEnum);
  const FileVersionPrecondition precondition = fileVersionPrecondition(request, body);
  transition.expected_version = precondition.version;
  // Checked against the transition's payload schema (workflows/candidate-file.json) by the engine.
  transition.payload = body.freeObject("payload");
  if (!transition.payload) transition.payload = new Object;
  return underPrecondition(precondition, "version", [&] {
    std::optional<store::CandidateFileView> moved;
    const auto stored = context.transitions.fire(actor, transition, idempotencyKeyOf(request),
                                                 [&](const store::CandidateFileView& view) {
                                                   moved = view;
                                                   return storedFile(200, view, actor, context);
                                                 });
    return withNextTransitions(context, actor, stored, moved);
  });
}

Response fileEvents(ApiContext& context, Request& request) {
  const auto events = context.files.events(request.requireActor(), request.params.at("id"));
  Array::Ptr items = new Array;
  for (const auto& event : events) items->add(eventJson(event, &context.engine.definition()));
  Object::Ptr body = new Object;
  body->set("items", items);
  return Response::json(200, body);
}

}  // namespace cqpm::http::handlers
