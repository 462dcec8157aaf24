#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "live/file_event_stream.h"

namespace cqpm::http {

/// A request as handlers see it: already bounded, decoded and authenticated.
struct Request {
  std::string method;
  std::string path;                               ///< decoded, without the query
  std::map<std::string, std::string> params;      ///< from the route pattern ("{id}")
  std::multimap<std::string, std::string> query;  ///< decoded query parameters
  std::map<std::string, std::string> headers;     ///< names lower-cased
  std::string body;                               ///< at most the configured limit
  std::string client_address;
  std::optional<domain::Actor> actor;  ///< set on authenticated routes
  /// The server request, on routes that stream their body (Route::streams_body) only.
  Poco::Net::HTTPServerRequest* raw = nullptr;
  std::string session_token;  ///< the token the actor came with

  /// The first value of a query parameter, or empty.
  std::string queryValue(const std::string& name) const;
  /// A header value (name in any case), or empty.
  std::string header(const std::string& name) const;
  /// The actor; only call on authenticated routes.
  const domain::Actor& requireActor() const;
};

/// What a handler answers. Bodies are small here; streams come with their own type.
struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file_path;  ///< when set, the body is this file, streamed (body is ignored)
  /// When set, the answer is a live stream: its head is sent, then the
  /// connection is handed to the stream pump, which feeds it (body ignored).
  std::shared_ptr<live::FileEventStream> live_stream;

  static Response json(int status, const Poco::JSON::Object::Ptr& object);
  static Response json(int status, std::string text);
  static Response noContent();
  /// The file at `path`, streamed, with its type.
  static Response file(std::string path, std::string content_type);
  static Response text(int status, std::string text, std::string content_type = "text/plain; charset=utf-8");
  /// A document to save (a PDF, a CSV): 200, `content_type`, saved as `filename` (which the caller builds
  /// from safe characters), never kept by a cache since it carries personal data.
  static Response attachment(std::string bytes, std::string content_type, const std::string& filename);
  /// An open-ended `text/event-stream` fed by `feed`; the connection closes after it.
  static Response eventStream(std::shared_ptr<live::FileEventStream> feed);
};

/// Condensed JSON text of an object.
std::string toJson(const Poco::JSON::Object::Ptr& object);

}  // namespace cqpm::http
