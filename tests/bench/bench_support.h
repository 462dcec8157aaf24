#pragma once

#include <functional>
#include <string>

#include "store/database.h"

namespace cqpm::bench {

/// What the database promises on commit, read from the database itself, so a
/// benchmark prints the durability its figures were measured under.
std::string durabilityOf(store::Database& db);

/// The body of a benchmark's main(): runs `body`, turning any failure into a
/// message prefixed with `name` on stderr and exit code 1.
int runBenchmark(const char* name, const std::function<int()>& body);

}  // namespace cqpm::bench
