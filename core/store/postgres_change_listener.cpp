#include "store/postgres_change_listener.h"

#include <Poco/Logger.h>
#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <sstream>

#include "store/database.h"

namespace cqpm::store {

namespace {

struct ConnectionCloser {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

struct ResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultClearer>;

constexpr int kPollMs = 500;  // how soon a stop is noticed

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
  const Result listening(PQexec(connection.get(), ("LISTEN " + std::string(kChangeChannel)).c_str()));
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
  if (thread_.joinable()) thread_.join();
}

void PostgresChangeListener::run() {
  auto backoff = std::chrono::milliseconds(100);
  bool first = true;
  while (!stopping_) {
    Connection connection = listen(conninfo_);
    if (!connection) {
      // Sleep in short steps so that a stop is not kept waiting.
      for (auto slept = std::chrono::milliseconds(0); slept < backoff && !stopping_;
           slept += std::chrono::milliseconds(100)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
      continue;
    }
    backoff = std::chrono::milliseconds(100);
    listening_ = true;
    if (!first && on_reconnect_) on_reconnect_();
    first = false;
    while (!stopping_) {
      pollfd watched{PQsocket(connection.get()), POLLIN, 0};
      if (::poll(&watched, 1, kPollMs) < 0) continue;  // interrupted
      if (watched.revents == 0) continue;
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
