#include "http/request_handler.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

#include "http/error_status.h"
#include "http/handlers/auth_handlers.h"
#include "http/presenters.h"
#include "http/request_framing.h"
#include "http/security_headers.h"

namespace cqpm::http {

namespace {

using SteadyClock = std::chrono::steady_clock;

bool isUnsafe(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// A client that sent "Expect: 100-continue" waits for this before sending
// its body; sent only once the request is known to be read.
void sendContinueIfExpected(Poco::Net::HTTPServerRequest& raw) {
  if (raw.getExpectContinue() && !raw.response().sent()) raw.response().sendContinue();
}

// Reads the body with a size cap and a deadline for the whole body (Poco's
// socket timeout applies per read, so a slow sender could otherwise hold a
// thread forever).
std::string readBody(Poco::Net::HTTPServerRequest& raw, std::size_t max_bytes, int deadline_seconds) {
  const bool chunked = raw.getChunkedTransferEncoding();
  const bool has_length = raw.hasContentLength();
  Poco::JSON::Object::Ptr limit = new Poco::JSON::Object;
  limit->set("max_bytes", static_cast<Poco::UInt64>(max_bytes));
  if (has_length && raw.getContentLength64() > static_cast<std::streamsize>(max_bytes)) {
    throw Error(ErrorCode::kPayloadTooLarge,
                "the body is larger than " + std::to_string(max_bytes) + " bytes", "", limit);
  }
  if (!chunked && (!has_length || raw.getContentLength64() == 0)) return {};
  sendContinueIfExpected(raw);
  std::string body;
  const auto deadline = SteadyClock::now() + std::chrono::seconds(deadline_seconds);
  std::istream& in = raw.stream();
  char buffer[16384];
  while (in) {
    in.read(buffer, sizeof buffer);
    body.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (body.size() > max_bytes) {
      throw Error(ErrorCode::kPayloadTooLarge,
                  "the body is larger than " + std::to_string(max_bytes) + " bytes", "", limit);
    }
    if (SteadyClock::now() > deadline)
      throw Error(ErrorCode::kRequestTimeout, "the body took too long to arrive", "body");
  }
  return body;
}

std::string sessionTokenOf(const Poco::Net::HTTPServerRequest& raw, bool& from_cookie) {
  const std::string authorization = raw.get("Authorization", "");
  if (Poco::icompare(authorization.substr(0, 7), "bearer ") == 0) {
    from_cookie = false;
    return Poco::trim(authorization.substr(7));
  }
  Poco::Net::NameValueCollection cookies;
  raw.getCookies(cookies);
  from_cookie = true;
  return cookies.get(handlers::kSessionCookie, "");
}

// After refusing a body we did not read, closing at once would make the kernel
// reset the connection while the client is still sending, and the client would
// never see our answer. Like nginx's lingering close: stop writing, then
// discard what arrives for a short, bounded while.
void lingeringClose(Poco::Net::HTTPServerRequest& raw) {
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&raw);
  if (!impl) return;
  try {
    Poco::Net::StreamSocket& socket = impl->socket();
    socket.shutdownSend();
    socket.setReceiveTimeout(Poco::Timespan(0, 200 * 1000));
    char buffer[16384];
    std::size_t discarded = 0;
    const auto deadline = SteadyClock::now() + std::chrono::seconds(2);
    while (discarded < (std::size_t{16} << 20) && SteadyClock::now() < deadline) {
      const int n = socket.receiveBytes(buffer, sizeof buffer);
      if (n <= 0) break;
      discarded += static_cast<std::size_t>(n);
    }
  } catch (const Poco::Exception&) {
    // Timed out or reset: the connection is going away anyway.
  }
}

/// One line per request: id, real client, method and path, status, bytes (or
/// "file", "stream opened", "stream closed"), duration, user.
/// Built by appends, not Poco::format: the line is on every request's path, and parsing a format
/// string per request was a twentieth of a cheap GET.
void logLine(const std::string& id, const Request& request, const std::string& uri, int status,
             const std::string& size, double seconds) {
  Poco::Logger& logger = Poco::Logger::get("http");
  if (!logger.information()) return;
  std::array<char, 32> millis{};
  const auto written = std::to_chars(millis.data(), millis.data() + millis.size(), seconds * 1000.0,
                                     std::chars_format::fixed, 1);
  std::string line;
  line.reserve(128 + std::min<std::size_t>(uri.size(), 200));
  line.append("rid=").append(id).append(" ").append(request.client_address).append(" \"");
  line.append(request.method).append(" ").append(uri, 0, 200).append("\" ");
  line.append(std::to_string(status)).append(" ").append(size).append(" ");
  line.append(millis.data(), written.ptr).append("ms ");
  line.append(request.actor ? request.actor->login : std::string("-"));
  logger.information(line);
}

void logRequest(const std::string& id, const Request& request, const Poco::Net::HTTPServerRequest& raw,
                int status, const std::string& size, double seconds) {
  logLine(id, request, raw.getURI(), status, size, seconds);
}

}  // namespace

Response RequestHandler::dispatch(Poco::Net::HTTPServerRequest& raw, Request& request,
                                  std::string& route_name, bool& body_read) {
  checkFraming(raw);
  Poco::URI uri;
  try {
    uri = Poco::URI(raw.getURI());
    request.path = uri.getPath();
    for (const auto& [key, value] : uri.getQueryParameters()) request.query.emplace(key, value);
  } catch (const Poco::Exception&) {
    throw Error(ErrorCode::kInvalidField, "the request URI is malformed", "uri");
  }
  for (const auto& [name, value] : raw) request.headers[Poco::toLower(name)] = value;

  const RouteMatch match = router_.match(request.method, request.path);
  if (!match.route) {
    const bool api = request.path.starts_with("/api/");
    if (!api && (request.method == "GET" || request.method == "HEAD")) {
      route_name = "static";
      if (auto page = static_files_.serve(request)) return *page;
    }
    route_name = match.path_matched ? "method_not_allowed" : "not_found";
    if (match.path_matched)
      throw Error(ErrorCode::kMethodNotAllowed, request.method + " is not allowed on " + request.path);
    throw Error(ErrorCode::kNotFound, "no such resource: " + request.path);
  }
  route_name = match.route->pattern;
  request.params = match.params;

  // The body is read (bounded) before anything else can refuse the request, so
  // an early refusal never leaves unread bytes on a keep-alive connection.
  if (match.route->streams_body) {
    request.raw = &raw;  // the handler reads the body under its own limit
    if (!raw.hasContentLength() ||
        raw.getContentLength64() <= static_cast<std::streamsize>(context_.settings.max_upload_bytes)) {
      sendContinueIfExpected(raw);
    }
  } else if (isUnsafe(request.method)) {
    const std::string content_type = Poco::toLower(raw.getContentType());
    body_read = true;  // from here on the connection's framing is settled
    request.body =
        readBody(raw, context_.settings.max_body_bytes, context_.settings.request_deadline_seconds);
    if (!request.body.empty() && !content_type.starts_with(match.route->body_type)) {
      throw Error(ErrorCode::kUnsupportedMediaType, "the body must be " + match.route->body_type,
                  "Content-Type");
    }
  }
  if (match.route->access == Access::kAuthenticated) {
    bool from_cookie = false;
    request.session_token = sessionTokenOf(raw, from_cookie);
    request.actor = context_.auth.authenticate(request.session_token);
    if (!request.actor)
      throw Error(ErrorCode::kUnauthenticated, "log in first: the session is missing or expired");
    // A browser sends cookies on cross-site requests too; a custom header it
    // cannot add cross-site without a CORS preflight (never granted) proves
    // the write comes from our own pages.
    if (from_cookie && isUnsafe(request.method) && request.header("X-CQPM-CSRF") != "1") {
      throw Error(ErrorCode::kForbidden, "cookie-authenticated writes need the X-CQPM-CSRF: 1 header",
                  "X-CQPM-CSRF");
    }
  }
  return match.route->handler(request);
}

void RequestHandler::handleRequest(Poco::Net::HTTPServerRequest& raw, Poco::Net::HTTPServerResponse& out) {
  const auto started = SteadyClock::now();
  context_.metrics.requestStarted();
  Request request;
  request.method = raw.getMethod();
  request.client_address = realClientAddress(raw.clientAddress().host(), raw.get("X-Forwarded-For", ""),
                                             raw.get("X-Real-IP", ""), context_.settings.trusted_proxies);
  const std::string request_id = request_ids_.idFor(raw.get("X-Request-Id", ""));
  out.set("X-Request-Id", request_id);
  std::string route_name = "unmatched";
  bool body_read = false;
  bool framing_error = false;  // where the next request would start is unknown: close
  Response response;
  std::string error_code;
  try {
    response = dispatch(raw, request, route_name, body_read);
  } catch (const Error& e) {
    error_code = std::string(errorCodeName(e.code()));
    framing_error =
        e.code() == ErrorCode::kMalformedRequest || e.code() == ErrorCode::kHttpVersionNotSupported;
    response =
        Response::json(httpStatusOf(e.code()), errorJson(error_code, e.what(), e.field(), e.details()));
    if ((e.code() == ErrorCode::kRateLimited || e.code() == ErrorCode::kUnavailable) && e.details() &&
        e.details()->has("retry_after")) {
      response.headers.emplace_back("Retry-After", e.details()->getValue<std::string>("retry_after"));
    }
    if (e.code() == ErrorCode::kStorage || e.code() == ErrorCode::kInternal) {
      Poco::Logger::get("http").error("%s %s: %s", request.method, request.path, std::string(e.what()));
    }
  } catch (const std::exception& e) {
    error_code = "internal_error";
    Poco::Logger::get("http").error("%s %s: unexpected %s", request.method, request.path,
                                    std::string(e.what()));
    response = Response::json(500, errorJson(error_code, "internal error", "", nullptr));
  }
  if (!error_code.empty()) context_.metrics.recordError(error_code);

  // A body we did not read must not be parsed as the next request.
  // A streamed body may have been read partly: never reuse that connection.
  const bool unread_body = framing_error || request.raw != nullptr ||
                           (!body_read && (raw.getChunkedTransferEncoding() ||
                                           (raw.hasContentLength() && raw.getContentLength64() > 0)));
  // Stopping: the client opens its next request elsewhere (another instance).
  if (unread_body || response.status == 413 || draining_) out.setKeepAlive(false);
  out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
  for (const auto& [name, value] : securityHeaders(context_.settings.public_base_url.starts_with("https://")))
    out.set(name, value);
  for (const auto& [name, value] : response.headers) out.add(name, value);
  if (!response.file_path.empty()) {
    try {
      out.sendFile(response.file_path, response.content_type);  // streamed, with its length
    } catch (const Poco::Exception& e) {
      Poco::Logger::get("http").error("cannot send %s: %s", response.file_path, e.displayText());
    }
    const double seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
    context_.metrics.requestFinished();
    context_.metrics.recordRequest(request.method, route_name, response.status, seconds);
    logRequest(request_id, request, raw, response.status, "file", seconds);
    return;
  }
  if (response.live_stream) {
    // Open-ended: the head goes now, then the connection is the stream
    // pump's (no worker waits on it); it closes when the stream ends.
    out.setKeepAlive(false);
    out.setContentType(response.content_type);
    logRequest(request_id, request, raw, response.status, "stream opened", 0);
    auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&raw);
    try {
      out.send().flush();
      Poco::Net::StreamSocket socket = impl->detachSocket();
      socket.setBlocking(false);
      context_.stream_pump.add(
          {socket, response.live_stream,
           [this, request_id, request, uri = raw.getURI(), status = response.status, route_name, started] {
             const double seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
             context_.metrics.requestFinished();
             context_.metrics.recordRequest(request.method, route_name, status, seconds);
             logLine(request_id, request, uri, status, "stream closed", seconds);
           }});
    } catch (const Poco::Exception&) {
      // The client went away before the stream began.
      context_.metrics.requestFinished();
    }
    return;
  }
  if (!response.content_type.empty()) out.setContentType(response.content_type);
  // A 304 has no body; a Content-Length there would describe the 200's (RFC 9110 §8.6).
  if (response.status != 304) out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
  try {
    std::ostream& body = out.send();
    if (request.method != "HEAD" && response.status != 204)
      body.write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
    body.flush();
  } catch (const Poco::Exception&) {
    // The client went away; nothing left to tell it.
  }
  if (unread_body || response.status == 413) lingeringClose(raw);

  const double seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
  context_.metrics.requestFinished();
  context_.metrics.recordRequest(request.method, route_name, response.status, seconds);
  logRequest(request_id, request, raw, response.status, std::to_string(response.body.size()), seconds);
}

}  // namespace cqpm::http
