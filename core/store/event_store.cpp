#include "store/event_store.h"

#include <optional>

#include "common/chain_hash.h"
#include "common/sha256.h"
#include "store/candidate_file_store.h"
#include "store/row_reader.h"
#include "store/sql_dialect.h"

namespace cqpm::store::event_store {

using domain::FileEvent;

const std::string& genesisHash() { return cqpm::genesisHash(); }

std::string chainHash(const FileEvent& event) {
  // Since migration 0031 a link covers the payload's SHA-256, never the payload itself ("sha256:"
  // cannot begin a JSON object, so the two forms never hash the same input). An event without it
  // is one of a chain found broken then, left as it was so that the break still shows.
  std::string payload = event.payload_sha256.empty() ? event.payload_json : "sha256:" + event.payload_sha256;
  return cqpm::chainHash({event.prev_hash, event.file_id, std::to_string(event.seq), event.transition,
                          event.from_state.value_or(""), event.to_state, event.actor_id,
                          event.organisation_id, std::move(payload), event.at});
}

namespace {

struct Stay {
  std::optional<std::string> started_at;
  std::optional<std::string> centre_id;
};

// The stay in `event`'s from_state that `event` ends, for the median days per
// stage (migration 0027): whole seconds computed by the database as the
// statistics always did (NULL where a time cannot be read).
void recordStay(SqlSession& sql, const FileEvent& event, const Stay& stay) {
  const Dialect dialect = sql.dialect();
  auto stmt = sql.query(
      "INSERT INTO stage_stays (file_id, seq, centre_id, stage, left_at, seconds) VALUES (?, ?, ?, ?, ?, " +
      epochSecondsOf("?", dialect) + " - " + epochSecondsOf("?", dialect) + ")");
  Poco::Int64 seq = event.seq;
  stmt.bind(event.file_id)
      .bind(seq)
      .bind(*stay.centre_id)
      .bind(*event.from_state)
      .bind(event.at)
      .bind(event.at)
      .bind(*stay.started_at)
      .execute();
}

}  // namespace

FileEvent append(SqlSession& sql, FileEvent event) {
  std::string file_id = event.file_id;
  Poco::Int64 last_seq = 0;
  std::string last_hash;
  Stay stay;  // the stay this event may end: since when, and the file's centre
  candidate_file_store::lockForNumbering(sql, file_id);
  {
    // The last event, and in the same round trip the latest move (or the
    // creation), where the file's current stay began, and the file's centre.
    auto stmt = sql.query(
        "SELECT e.seq, e.hash, (SELECT p.at FROM file_events p WHERE p.file_id = e.file_id AND (p.from_state "
        "IS NULL OR p.from_state <> p.to_state) ORDER BY p.seq DESC LIMIT 1) AS stay_started_at, (SELECT "
        "f.centre_id FROM candidate_files f WHERE f.id = e.file_id) AS centre_id FROM file_events e WHERE "
        "e.file_id = ? ORDER BY e.seq DESC LIMIT 1");
    stmt.bind(file_id);
    forEachRow(stmt, [&](const RowReader& row) {
      last_seq = row.integer("seq");
      last_hash = row.text("hash");
      stay.started_at = row.optionalText("stay_started_at");
      stay.centre_id = row.optionalText("centre_id");
    });
  }
  event.seq = last_seq + 1;
  event.prev_hash = last_seq == 0 ? genesisHash() : last_hash;
  if (event.payload_json.empty()) event.payload_json = "{}";
  event.payload_sha256 = sha256Hex(event.payload_json);
  event.payload_redacted_at.reset();
  event.hash = chainHash(event);

  Poco::Int64 seq = event.seq;
  Poco::Nullable<std::string> from;
  if (event.from_state) from = *event.from_state;
  auto stmt = sql.query(
      "INSERT INTO file_events (file_id, seq, transition, from_state, to_state, actor_id, organisation_id, "
      "payload, payload_sha256, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(event.file_id)
      .bind(seq)
      .bind(event.transition)
      .bind(from)
      .bind(event.to_state)
      .bind(event.actor_id)
      .bind(event.organisation_id)
      .bind(event.payload_json)
      .bind(event.payload_sha256)
      .bind(event.at)
      .bind(event.prev_hash)
      .bind(event.hash);
  stmt.execute();
  if (event.from_state && *event.from_state != event.to_state && stay.started_at && stay.centre_id)
    recordStay(sql, event, stay);
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
      "e.organisation_id, e.payload, e.payload_sha256, e.payload_redacted_at, e.at, e.prev_hash, e.hash "
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
    event.payload_sha256 = row.optionalText("payload_sha256").value_or("");
    event.payload_redacted_at = row.optionalText("payload_redacted_at");
    event.at = row.text("at");
    event.prev_hash = row.text("prev_hash");
    event.hash = row.text("hash");
    events.push_back(std::move(event));
  });
  return events;
}

}  // namespace cqpm::store::event_store
