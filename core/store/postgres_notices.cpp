#include "store/postgres_notices.h"

#include <Poco/Data/PooledSessionImpl.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Logger.h>
#include <libpq-fe.h>

#include <string>

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

/// The connection behind a pooled session: PooledSessionImpl keeps it behind
/// a protected accessor, reachable from a derived class.
class PooledSessionPeek : public Poco::Data::PooledSessionImpl {
 public:
  static Poco::Data::SessionImpl* inner(Poco::Data::PooledSessionImpl& pooled) {
    return (pooled.*(&PooledSessionPeek::impl))();
  }
};

}  // namespace

void routePostgresNotices(Poco::Data::Session& session) {
  Poco::Data::SessionImpl* impl = session.impl();
  if (auto* pooled = dynamic_cast<Poco::Data::PooledSessionImpl*>(impl))
    impl = PooledSessionPeek::inner(*pooled);
  auto* postgres = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(impl);
  if (postgres == nullptr) return;
  PGconn* connection = postgres->handle();
  if (connection != nullptr) PQsetNoticeProcessor(connection, logNotice, nullptr);
}

}  // namespace cqpm::store
