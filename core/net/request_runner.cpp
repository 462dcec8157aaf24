#include "net/request_runner.h"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <poll.h>

#include "net/head_peek.h"
#include "net/head_scan.h"

namespace cqpm::net {

namespace {

/// Poco's server session, with a look at its read-ahead buffer: bytes read
/// past this request (a pipelined next request) exist only there.
class ServerSession : public Poco::Net::HTTPServerSession {
 public:
  using HTTPServerSession::HTTPServerSession;
  bool holdsUnreadInput() const { return buffered() > 0; }
};

// Poco's parse errors may quote what the client sent: never echo raw bytes.
std::string printable(const std::string& text) {
  std::string kept;
  for (const char c : text.substr(0, 120)) kept += (c >= 0x20 && c < 0x7f) ? c : '?';
  return kept;
}

void sendRaw(Poco::Net::StreamSocket& socket, const std::string& bytes) {
  try {
    socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
    socket.shutdownSend();
  } catch (const Poco::Exception&) {
    // The client is gone.
  }
}

}  // namespace

AfterRequest serveOneRequest(Connection& connection, Poco::Net::HTTPServerParams::Ptr params,
                             Poco::Net::HTTPRequestHandler& handler,
                             const std::function<std::string(const Error&)>& refusal, bool stopping) {
  Poco::Net::StreamSocket& socket = connection.socket;
  try {
    // Each is a system call, and a socket keeps them between its requests:
    // set once (the acceptor only peeks, never makes the socket non-blocking).
    if (!socket.getBlocking()) socket.setBlocking(true);
    if (!connection.served_before) {
      socket.setReceiveTimeout(params->getTimeout());
      socket.setSendTimeout(params->getTimeout());
    }
  } catch (const Poco::Exception&) {
    connection.close();
    return AfterRequest::kClose;
  }
  connection.served_before = true;
  ServerSession session(socket, params);
  bool keep_alive = false;
  {
    Poco::Net::HTTPServerResponseImpl response(session);
    try {
      Poco::Net::HTTPServerRequestImpl request(response, session, params.get());
      // The HTTP Date header is wall time by nature, not the server's clock.
      response.setDate(Poco::Timestamp());
      // Answer in a version we speak, whatever the client claimed (the
      // handler refuses anything but HTTP/1.0 and HTTP/1.1).
      response.setVersion(request.getVersion() == Poco::Net::HTTPMessage::HTTP_1_0
                              ? Poco::Net::HTTPMessage::HTTP_1_0
                              : Poco::Net::HTTPMessage::HTTP_1_1);
      response.setKeepAlive(!stopping && request.getKeepAlive());
      handler.handleRequest(request, response);
      // Bytes read ahead belong to a next request that would be lost with
      // this session: close rather than misread (pipelining is rare).
      keep_alive = response.getKeepAlive() && !session.holdsUnreadInput();
    } catch (const Poco::Net::NoMessageException&) {
      keep_alive = false;
    } catch (const Poco::Exception& e) {
      // A head Poco cannot parse (or a header it reads as a number that is
      // not one) is answered; anything else means the client went away.
      const bool malformed = dynamic_cast<const Poco::Net::MessageException*>(&e) != nullptr ||
                             dynamic_cast<const Poco::SyntaxException*>(&e) != nullptr;
      if (malformed && !response.sent()) {
        sendRaw(socket, refusal(Error(ErrorCode::kMalformedRequest,
                                      "the request head is malformed (" + printable(e.message()) + ")")));
      }
      keep_alive = false;
    }
  }
  // The handler took the connection over (a live stream): it is no longer
  // ours to close or reuse.
  if (session.socket().impl() != socket.impl()) {
    connection.socket = Poco::Net::StreamSocket();
    return AfterRequest::kClose;
  }
  // The session closes its socket when destroyed: keep ours open.
  session.detachSocket();
  if (!keep_alive) {
    connection.close();
    return AfterRequest::kClose;
  }
  return AfterRequest::kKeepAlive;
}

bool nextHeadWaiting(Connection& connection, std::size_t max_head_bytes, std::chrono::microseconds wait) {
  try {
    // ppoll: one system call, a wait finer than a millisecond (Poco's poll
    // opens an epoll set per call and counts in milliseconds).
    pollfd readable{static_cast<int>(connection.socket.impl()->sockfd()), POLLIN, 0};
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(wait);
    const timespec timeout{static_cast<time_t>(seconds.count()),
                           static_cast<long>(std::chrono::nanoseconds(wait - seconds).count())};
    if (::ppoll(&readable, 1, &timeout, nullptr) != 1 || (readable.revents & POLLIN) == 0) return false;
    const std::optional<std::string> peeked = peekHead(connection.socket, max_head_bytes);
    return peeked && scanHead(*peeked, max_head_bytes) == HeadState::kComplete;
  } catch (const Poco::Exception&) {
    return false;
  }
}

}  // namespace cqpm::net
