#include "http/handlers/stream_handlers.h"

#include <Poco/NumberParser.h>

#include <memory>

#include "http/presenters.h"
#include "live/file_streams.h"

namespace cqpm::http::handlers {

namespace {

// Where the client wants to resume: EventSource sends Last-Event-ID when it
// reconnects; a page that already read the history passes ?after=.
std::optional<std::int64_t> resumeAfter(const Request& request) {
  for (const auto& [text, field] : {std::pair{request.header("Last-Event-ID"), "Last-Event-ID"},
                                    std::pair{request.queryValue("after"), "after"}}) {
    if (text.empty()) continue;
    Poco::Int64 seq = 0;
    if (!Poco::NumberParser::tryParse64(text, seq) || seq < 0) {
      throw Error(ErrorCode::kInvalidField, std::string(field) + " must be an event seq (an integer >= 0)",
                  field);
    }
    return seq;
  }
  return std::nullopt;
}

}  // namespace

Response streamFileEvents(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const std::string file_id = request.params.at("id");
  context.files.get(actor, file_id);  // same tenancy as reading the file: 404 out of scope
  const auto requested = resumeAfter(request);
  std::unique_ptr<live::StreamHub::Slot> slot =
      context.streams.tryOpen(actor.user_id, actor.organisation_id, request.session_token);
  if (!slot) {
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("retry_after", "5");
    throw Error(ErrorCode::kUnavailable, "too many live streams are open: try again in a few seconds", "",
                details);
  }
  const std::int64_t after = requested ? *requested : context.file_streams.lastSeq(file_id);
  // The reader keeps the stream while their session lives and the file stays in their scope.
  auto still_allowed = [&context, token = request.session_token, file_id] {
    const auto reader = context.auth.authenticate(token);
    if (!reader) return false;
    try {
      context.files.get(*reader, file_id);
      return true;
    } catch (const Error&) {
      return false;
    }
  };
  return Response::eventStream(context.file_streams.open(
      std::move(slot), file_id, after,
      [&context](const domain::FileEvent& event) {
        return toJson(eventJson(event, &context.engine.definition()));
      },
      still_allowed, context.settings.stream_timing));
}

}  // namespace cqpm::http::handlers
