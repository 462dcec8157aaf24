#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <string>

// Raw HTTP over a socket, for tests that must send what no HTTP client would
// (partial heads, conflicting framing) and see exactly what comes back.

namespace cqpm::testing {

/// A connection to 127.0.0.1:port from the loopback address `from` (any of
/// 127.0.0.0/8), so a test can play several client addresses.
Poco::Net::StreamSocket connectFrom(int port, const std::string& from = "127.0.0.1");

void sendText(Poco::Net::StreamSocket& socket, const std::string& text);

/// Everything received until the server closes the connection or `timeout`
/// passes (then what arrived so far).
std::string readUntilClosed(Poco::Net::StreamSocket& socket, std::chrono::milliseconds timeout);

/// What arrived within `timeout`, at least up to the end of one answer's head
/// when it comes in time; empty when nothing came.
std::string readAnswerHead(Poco::Net::StreamSocket& socket, std::chrono::milliseconds timeout);

/// Reads into `received` (which may already hold earlier bytes) until it
/// contains `wanted`, the server closes, or `timeout` passes; true if found.
bool readUntilFound(Poco::Net::StreamSocket& socket, std::string& received, const std::string& wanted,
                    std::chrono::milliseconds timeout);

/// True when the server closed (or reset) the connection within `timeout`.
bool closedWithin(Poco::Net::StreamSocket& socket, std::chrono::milliseconds timeout);

}  // namespace cqpm::testing
