#include "store/platform_key_store.h"

#include "store/row_reader.h"

namespace cqpm::store::platform_key_store {

std::optional<PlatformKeyRecord> find(SqlSession& sql, const std::string& name) {
  std::optional<PlatformKeyRecord> found;
  sql.query(
         "SELECT name, key_id, private_key_pem, public_key_pem, created_at FROM platform_signing_keys WHERE "
         "name = ?")
      .bind(name)
      .forEachRow([&](const RowReader& row) {
        found = PlatformKeyRecord{row.text("name"), row.text("key_id"), row.text("private_key_pem"),
                                  row.text("public_key_pem"), row.text("created_at")};
      });
  return found;
}

bool insertIfAbsent(SqlSession& sql, const PlatformKeyRecord& key) {
  return sql.query(
                "INSERT INTO platform_signing_keys (name, key_id, private_key_pem, public_key_pem, "
                "created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")
             .bind(key.name)
             .bind(key.key_id)
             .bind(key.private_key_pem)
             .bind(key.public_key_pem)
             .bind(key.created_at)
             .execute() == 1;
}

}  // namespace cqpm::store::platform_key_store
