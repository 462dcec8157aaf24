#include "store/vae_admissibility_store.h"

#include "store/row_reader.h"

namespace cqpm::store::vae_admissibility_store {

std::int64_t insert(SqlSession& sql, const VaeAdmissibilityRecord& record) {
  VaeAdmissibilityRecord r = record;
  // Under the writer: the next sequence cannot be taken twice (and the unique
  // index would refuse it if it were).
  auto count = sql.query("SELECT COUNT(*) AS n FROM vae_admissibility_decisions WHERE file_id = ?");
  count.bind(r.file_id);
  forEachRow(count, [&](const RowReader& row) { r.sequence = row.integer("n") + 1; });
  int favourable = r.favourable ? 1 : 0;
  auto stmt = sql.query(
      "INSERT INTO vae_admissibility_decisions (id, file_id, sequence, favourable, reason, decided_by, "
      "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(r.id)
      .bind(r.file_id)
      .bind(r.sequence)
      .bind(favourable)
      .bind(r.reason)
      .bind(r.decided_by)
      .bind(r.decided_at);
  stmt.execute();
  return r.sequence;
}

std::vector<VaeAdmissibilityRecord> forFile(SqlSession& sql, const std::string& file_id) {
  std::string key = file_id;
  auto stmt = sql.query(
      "SELECT d.id, d.file_id, d.sequence, d.favourable, d.reason, d.decided_by, u.display_name, "
      "d.decided_at "
      "FROM vae_admissibility_decisions d JOIN users u ON u.id = d.decided_by "
      "WHERE d.file_id = ? ORDER BY d.sequence DESC");
  stmt.bind(key);
  std::vector<VaeAdmissibilityRecord> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found.push_back({row.text("id"), row.text("file_id"), row.integer("sequence"),
                     row.integer("favourable") != 0, row.text("reason"), row.text("decided_by"),
                     row.text("display_name"), row.text("decided_at")});
  });
  return found;
}

std::optional<VaeAdmissibilityRecord> latest(SqlSession& sql, const std::string& file_id) {
  auto all = forFile(sql, file_id);
  if (all.empty()) return std::nullopt;
  return std::move(all.front());
}

}  // namespace cqpm::store::vae_admissibility_store
