#include "store/file_transfer_store.h"

#include "store/row_reader.h"

namespace cqpm::store::file_transfer_store {

namespace {

// The transfer with the names both centres show; `WHERE` clauses follow.
constexpr const char* kSelect =
    "SELECT t.id, t.file_id, t.from_centre_id, t.to_centre_id, t.reason, t.state, t.proposed_by, "
    "t.proposed_at, t.decided_by, t.decided_at, t.decision_reason, fc.name AS from_centre_name, "
    "tc.name AS to_centre_name, pu.display_name AS proposed_by_name, du.display_name AS decided_by_name, "
    "f.given_name, f.family_name, f.cqpm, f.state AS file_state "
    "FROM file_transfers t "
    "JOIN organisations fc ON fc.id = t.from_centre_id "
    "JOIN organisations tc ON tc.id = t.to_centre_id "
    "JOIN users pu ON pu.id = t.proposed_by "
    "LEFT JOIN users du ON du.id = t.decided_by "
    "JOIN candidate_files f ON f.id = t.file_id ";

StoredTransfer readTransfer(const RowReader& row) {
  StoredTransfer transfer;
  transfer.id = row.text("id");
  transfer.file_id = row.text("file_id");
  transfer.from_centre_id = row.text("from_centre_id");
  transfer.to_centre_id = row.text("to_centre_id");
  transfer.reason = row.text("reason");
  transfer.state = row.text("state");
  transfer.proposed_by = row.text("proposed_by");
  transfer.proposed_at = row.text("proposed_at");
  transfer.decided_by = row.optionalText("decided_by");
  transfer.decided_at = row.optionalText("decided_at");
  transfer.decision_reason = row.optionalText("decision_reason");
  transfer.from_centre_name = row.text("from_centre_name");
  transfer.to_centre_name = row.text("to_centre_name");
  transfer.proposed_by_name = row.text("proposed_by_name");
  transfer.decided_by_name = row.optionalText("decided_by_name");
  transfer.candidate_name = row.text("given_name") + " " + row.text("family_name");
  transfer.cqpm = row.text("cqpm");
  transfer.file_state = row.text("file_state");
  return transfer;
}

std::vector<StoredTransfer> readAll(Query& stmt) {
  std::vector<StoredTransfer> transfers;
  forEachRow(stmt, [&](const RowReader& row) { transfers.push_back(readTransfer(row)); });
  return transfers;
}

}  // namespace

void insert(SqlSession& sql, const StoredTransfer& transfer) {
  StoredTransfer row = transfer;
  auto stmt = sql.query(
      "INSERT INTO file_transfers (id, file_id, from_centre_id, to_centre_id, reason, state, proposed_by, "
      "proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(row.id)
      .bind(row.file_id)
      .bind(row.from_centre_id)
      .bind(row.to_centre_id)
      .bind(row.reason)
      .bind(row.state)
      .bind(row.proposed_by)
      .bind(row.proposed_at);
  stmt.execute();
}

std::optional<StoredTransfer> find(SqlSession& sql, const std::string& id) {
  std::string key = id;
  auto stmt = sql.query(std::string(kSelect) + "WHERE t.id = ?");
  stmt.bind(key);
  auto found = readAll(stmt);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<StoredTransfer> pendingOfFile(SqlSession& sql, const std::string& file_id) {
  std::string key = file_id;
  auto stmt = sql.query(std::string(kSelect) + "WHERE t.file_id = ? AND t.state = 'proposed'");
  stmt.bind(key);
  auto found = readAll(stmt);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<StoredTransfer> list(SqlSession& sql, const std::string& centre_id, TransferDirection direction,
                                 const std::optional<std::string>& state, int limit) {
  std::string centre = centre_id, wanted = state.value_or("");
  std::string where = "WHERE 1 = 1";
  if (!centre.empty()) {
    switch (direction) {
      case TransferDirection::kIncoming:
        where += " AND t.to_centre_id = ?";
        break;
      case TransferDirection::kOutgoing:
        where += " AND t.from_centre_id = ?";
        break;
      case TransferDirection::kBoth:
        where += " AND (t.from_centre_id = ? OR t.to_centre_id = ?)";
        break;
    }
  }
  if (state) where += " AND t.state = ?";
  auto stmt = sql.query(std::string(kSelect) + where + " ORDER BY t.proposed_at DESC, t.id DESC LIMIT " +
                        std::to_string(limit));
  if (!centre.empty()) {
    stmt.bind(centre);
    if (direction == TransferDirection::kBoth) stmt.bind(centre);
  }
  if (state) stmt.bind(wanted);
  return readAll(stmt);
}

std::vector<StoredTransfer> ofFile(SqlSession& sql, const std::string& file_id) {
  std::string key = file_id;
  auto stmt = sql.query(std::string(kSelect) + "WHERE t.file_id = ? ORDER BY t.proposed_at, t.id");
  stmt.bind(key);
  return readAll(stmt);
}

bool decide(SqlSession& sql, const std::string& id, const std::string& state, const std::string& by,
            const std::string& at, const std::optional<std::string>& reason) {
  std::string key = id, next = state, who = by, when = at;
  Poco::Nullable<std::string> why;
  if (reason) why = *reason;
  auto stmt = sql.query(
      "UPDATE file_transfers SET state = ?, decided_by = ?, decided_at = ?, decision_reason = ? "
      "WHERE id = ? AND state = 'proposed'");
  stmt.bind(next).bind(who).bind(when).bind(why).bind(key);
  return stmt.execute() == 1;
}

}  // namespace cqpm::store::file_transfer_store
