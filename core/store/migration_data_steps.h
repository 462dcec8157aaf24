#pragma once

#include "store/database.h"

namespace cqpm::store {

/// Work a migration does in C++ after its SQL, in the same transaction: recomputing stored values
/// that only the application can compute (a folded name). A function of the session alone, so
/// that it runs the same on SQLite and PostgreSQL.
using MigrationDataStep = void (*)(SqlSession& sql);

/// The data step of migration `number`, or nullptr when it has none.
MigrationDataStep migrationDataStep(int number);

/// Migration 25: candidate_files.search_name and jury_decisions.candidate_key recomputed with the
/// ICU folding (rows whose value does not change are left alone).
void refoldStoredNames(SqlSession& sql);

/// Migration 31: each file's event chain, checked as it was (its links covering the payloads),
/// written again with each link covering its payload's SHA-256 (payload_sha256). The last hash
/// before and after is kept in event_chain_rehashes; a chain found broken is left untouched and
/// recorded there with its problem and no new head.
void hashEventPayloads(SqlSession& sql);

}  // namespace cqpm::store
