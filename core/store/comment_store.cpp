#include "store/comment_store.h"

#include "store/candidate_file_store.h"
#include "store/row_reader.h"

namespace cqpm::store::comment_store {

namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.file_id, c.seq, c.competency, c.body, c.author_id, u.display_name, u.role, c.created_at "
    "FROM file_comments c JOIN users u ON u.id = c.author_id ";

CommentRecord recordOf(const RowReader& row) {
  return {
      row.text("id"),        row.text("file_id"),   row.integer("seq"),       row.optionalText("competency"),
      row.text("body"),      row.text("author_id"), row.text("display_name"), row.text("role"),
      row.text("created_at")};
}

}  // namespace

std::int64_t insert(SqlSession& sql, const CommentRecord& comment) {
  CommentRecord c = comment;
  Poco::Int64 seq = 1;
  candidate_file_store::lockForNumbering(sql, c.file_id);
  {
    auto stmt = sql.query("SELECT MAX(seq) AS last_seq FROM file_comments WHERE file_id = ?");
    stmt.bind(c.file_id);
    forEachRow(stmt, [&](const RowReader& row) { seq = row.integer("last_seq") + 1; });
  }
  Poco::Nullable<std::string> competency;
  if (c.competency) competency = *c.competency;
  auto stmt = sql.query(
      "INSERT INTO file_comments (id, file_id, seq, competency, body, author_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(c.id)
      .bind(c.file_id)
      .bind(seq)
      .bind(competency)
      .bind(c.body)
      .bind(c.author_id)
      .bind(c.created_at);
  stmt.execute();
  return seq;
}

std::vector<CommentRecord> listForFile(SqlSession& sql, const std::string& file_id,
                                       const std::optional<std::string>& competency) {
  std::string id = file_id;
  std::string number = competency.value_or("");
  auto stmt = sql.query(std::string(kSelect) + "WHERE c.file_id = ? " +
                        (competency ? "AND c.competency = ? " : "") + "ORDER BY c.seq");
  stmt.bind(id);
  if (competency) stmt.bind(number);
  std::vector<CommentRecord> comments;
  forEachRow(stmt, [&](const RowReader& row) { comments.push_back(recordOf(row)); });
  return comments;
}

std::optional<CommentRecord> find(SqlSession& sql, const std::string& comment_id) {
  std::string id = comment_id;
  auto stmt = sql.query(std::string(kSelect) + "WHERE c.id = ?");
  stmt.bind(id);
  std::optional<CommentRecord> found;
  forEachRow(stmt, [&](const RowReader& row) { found = recordOf(row); });
  return found;
}

}  // namespace cqpm::store::comment_store
