#pragma once

#include <Poco/Data/Session.h>

#include <memory>

#include "store/database_url.h"

namespace cqpm::store {

/// Held by an instance while it migrates the schema and writes its first
/// rows (referential versions, demo data), so instances started together on
/// one PostgreSQL database take turns instead of racing on `CREATE TABLE`.
/// PostgreSQL: a session-level advisory lock on a connection of its own,
/// released when this object goes (or the process dies). SQLite: nothing, the
/// data folder's lock already admits one server. Waits as long as the holder
/// needs; throws Error{kStorage} when the database is unreachable.
class StartUpLock {
 public:
  explicit StartUpLock(const DatabaseUrl& url);
  ~StartUpLock();
  StartUpLock(const StartUpLock&) = delete;
  StartUpLock& operator=(const StartUpLock&) = delete;

 private:
  std::unique_ptr<Poco::Data::Session> session_;
};

}  // namespace cqpm::store
