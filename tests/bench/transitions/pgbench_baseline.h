#pragma once

#include <optional>
#include <string>

namespace cqpm::bench {

/// PostgreSQL's own rate on the benchmark's database, the baseline of the
/// PostgreSQL transitions: `pgbench -N` (TPC-B without the hot branch and
/// teller updates) at `clients` clients for `seconds`, on scale-1 tables it
/// creates in `database_url` first and drops after. nullopt, with the reason
/// on stderr, when pgbench is missing or fails.
std::optional<double> pgbenchTransactionsPerSecond(const std::string& database_url, int clients, int seconds);

}  // namespace cqpm::bench
