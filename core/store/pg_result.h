#pragma once

#include <libpq-fe.h>

#include <memory>

namespace cqpm::store {

/// Owns a libpq result (PQclear on destruction).
struct PgResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, PgResultClearer>;

}  // namespace cqpm::store
