#include "store/native_connection.h"

#include <Poco/Data/PooledSessionImpl.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/SQLite/SessionImpl.h>
#include <Poco/Data/SQLite/Utility.h>
#include <libpq-fe.h>

namespace cqpm::store {

namespace {

/// PooledSessionImpl keeps the session it lends behind a protected accessor,
/// reachable from a derived class.
class PooledSessionPeek : public Poco::Data::PooledSessionImpl {
 public:
  static Poco::Data::SessionImpl* inner(Poco::Data::PooledSessionImpl& pooled) {
    return (pooled.*(&PooledSessionPeek::impl))();
  }
};

Poco::Data::SessionImpl* driverSessionOf(Poco::Data::Session& session) {
  Poco::Data::SessionImpl* impl = session.impl();
  if (auto* pooled = dynamic_cast<Poco::Data::PooledSessionImpl*>(impl))
    impl = PooledSessionPeek::inner(*pooled);
  return impl;
}

}  // namespace

pg_conn* postgresConnectionOf(Poco::Data::Session& session) {
  auto* postgres = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(driverSessionOf(session));
  return postgres == nullptr ? nullptr : static_cast<PGconn*>(postgres->handle());
}

sqlite3* sqliteConnectionOf(Poco::Data::Session& session) {
  if (dynamic_cast<Poco::Data::SQLite::SessionImpl*>(driverSessionOf(session)) == nullptr) return nullptr;
  return Poco::Data::SQLite::Utility::dbHandle(session);
}

}  // namespace cqpm::store
