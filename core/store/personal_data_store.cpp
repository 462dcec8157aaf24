#include "store/personal_data_store.h"

#include "store/row_reader.h"

namespace cqpm::store::personal_data_store {

std::vector<std::string> filesOfSamePerson(SqlSession& sql, const std::string& file_id,
                                           const std::string& centre_id) {
  std::vector<std::string> ids;
  sql.query(
         "SELECT f.id FROM candidate_files f JOIN candidate_files me ON me.id = ? WHERE f.centre_id = ? AND "
         "(f.id = me.id OR (me.candidate_user_id IS NOT NULL AND f.candidate_user_id = me.candidate_user_id) "
         "OR "
         "(me.birth_date <> '' AND f.search_name = me.search_name AND f.birth_date = me.birth_date)) "
         "ORDER BY CASE WHEN f.id = me.id THEN 0 ELSE 1 END, f.created_at, f.id")
      .bind(file_id)
      .bind(centre_id)
      .forEachRow([&](const RowReader& row) { ids.push_back(row.text("id")); });
  return ids;
}

}  // namespace cqpm::store::personal_data_store
