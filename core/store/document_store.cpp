#include "store/document_store.h"

#include "store/candidate_file_store.h"
#include "store/row_reader.h"

namespace cqpm::store::document_store {

namespace {

std::vector<DocumentVersion> versionsOf(SqlSession& sql, const std::string& document_id) {
  std::string id = document_id;
  auto stmt = sql.query(
      "SELECT v.number, v.sha256, v.size, v.mime_type, v.filename, v.uploaded_by, u.display_name, "
      "v.uploaded_at, v.purged_at "
      "FROM document_versions v JOIN users u ON u.id = v.uploaded_by WHERE v.document_id = ? ORDER BY "
      "v.number");
  stmt.bind(id);
  std::vector<DocumentVersion> versions;
  forEachRow(stmt, [&](const RowReader& row) {
    versions.push_back({row.integer("number"), row.text("sha256"), row.integer("size"), row.text("mime_type"),
                        row.text("filename"), row.text("uploaded_by"), row.text("display_name"),
                        row.text("uploaded_at"), row.optionalText("purged_at")});
  });
  return versions;
}

}  // namespace

void insertDocument(SqlSession& sql, const DocumentRecord& document, const std::string& created_by) {
  std::string id = document.id, file = document.file_id, kind = document.kind, at = document.created_at,
              by = created_by;
  auto stmt =
      sql.query("INSERT INTO documents (id, file_id, kind, created_at, created_by) VALUES (?, ?, ?, ?, ?)");
  stmt.bind(id).bind(file).bind(kind).bind(at).bind(by);
  stmt.execute();
  if (kind == "report") candidate_file_store::refreshPendingReport(sql, file);
}

void insertVersion(SqlSession& sql, const std::string& document_id, const DocumentVersion& version) {
  std::string id = document_id;
  DocumentVersion v = version;
  Poco::Int64 number = v.number, size = v.size;
  auto stmt = sql.query(
      "INSERT INTO document_versions (document_id, number, sha256, size, mime_type, filename, uploaded_by, "
      "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(id)
      .bind(number)
      .bind(v.sha256)
      .bind(size)
      .bind(v.mime_type)
      .bind(v.filename)
      .bind(v.uploaded_by)
      .bind(v.uploaded_at);
  stmt.execute();
}

std::optional<DocumentRecord> find(SqlSession& sql, const std::string& document_id) {
  std::string id = document_id;
  auto stmt = sql.query("SELECT id, file_id, kind, created_at FROM documents WHERE id = ?");
  stmt.bind(id);
  std::optional<DocumentRecord> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found = DocumentRecord{row.text("id"), row.text("file_id"), row.text("kind"), row.text("created_at"), {}};
  });
  if (found) found->versions = versionsOf(sql, found->id);
  return found;
}

std::vector<DocumentRecord> listForFile(SqlSession& sql, const std::string& file_id) {
  std::string id = file_id;
  auto stmt = sql.query(
      "SELECT id, file_id, kind, created_at FROM documents WHERE file_id = ? ORDER BY created_at, id");
  stmt.bind(id);
  std::vector<DocumentRecord> documents;
  forEachRow(stmt, [&](const RowReader& row) {
    documents.push_back({row.text("id"), row.text("file_id"), row.text("kind"), row.text("created_at"), {}});
  });
  for (auto& document : documents) document.versions = versionsOf(sql, document.id);
  return documents;
}

std::set<std::string> referencedBlobs(SqlSession& sql) {
  std::vector<std::string> hashes;
  auto stmt = sql.statement("SELECT DISTINCT sha256 FROM document_versions WHERE purged_at IS NULL");
  stmt, Poco::Data::Keywords::into(hashes);
  stmt.execute();
  return {hashes.begin(), hashes.end()};
}

std::int64_t purgeVersionsOfFile(SqlSession& sql, const std::string& file_id, const std::string& at) {
  return static_cast<std::int64_t>(
      sql.query("UPDATE document_versions SET purged_at = ? WHERE purged_at IS NULL AND document_id IN "
                "(SELECT id FROM documents WHERE file_id = ?)")
          .bind(at)
          .bind(file_id)
          .execute());
}

}  // namespace cqpm::store::document_store
