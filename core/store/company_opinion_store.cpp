#include "store/company_opinion_store.h"

#include "store/row_reader.h"

namespace cqpm::store::company_opinion_store {

namespace {

constexpr const char* kSelect =
    "SELECT o.file_id, o.version, o.state, o.content, o.revision, o.updated_by, u.display_name AS updater, "
    "o.updated_at, o.signed_by, s.display_name AS signer, o.signed_at "
    "FROM company_opinions o JOIN users u ON u.id = o.updated_by LEFT JOIN users s ON s.id = o.signed_by "
    "WHERE o.file_id = ? ";

CompanyOpinionRecord recordOf(const RowReader& row) {
  CompanyOpinionRecord record;
  record.file_id = row.text("file_id");
  record.version = row.integer("version");
  record.state = row.text("state");
  record.content_json = row.text("content");
  record.revision = row.integer("revision");
  record.updated_by = row.text("updated_by");
  record.updated_by_name = row.text("updater");
  record.updated_at = row.text("updated_at");
  record.signed_by = row.optionalText("signed_by");
  record.signed_by_name = row.optionalText("signer");
  record.signed_at = row.optionalText("signed_at");
  return record;
}

// Keeps the revision just written for good (migration 0030): the opinion as it stood at an earlier
// instant is read from these rows, never from the draft the next save overwrites.
void keepRevision(SqlSession& sql, std::string& file_id, Poco::Int64& version, std::string& recorded_at) {
  auto stmt = sql.query(
      "INSERT INTO company_opinion_revisions (file_id, version, revision, state, content, updated_by, "
      "updated_at, signed_by, signed_at, recorded_at) SELECT file_id, version, revision, state, content, "
      "updated_by, updated_at, signed_by, signed_at, ? FROM company_opinions WHERE file_id = ? AND version = "
      "?");
  stmt.bind(recorded_at).bind(file_id).bind(version);
  stmt.execute();
}

}  // namespace

std::vector<CompanyOpinionRecord> listForFile(SqlSession& sql, const std::string& file_id) {
  std::string id = file_id;
  auto stmt = sql.query(std::string(kSelect) + "ORDER BY o.version");
  stmt.bind(id);
  std::vector<CompanyOpinionRecord> records;
  forEachRow(stmt, [&](const RowReader& row) { records.push_back(recordOf(row)); });
  return records;
}

std::vector<CompanyOpinionRecord> listForFileAt(SqlSession& sql, const std::string& file_id,
                                                const std::string& at) {
  std::string id = file_id, instant = at;
  auto stmt = sql.query(
      "SELECT o.file_id, o.version, o.state, o.content, o.revision, o.updated_by, u.display_name AS updater, "
      "o.updated_at, o.signed_by, s.display_name AS signer, o.signed_at FROM company_opinion_revisions o "
      "JOIN users u ON u.id = o.updated_by LEFT JOIN users s ON s.id = o.signed_by "
      "WHERE o.file_id = ? AND o.recorded_at <= ? ORDER BY o.version, o.revision");
  stmt.bind(id).bind(instant);
  std::vector<CompanyOpinionRecord> records;
  forEachRow(stmt, [&](const RowReader& row) {
    CompanyOpinionRecord record = recordOf(row);
    // Rows come by version then revision: a later revision of the same version replaces the earlier.
    if (!records.empty() && records.back().version == record.version) {
      records.back() = std::move(record);
    } else {
      records.push_back(std::move(record));
    }
  });
  return records;
}

std::optional<CompanyOpinionRecord> latest(SqlSession& sql, const std::string& file_id) {
  std::string id = file_id;
  auto stmt = sql.query(std::string(kSelect) + "ORDER BY o.version DESC LIMIT 1");
  stmt.bind(id);
  std::optional<CompanyOpinionRecord> found;
  forEachRow(stmt, [&](const RowReader& row) { found = recordOf(row); });
  return found;
}

void insert(SqlSession& sql, const CompanyOpinionRecord& record) {
  CompanyOpinionRecord r = record;
  Poco::Int64 version = r.version, revision = r.revision;
  auto stmt = sql.query(
      "INSERT INTO company_opinions (file_id, version, state, content, revision, updated_by, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(r.file_id)
      .bind(version)
      .bind(r.state)
      .bind(r.content_json)
      .bind(revision)
      .bind(r.updated_by)
      .bind(r.updated_at);
  stmt.execute();
  keepRevision(sql, r.file_id, version, r.updated_at);
}

bool updateDraft(SqlSession& sql, const std::string& file_id, std::int64_t version,
                 std::int64_t expected_revision, const std::string& content_json, const std::string& by,
                 const std::string& at) {
  std::string id = file_id, content = content_json, user = by, when = at;
  Poco::Int64 number = version, revision = expected_revision;
  auto stmt = sql.query(
      "UPDATE company_opinions SET content = ?, revision = revision + 1, updated_by = ?, updated_at = ? "
      "WHERE file_id = ? AND version = ? AND revision = ? AND state = 'draft'");
  stmt.bind(content).bind(user).bind(when).bind(id).bind(number).bind(revision);
  if (stmt.execute() != 1) return false;
  keepRevision(sql, id, number, when);
  return true;
}

bool sign(SqlSession& sql, const std::string& file_id, std::int64_t version, std::int64_t expected_revision,
          const std::string& by, const std::string& at) {
  std::string id = file_id, user = by, when = at;
  Poco::Int64 number = version, revision = expected_revision;
  auto stmt = sql.query(
      "UPDATE company_opinions SET state = 'signed', revision = revision + 1, signed_by = ?, signed_at = ? "
      "WHERE file_id = ? AND version = ? AND revision = ? AND state = 'draft'");
  stmt.bind(user).bind(when).bind(id).bind(number).bind(revision);
  if (stmt.execute() != 1) return false;
  keepRevision(sql, id, number, when);
  return true;
}

}  // namespace cqpm::store::company_opinion_store
