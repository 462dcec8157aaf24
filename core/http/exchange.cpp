#include "http/exchange.h"

#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>

#include <sstream>

#include "common/error.h"
#include "common/json_text.h"

namespace cqpm::http {

std::string Request::queryValue(const std::string& name) const {
  const auto found = query.find(name);
  return found == query.end() ? std::string() : found->second;
}

std::string Request::header(const std::string& name) const {
  const auto found = headers.find(Poco::toLower(name));
  return found == headers.end() ? std::string() : found->second;
}

const domain::Actor& Request::requireActor() const {
  if (!actor) throw Error(ErrorCode::kUnauthenticated, "log in first");
  return *actor;
}

std::string toJson(const Poco::JSON::Object::Ptr& object) { return toJsonText(object); }

Response Response::json(int status, const Poco::JSON::Object::Ptr& object) {
  return json(status, toJson(object));
}

Response Response::json(int status, std::string text) {
  Response response;
  response.status = status;
  response.body = std::move(text);
  return response;
}

Response Response::noContent() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

Response Response::file(std::string path, std::string content_type) {
  Response response;
  response.file_path = std::move(path);
  response.content_type = std::move(content_type);
  return response;
}

Response Response::eventStream(std::shared_ptr<live::FileEventStream> feed) {
  Response response;
  response.content_type = "text/event-stream; charset=utf-8";
  response.live_stream = std::move(feed);
  // Proxies (nginx) must pass each event on at once, not buffer them.
  response.headers.emplace_back("Cache-Control", "no-cache");
  response.headers.emplace_back("X-Accel-Buffering", "no");
  return response;
}

Response Response::text(int status, std::string text, std::string content_type) {
  Response response;
  response.status = status;
  response.body = std::move(text);
  response.content_type = std::move(content_type);
  return response;
}

Response Response::attachment(std::string bytes, std::string content_type, const std::string& filename) {
  Response response = text(200, std::move(bytes), std::move(content_type));
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  response.headers.emplace_back("Cache-Control", "private, no-store");
  return response;
}

}  // namespace cqpm::http
