#include "store/sequence_lock.h"

namespace cqpm::store {

void lockSequence(SqlSession& sql, Sequence sequence) {
  if (sql.dialect() != Dialect::kPostgres) return;
  // Advisory keys are shared by every client of the database: ours carry
  // "CQPM" in their high bytes.
  constexpr std::int64_t kOurs = std::int64_t{0x4351504D} << 16;
  sql.query("SELECT pg_advisory_xact_lock(CAST(? AS BIGINT))")
      .bind(kOurs | static_cast<std::int64_t>(sequence))
      .execute();
}

}  // namespace cqpm::store
