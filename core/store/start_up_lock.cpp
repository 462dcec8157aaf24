#include "store/start_up_lock.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Logger.h>

#include "common/error.h"

namespace cqpm::store {

namespace {

// Any constant shared by every instance of the application ("CQPM" in ASCII).
constexpr const char* kLockKey = "1129402445";

}  // namespace

StartUpLock::StartUpLock(const DatabaseUrl& url) {
  if (url.dialect != Dialect::kPostgres) return;
  try {
    Poco::Data::PostgreSQL::Connector::registerConnector();
    session_ = std::make_unique<Poco::Data::Session>(Poco::Data::PostgreSQL::Connector::KEY, url.connection);
    *session_ << std::string("SELECT pg_advisory_lock(") + kLockKey + ")", Poco::Data::Keywords::now;
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kStorage, "cannot take the start-up lock: " + e.displayText());
  }
}

StartUpLock::~StartUpLock() {
  if (!session_) return;
  try {
    *session_ << std::string("SELECT pg_advisory_unlock(") + kLockKey + ")", Poco::Data::Keywords::now;
    session_->close();
  } catch (const Poco::Exception& e) {
    // Closing the connection releases the lock anyway.
    Poco::Logger::get("server").warning("releasing the start-up lock: %s", e.displayText());
  }
}

}  // namespace cqpm::store
