#include "store/award_store.h"

#include <utility>

#include "store/row_reader.h"

namespace cqpm::store::award_store {

namespace {

constexpr const char* kSelectAwards =
    "SELECT a.id, a.decision_id, a.file_id, a.kind, a.verification_code, a.holder_name, a.cqpm, "
    "a.cqpm_title, "
    "a.blocs, a.decision_date, a.referential_version, a.centre_name, a.created_at, d.revoked_at, "
    "a.cqpm_number, a.holder_birth_date "
    "FROM awards a JOIN jury_decisions d ON d.id = a.decision_id ";

std::vector<AwardRecord> select(SqlSession& sql, const std::string& rest, std::vector<std::string> values) {
  auto stmt = sql.query(std::string(kSelectAwards) + rest);
  for (auto& value : values) stmt.bind(std::move(value));
  std::vector<AwardRecord> found;
  forEachRow(stmt, [&](const RowReader& row) {
    AwardRecord a;
    a.id = row.text("id");
    a.decision_id = row.text("decision_id");
    a.file_id = row.text("file_id");
    a.kind = row.text("kind");
    a.verification_code = row.text("verification_code");
    a.holder_name = row.text("holder_name");
    a.cqpm = row.text("cqpm");
    a.cqpm_title = row.text("cqpm_title");
    a.blocs_json = row.text("blocs");
    a.decision_date = row.text("decision_date");
    a.referential_version = row.integer("referential_version");
    a.centre_name = row.text("centre_name");
    a.created_at = row.text("created_at");
    a.revoked_at = row.optionalText("revoked_at");
    a.cqpm_number = row.optionalText("cqpm_number");
    a.holder_birth_date = row.optionalText("holder_birth_date");
    found.push_back(std::move(a));
  });
  return found;
}

}  // namespace

void insert(SqlSession& sql, const AwardRecord& award) {
  AwardRecord a = award;
  Poco::Int64 version = a.referential_version;
  Poco::Nullable<std::string> number, birth;
  if (a.cqpm_number) number = *a.cqpm_number;
  if (a.holder_birth_date) birth = *a.holder_birth_date;
  auto stmt = sql.query(
      "INSERT INTO awards (id, decision_id, file_id, kind, verification_code, holder_name, cqpm, cqpm_title, "
      "blocs, decision_date, referential_version, centre_name, created_at, cqpm_number, holder_birth_date) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(a.id)
      .bind(a.decision_id)
      .bind(a.file_id)
      .bind(a.kind)
      .bind(a.verification_code)
      .bind(a.holder_name)
      .bind(a.cqpm)
      .bind(a.cqpm_title)
      .bind(a.blocs_json)
      .bind(a.decision_date)
      .bind(version)
      .bind(a.centre_name)
      .bind(a.created_at)
      .bind(number)
      .bind(birth);
  stmt.execute();
}

std::optional<AwardRecord> find(SqlSession& sql, const std::string& id) {
  auto found = select(sql, "WHERE a.id = ?", {id});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<AwardRecord> findByCode(SqlSession& sql, const std::string& code) {
  auto found = select(sql, "WHERE a.verification_code = ?", {code});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<AwardRecord> forDecision(SqlSession& sql, const std::string& decision_id) {
  return select(sql, "WHERE a.decision_id = ? ORDER BY a.created_at, a.id", {decision_id});
}

std::vector<AwardRecord> standingBetween(SqlSession& sql, const std::string& from, const std::string& to,
                                         const std::optional<std::string>& centre_id) {
  std::string rest = "WHERE d.revoked_at IS NULL AND a.decision_date >= ? AND a.decision_date <= ? ";
  std::vector<std::string> values{from, to};
  if (centre_id) {
    rest += "AND a.file_id IN (SELECT f.id FROM candidate_files f WHERE f.centre_id = ?) ";
    values.push_back(*centre_id);
  }
  return select(sql, rest + "ORDER BY a.decision_date, a.id", std::move(values));
}

}  // namespace cqpm::store::award_store
