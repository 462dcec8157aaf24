#pragma once

#include <Poco/Data/Session.h>

namespace cqpm::store {

/// Sends the notices PostgreSQL returns on `session`'s connection ("table ...
/// does not exist, skipping") to the "database" logger as one line each,
/// instead of libpq's default, which prints them raw on stderr between the
/// server's one-line logs. Works on a direct or a pooled session; does
/// nothing for SQLite. Cheap: callable on every acquisition.
void routePostgresNotices(Poco::Data::Session& session);

}  // namespace cqpm::store
