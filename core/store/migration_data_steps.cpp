#include "store/migration_data_steps.h"

#include <string>
#include <utility>
#include <vector>

#include "common/unicode_text.h"
#include "store/database.h"
#include "store/jury_decision_store.h"
#include "store/row_reader.h"

namespace cqpm::store {

MigrationDataStep migrationDataStep(int number) {
  switch (number) {
    case 25:
      return &refoldStoredNames;
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

}  // namespace cqpm::store
