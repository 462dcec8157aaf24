#include "store/event_store.h"

#include "common/chain_hash.h"
#include "store/candidate_file_store.h"
#include "store/row_reader.h"

namespace cqpm::store::event_store {

using domain::FileEvent;

const std::string& genesisHash() { return cqpm::genesisHash(); }

std::string chainHash(const FileEvent& event) {
  return cqpm::chainHash({event.prev_hash, event.file_id, std::to_string(event.seq), event.transition,
                          event.from_state.value_or(""), event.to_state, event.actor_id,
                          event.organisation_id, event.payload_json, event.at});
}

FileEvent append(SqlSession& sql, FileEvent event) {
  std::string file_id = event.file_id;
  Poco::Int64 last_seq = 0;
  std::string last_hash;
  candidate_file_store::lockForNumbering(sql, file_id);
  {
    auto stmt = sql.query("SELECT seq, hash FROM file_events WHERE file_id = ? ORDER BY seq DESC LIMIT 1");
    stmt.bind(file_id);
    forEachRow(stmt, [&](const RowReader& row) {
      last_seq = row.integer("seq");
      last_hash = row.text("hash");
    });
  }
  event.seq = last_seq + 1;
  event.prev_hash = last_seq == 0 ? genesisHash() : last_hash;
  if (event.payload_json.empty()) event.payload_json = "{}";
  event.hash = chainHash(event);

  Poco::Int64 seq = event.seq;
  Poco::Nullable<std::string> from;
  if (event.from_state) from = *event.from_state;
  auto stmt = sql.query(
      "INSERT INTO file_events (file_id, seq, transition, from_state, to_state, actor_id, organisation_id, "
      "payload, "
      "at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(event.file_id)
      .bind(seq)
      .bind(event.transition)
      .bind(from)
      .bind(event.to_state)
      .bind(event.actor_id)
      .bind(event.organisation_id)
      .bind(event.payload_json)
      .bind(event.at)
      .bind(event.prev_hash)
      .bind(event.hash);
  stmt.execute();
  sql.markChanged(event.file_id);  // wakes the file's live streams once committed
  return event;
}

std::vector<FileEvent> listForFile(SqlSession& sql, const std::string& file_id) {
  return listForFileAfter(sql, file_id, 0, -1);
}

std::vector<std::string> fileIdsAfter(SqlSession& sql, const std::string& after, int limit) {
  std::string from = after;
  auto stmt =
      sql.query("SELECT id FROM candidate_files WHERE id > ? ORDER BY id LIMIT " + std::to_string(limit));
  stmt.bind(from);
  std::vector<std::string> ids;
  forEachRow(stmt, [&](const RowReader& row) { ids.push_back(row.text("id")); });
  return ids;
}

std::int64_t lastSeq(SqlSession& sql, const std::string& file_id) {
  std::string key = file_id;
  auto stmt = sql.query("SELECT COALESCE(MAX(seq), 0) AS last FROM file_events WHERE file_id = ?");
  stmt.bind(key);
  std::int64_t last = 0;
  forEachRow(stmt, [&](const RowReader& row) { last = row.integer("last"); });
  return last;
}

std::vector<FileEvent> listForFileAfter(SqlSession& sql, const std::string& file_id, std::int64_t after_seq,
                                        int limit) {
  std::string key = file_id;
  Poco::Int64 after = after_seq;
  auto stmt = sql.query(
      "SELECT e.file_id, e.seq, e.transition, e.from_state, e.to_state, e.actor_id, u.login, u.display_name, "
      "u.role, "
      "e.organisation_id, e.payload, e.at, e.prev_hash, e.hash "
      "FROM file_events e JOIN users u ON u.id = e.actor_id WHERE e.file_id = ? AND e.seq > ? "
      "ORDER BY e.seq" +
      (limit > 0 ? " LIMIT " + std::to_string(limit) : std::string()));
  stmt.bind(key).bind(after);
  std::vector<FileEvent> events;
  forEachRow(stmt, [&](const RowReader& row) {
    FileEvent event;
    event.file_id = row.text("file_id");
    event.seq = row.integer("seq");
    event.transition = row.text("transition");
    event.from_state = row.optionalText("from_state");
    event.to_state = row.text("to_state");
    event.actor_id = row.text("actor_id");
    event.actor_login = row.text("login");
    event.actor_display_name = row.text("display_name");
    event.actor_role = row.text("role");
    event.organisation_id = row.text("organisation_id");
    event.payload_json = row.text("payload");
    event.at = row.text("at");
    event.prev_hash = row.text("prev_hash");
    event.hash = row.text("hash");
    events.push_back(std::move(event));
  });
  return events;
}

}  // namespace cqpm::store::event_store
