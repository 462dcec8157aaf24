#include "store/import_store.h"

#include "store/row_reader.h"

namespace cqpm::store::import_store {

void insert(SqlSession& sql, const StoredImport& stored) {
  StoredImport row = stored;
  Poco::Nullable<std::string> filename;
  if (row.filename) filename = *row.filename;
  Poco::Int64 lines = row.line_count;
  auto stmt = sql.query(
      "INSERT INTO candidate_imports (id, centre_id, created_by, filename, created_at, state, line_count, "
      "preview) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(row.id)
      .bind(row.centre_id)
      .bind(row.created_by)
      .bind(filename)
      .bind(row.created_at)
      .bind(row.state)
      .bind(lines)
      .bind(row.preview_json);
  stmt.execute();
}

std::optional<StoredImport> find(SqlSession& sql, const std::string& id, const std::string& centre_id) {
  std::string key = id, centre = centre_id;
  auto stmt = sql.query(
      "SELECT id, centre_id, created_by, filename, created_at, state, line_count, preview, confirmed_at, "
      "confirmed_by FROM candidate_imports WHERE id = ? AND centre_id = ?");
  stmt.bind(key).bind(centre);
  std::optional<StoredImport> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found = StoredImport{row.text("id"),
                         row.text("centre_id"),
                         row.text("created_by"),
                         row.optionalText("filename"),
                         row.text("created_at"),
                         row.text("state"),
                         row.integer("line_count"),
                         row.text("preview"),
                         row.optionalText("confirmed_at"),
                         row.optionalText("confirmed_by")};
  });
  return found;
}

bool markConfirmed(SqlSession& sql, const std::string& id, const std::string& preview_json,
                   const std::string& at, const std::string& by) {
  std::string key = id, preview = preview_json, when = at, who = by;
  auto stmt = sql.query(
      "UPDATE candidate_imports SET state = 'confirmed', preview = ?, confirmed_at = ?, confirmed_by = ? "
      "WHERE id = ? AND state = 'previewed'");
  stmt.bind(preview).bind(when).bind(who).bind(key);
  return stmt.execute() == 1;
}

}  // namespace cqpm::store::import_store
