#include "store/admin_log_store.h"

#include "common/chain_hash.h"
#include "store/row_reader.h"
#include "store/sequence_lock.h"

namespace cqpm::store::admin_log_store {

namespace {

constexpr const char* kColumns =
    "SELECT seq, at, actor_id, actor_label, action, target_kind, target_id, target_label, centre_id, "
    "details, "
    "prev_hash, hash FROM admin_log ";

AdminLogEntry readEntry(const RowReader& row) {
  AdminLogEntry entry;
  entry.seq = row.integer("seq");
  entry.at = row.text("at");
  entry.actor_id = row.optionalText("actor_id");
  entry.actor_label = row.text("actor_label");
  entry.action = row.text("action");
  entry.target_kind = row.text("target_kind");
  entry.target_id = row.text("target_id");
  entry.target_label = row.text("target_label");
  entry.centre_id = row.optionalText("centre_id");
  entry.details_json = row.text("details");
  entry.prev_hash = row.text("prev_hash");
  entry.hash = row.text("hash");
  return entry;
}

std::vector<AdminLogEntry> readAll(Query& stmt) {
  std::vector<AdminLogEntry> entries;
  forEachRow(stmt, [&](const RowReader& row) { entries.push_back(readEntry(row)); });
  return entries;
}

}  // namespace

std::string entryHash(const AdminLogEntry& entry) {
  return chainHash({entry.prev_hash, std::to_string(entry.seq), entry.at, entry.actor_id.value_or(""),
                    entry.actor_label, entry.action, entry.target_kind, entry.target_id, entry.target_label,
                    entry.centre_id.value_or(""), entry.details_json});
}

AdminLogEntry append(SqlSession& sql, AdminLogEntry entry) {
  lockSequence(sql, Sequence::kAdminLog);
  auto last = sql.query(std::string(kColumns) + "ORDER BY seq DESC LIMIT 1");
  const auto previous = readAll(last);
  entry.seq = previous.empty() ? 1 : previous.front().seq + 1;
  entry.prev_hash = previous.empty() ? genesisHash() : previous.front().hash;
  entry.hash = entryHash(entry);
  Poco::Int64 seq = entry.seq;
  Poco::Nullable<std::string> actor, centre;
  if (entry.actor_id) actor = *entry.actor_id;
  if (entry.centre_id) centre = *entry.centre_id;
  auto stmt = sql.query(
      "INSERT INTO admin_log (seq, at, actor_id, actor_label, action, target_kind, target_id, target_label, "
      "centre_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(seq)
      .bind(entry.at)
      .bind(actor)
      .bind(entry.actor_label)
      .bind(entry.action)
      .bind(entry.target_kind)
      .bind(entry.target_id)
      .bind(entry.target_label)
      .bind(centre)
      .bind(entry.details_json)
      .bind(entry.prev_hash)
      .bind(entry.hash);
  stmt.execute();
  return entry;
}

std::vector<AdminLogEntry> listBefore(SqlSession& sql, const std::optional<std::string>& centre_id,
                                      std::int64_t before_seq, int limit) {
  Poco::Int64 before = before_seq > 0 ? before_seq : INT64_MAX;
  std::string centre = centre_id.value_or("");
  auto stmt = sql.query(std::string(kColumns) + "WHERE seq < ?" + (centre_id ? " AND centre_id = ?" : "") +
                        " ORDER BY seq DESC LIMIT " + std::to_string(limit));
  stmt.bind(before);
  if (centre_id) stmt.bind(centre);
  return readAll(stmt);
}

std::vector<AdminLogEntry> listAfter(SqlSession& sql, std::int64_t after_seq, int limit) {
  Poco::Int64 after = after_seq;
  auto stmt = sql.query(std::string(kColumns) + "WHERE seq > ? ORDER BY seq LIMIT " + std::to_string(limit));
  stmt.bind(after);
  return readAll(stmt);
}

}  // namespace cqpm::store::admin_log_store
