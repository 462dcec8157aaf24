#include "store/migration_data_steps.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/sha256.h"
#include "common/unicode_text.h"
#include "store/database.h"
#include "store/event_store.h"
#include "store/jury_decision_store.h"
#include "store/row_reader.h"

namespace cqpm::store {

MigrationDataStep migrationDataStep(int number) {
  switch (number) {
    case 25:
      return &refoldStoredNames;
    case 31:
      return &hashEventPayloads;
    default:
      return nullptr;
  }
}

void refoldStoredNames(SqlSession& sql) {
  // Read first, then write: a statement's rows are not walked while the same table is updated.
  std::vector<std::pair<std::string, std::string>> search_names;  // file id, new folded name
  sql.query("SELECT id, given_name, family_name, search_name FROM candidate_files")
      .forEachRow([&](const RowReader& row) {
        std::string folded = foldedForSearch(row.text("given_name") + " " + row.text("family_name"));
        if (folded != row.text("search_name")) search_names.emplace_back(row.text("id"), std::move(folded));
      });
  for (auto& [id, folded] : search_names) {
    sql.query("UPDATE candidate_files SET search_name = ? WHERE id = ?")
        .bind(std::move(folded))
        .bind(id)
        .execute();
  }

  std::vector<std::pair<std::string, std::string>> keys;  // decision id, new candidate key
  sql.query(
         "SELECT d.id, d.candidate_key, f.given_name, f.family_name, f.birth_date FROM jury_decisions d "
         "JOIN candidate_files f ON f.id = d.file_id")
      .forEachRow([&](const RowReader& row) {
        std::string key = jury_decision_store::candidateKey(row.text("family_name"), row.text("given_name"),
                                                            row.text("birth_date"));
        if (key != row.text("candidate_key")) keys.emplace_back(row.text("id"), std::move(key));
      });
  for (auto& [id, key] : keys) {
    sql.query("UPDATE jury_decisions SET candidate_key = ? WHERE id = ?")
        .bind(std::move(key))
        .bind(id)
        .execute();
  }
}

namespace {

// What breaks the chain as stored (links covering the payloads), or "".
std::string brokenLinkOf(const std::vector<domain::FileEvent>& events) {
  std::string previous = event_store::genesisHash();
  std::int64_t seq = 0;
  for (const auto& event : events) {
    if (event.seq != ++seq) return "event " + std::to_string(seq) + " is missing";
    if (event.prev_hash != previous)
      return "event " + std::to_string(seq) + " does not follow the previous event";
    if (event_store::chainHash(event) != event.hash) return "event " + std::to_string(seq) + " was altered";
    previous = event.hash;
  }
  return "";
}

}  // namespace

void hashEventPayloads(SqlSession& sql) {
  std::vector<std::string> files;
  sql.query("SELECT DISTINCT file_id FROM file_events ORDER BY file_id")
      .forEachRow([&](const RowReader& row) { files.push_back(row.text("file_id")); });
  for (const auto& file_id : files) {
    std::vector<domain::FileEvent> events = event_store::listForFile(sql, file_id);
    const std::string old_head = events.back().hash;
    const std::int64_t count = static_cast<Poco::Int64>(events.size());
    if (std::string problem = brokenLinkOf(events); !problem.empty()) {
      sql.query(
             "INSERT INTO event_chain_rehashes (file_id, events, old_head, new_head, problem) VALUES (?, ?, "
             "?, ?, ?)")
          .bind(file_id)
          .bind(count)
          .bind(old_head)
          .bind(std::optional<std::string>())
          .bind(std::move(problem))
          .execute();
      continue;
    }
    std::string previous = event_store::genesisHash();
    for (auto& event : events) {
      event.payload_sha256 = sha256Hex(event.payload_json);
      event.prev_hash = previous;
      event.hash = event_store::chainHash(event);
      sql.query(
             "UPDATE file_events SET payload_sha256 = ?, prev_hash = ?, hash = ? WHERE file_id = ? AND seq = "
             "?")
          .bind(event.payload_sha256)
          .bind(event.prev_hash)
          .bind(event.hash)
          .bind(file_id)
          .bind(event.seq)
          .execute();
      previous = event.hash;
    }
    sql.query(
           "INSERT INTO event_chain_rehashes (file_id, events, old_head, new_head, problem) VALUES (?, ?, ?, "
           "?, ?)")
        .bind(file_id)
        .bind(count)
        .bind(old_head)
        .bind(previous)
        .bind(std::optional<std::string>())
        .execute();
  }
}

}  // namespace cqpm::store
