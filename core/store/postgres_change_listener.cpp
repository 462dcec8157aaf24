#include "store/postgres_change_listener.h"

#include <Poco/Logger.h>
#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <memory>
#include <sstream>
#include <system_error>

#include "store/database.h"
#include "store/pg_result.h"

namespace cqpm::store {

namespace {

struct ConnectionCloser {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

/// A connection listening on kChangeChannel, or null (logged) when the server
/// cannot be reached.
Connection listen(const std::string& conninfo) {
  Connection connection(PQconnectdb(conninfo.c_str()));
  if (!connection || PQstatus(connection.get()) != CONNECTION_OK) {
    Poco::Logger::get("database")
        .warning("change listener cannot connect: %s",
                 std::string(connection ? PQerrorMessage(connection.get()) : "no memory"));
    return nullptr;
  }
  const PgResult listening(PQexec(connection.get(), ("LISTEN " + std::string(kChangeChannel)).c_str()));
  if (PQresultStatus(listening.get()) != PGRES_COMMAND_OK) {
    Poco::Logger::get("database")
        .warning("change listener cannot LISTEN: %s", std::string(PQerrorMessage(connection.get())));
    return nullptr;
  }
  return connection;
}

/// The keys of every notification received so far but those sent by
/// `own_instance` (a payload is the sender's instance id, then its keys).
std::vector<std::string> drainNotifications(PGconn* connection, const std::string& own_instance) {
  std::vector<std::string> keys;
  while (PGnotify* notification = PQnotifies(connection)) {
    std::istringstream words(notification->extra);
    std::string sender;
    if (words >> sender && sender != own_instance) {
      for (std::string key; words >> key;) keys.push_back(key);
    }
    PQfreemem(notification);
  }
  return keys;
}

}  // namespace

PostgresChangeListener::StopSignal::StopSignal() : fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "eventfd for the change listener");
}

PostgresChangeListener::StopSignal::~StopSignal() { ::close(fd_); }

void PostgresChangeListener::StopSignal::raise() const {
  const std::uint64_t one = 1;
  // Cannot fail but by overflowing a counter nobody reads down: the poll wakes either way.
  [[maybe_unused]] const auto written = ::write(fd_, &one, sizeof one);
}

PostgresChangeListener::PostgresChangeListener(std::string conninfo, std::string own_instance,
                                               OnChange on_change, std::function<void()> on_reconnect)
    : conninfo_(std::move(conninfo)),
      own_instance_(std::move(own_instance)),
      on_change_(std::move(on_change)),
      on_reconnect_(std::move(on_reconnect)) {
  thread_ = std::thread([this] { run(); });
}

PostgresChangeListener::~PostgresChangeListener() {
  stopping_ = true;
  stop_signal_.raise();
  if (thread_.joinable()) thread_.join();
}

bool PostgresChangeListener::waitForInput(int socket, int timeout_ms) const {
  pollfd watched[2] = {{stop_signal_.fd(), POLLIN, 0}, {socket, POLLIN, 0}};
  ::poll(watched, socket < 0 ? 1 : 2, timeout_ms);  // interrupted or timed out: the caller loops
  return !stopping_;
}

void PostgresChangeListener::run() {
  auto backoff = std::chrono::milliseconds(100);
  bool first = true;
  while (!stopping_) {
    Connection connection = listen(conninfo_);
    if (!connection) {
      if (!waitForInput(-1, static_cast<int>(backoff.count()))) break;  // a stop ends the back-off at once
      backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
      continue;
    }
    backoff = std::chrono::milliseconds(100);
    listening_ = true;
    if (!first && on_reconnect_) on_reconnect_();
    first = false;
    while (waitForInput(PQsocket(connection.get()), -1)) {
      if (PQconsumeInput(connection.get()) == 0) {
        Poco::Logger::get("database")
            .warning("change listener lost its connection: %s",
                     std::string(PQerrorMessage(connection.get())));
        break;
      }
      const auto keys = drainNotifications(connection.get(), own_instance_);
      if (keys.empty()) continue;
      try {
        on_change_(keys);
      } catch (const std::exception& e) {
        Poco::Logger::get("database").error("a change listener failed: %s", std::string(e.what()));
      }
    }
    listening_ = false;
  }
}

}  // namespace cqpm::store
