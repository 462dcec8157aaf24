#pragma once

#include <cstdint>

#include "store/database.h"

namespace cqpm::store {

/// The numbered sequences shared by the whole database, each next number
/// read as the last one plus one.
enum class Sequence : std::int64_t {
  kAdminLog = 1,              // admin_log.seq, hash-chained
  kReferentialProposals = 2,  // referential_proposals.id
};

/// Holds `sequence`'s lock until the write commits (PostgreSQL, where writes
/// run side by side; SQLite's single writer needs none), so that writes
/// numbering it take their numbers in turn instead of racing for the same one
/// (a lost race would be run again, but a busy sequence loses races in chains).
/// The per-file numbers use the file's row instead
/// (candidate_file_store::lockForNumbering).
void lockSequence(SqlSession& sql, Sequence sequence);

}  // namespace cqpm::store
