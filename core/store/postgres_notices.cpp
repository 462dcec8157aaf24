#include "store/postgres_notices.h"

#include <Poco/Logger.h>
#include <libpq-fe.h>

#include <string>

#include "store/native_connection.h"

namespace cqpm::store {

namespace {

void logNotice(void* /*unused*/, const char* message) {
  std::string text = message == nullptr ? "" : message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text) {
    if (c == '\n') c = ' ';  // one line per notice, as every log line
  }
  Poco::Logger::get("database").information("postgresql %s", text);
}

}  // namespace

void routePostgresNotices(Poco::Data::Session& session) {
  PGconn* connection = postgresConnectionOf(session);
  if (connection != nullptr) PQsetNoticeProcessor(connection, logNotice, nullptr);
}

}  // namespace cqpm::store
