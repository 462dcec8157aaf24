#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>

#include "net/address_counter.h"

namespace cqpm::net {

/// One client connection, owned by whoever serves or watches it at the
/// moment: the acceptor while its next request head arrives, a worker while a
/// request is served. Closing is explicit (close()); its address place is
/// given back when it is destroyed.
struct Connection {
  Poco::Net::StreamSocket socket;
  AddressCounter::Ticket ticket;
  bool served_before = false;  ///< false until its first request: the head deadline counts from accept
  void close() {
    try {
      socket.close();
    } catch (const Poco::Exception&) {
      // Already reset by the peer.
    }
  }
};

}  // namespace cqpm::net
