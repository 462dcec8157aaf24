#pragma once

#include <Poco/Data/Session.h>

struct pg_conn;
struct sqlite3;

namespace cqpm::store {

/// The driver's connection behind a Poco session, direct or pooled, for what
/// Poco::Data does not offer (prepared statements kept, notice routing);
/// null when the session is of the other database.
pg_conn* postgresConnectionOf(Poco::Data::Session& session);
sqlite3* sqliteConnectionOf(Poco::Data::Session& session);

}  // namespace cqpm::store
