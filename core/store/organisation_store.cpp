#include "store/organisation_store.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "common/clock.h"
#include "common/json_text.h"
#include "store/change_keys.h"
#include "store/row_reader.h"

namespace cqpm::store::organisation_store {

using domain::Organisation;

namespace {

constexpr const char* kColumns =
    "SELECT o.id, o.kind, o.name, o.active, o.region, o.departements, o.siret, o.address, o.created_at, "
    "o.updated_at FROM organisations o ";

std::vector<std::string> parseCodes(const std::string& json) {
  std::vector<std::string> codes;
  try {
    const auto array = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) codes.push_back(array->getElement<std::string>(i));
  } catch (const Poco::Exception&) {
    codes.clear();  // a column this code wrote is never malformed; an edited one reads as none
  }
  return codes;
}

std::string codesJson(const std::vector<std::string>& codes) {
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  for (const auto& code : codes) array->add(code);
  return toJsonText(Poco::Dynamic::Var(array));
}

Organisation readOrganisation(const RowReader& row) {
  Organisation organisation;
  organisation.id = row.text("id");
  organisation.kind =
      domain::parseOrganisationKind(row.text("kind")).value_or(domain::OrganisationKind::kCompany);
  organisation.name = row.text("name");
  organisation.active = row.integer("active") != 0;
  organisation.region = row.optionalText("region");
  organisation.departements = parseCodes(row.text("departements"));
  organisation.siret = row.optionalText("siret");
  organisation.address = row.optionalText("address");
  organisation.created_at = row.text("created_at");
  organisation.updated_at = row.optionalText("updated_at").value_or(organisation.created_at);
  return organisation;
}

std::vector<std::string> centresOf(SqlSession& sql, const std::string& company_id) {
  std::string id = company_id;
  auto stmt = sql.query("SELECT centre_id FROM company_centres WHERE company_id = ? ORDER BY centre_id");
  stmt.bind(id);
  std::vector<std::string> centres;
  forEachRow(stmt, [&](const RowReader& row) { centres.push_back(row.text("centre_id")); });
  return centres;
}

void requireSiretFree(SqlSession& sql, const Organisation& organisation) {
  if (!organisation.siret) return;
  std::string siret = *organisation.siret, id = organisation.id;
  const std::int64_t taken = sql.query("SELECT COUNT(*) AS n FROM organisations WHERE siret = ? AND id <> ?")
                                 .bind(siret)
                                 .bind(id)
                                 .integer("n");
  if (taken > 0) {
    throw Error(ErrorCode::kConflict, "another organisation has the SIRET " + siret, "siret");
  }
}

void replaceCentreLinks(SqlSession& sql, const Organisation& organisation) {
  std::string id = organisation.id;
  auto clear = sql.query("DELETE FROM company_centres WHERE company_id = ?");
  clear.bind(id);
  clear.execute();
  for (const auto& centre : organisation.centre_ids) linkCompanyToCentre(sql, organisation.id, centre);
}

}  // namespace

namespace {

// The columns that describe an organisation, as insert() and update() bind them.
struct DescriptionColumns {
  explicit DescriptionColumns(const Organisation& organisation)
      : name(organisation.name),
        active(organisation.active ? 1 : 0),
        departements(codesJson(organisation.departements)) {
    if (organisation.region) region = *organisation.region;
    if (organisation.siret) siret = *organisation.siret;
    if (organisation.address) address = *organisation.address;
  }

  std::string name;
  Poco::Int64 active;
  Poco::Nullable<std::string> region;
  std::string departements;
  Poco::Nullable<std::string> siret;
  Poco::Nullable<std::string> address;
};

}  // namespace

void insert(SqlSession& sql, const Organisation& organisation, const std::string& now) {
  requireSiretFree(sql, organisation);
  DescriptionColumns columns(organisation);
  std::string id = organisation.id, kind(domain::organisationKindName(organisation.kind)),
              created = organisation.created_at.empty() ? now : organisation.created_at;
  auto stmt = sql.query(
      "INSERT INTO organisations (id, kind, name, active, region, departements, siret, address, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(id)
      .bind(kind)
      .bind(columns.name)
      .bind(columns.active)
      .bind(columns.region)
      .bind(columns.departements)
      .bind(columns.siret)
      .bind(columns.address)
      .bind(created)
      .bind(created);
  stmt.execute();
  replaceCentreLinks(sql, organisation);
}

void update(SqlSession& sql, const Organisation& organisation, const std::string& now) {
  requireSiretFree(sql, organisation);
  DescriptionColumns columns(organisation);
  std::string id = organisation.id, updated = organisation.updated_at.empty() ? now : organisation.updated_at;
  auto stmt = sql.query(
      "UPDATE organisations SET name = ?, active = ?, region = ?, departements = ?, siret = ?, address = ?, "
      "updated_at = ? WHERE id = ?");
  stmt.bind(columns.name)
      .bind(columns.active)
      .bind(columns.region)
      .bind(columns.departements)
      .bind(columns.siret)
      .bind(columns.address)
      .bind(updated)
      .bind(id);
  stmt.execute();
  sql.markChanged(std::string(kAccountsChanged));  // an organisation may have been deactivated
  replaceCentreLinks(sql, organisation);
}

std::optional<Organisation> find(SqlSession& sql, const std::string& id) {
  std::string key = id;
  auto stmt = sql.query(std::string(kColumns) + "WHERE o.id = ?");
  stmt.bind(key);
  std::optional<Organisation> found;
  forEachRow(stmt, [&](const RowReader& row) { found = readOrganisation(row); });
  if (found && found->kind == domain::OrganisationKind::kCompany)
    found->centre_ids = centresOf(sql, found->id);
  return found;
}

std::vector<Organisation> list(SqlSession& sql, const OrganisationFilter& filter,
                               const std::optional<OrganisationCursor>& after, int limit) {
  std::string where;
  std::vector<std::string> values;
  auto add = [&](const std::string& condition, std::vector<std::string> condition_values) {
    where += (where.empty() ? "WHERE " : " AND ") + condition;
    for (auto& value : condition_values) values.push_back(std::move(value));
  };
  if (filter.own_id) {
    add("(o.id = ? OR o.id IN (SELECT company_id FROM company_centres WHERE centre_id = ?))",
        {*filter.own_id, *filter.own_id});
  }
  if (filter.kind) add("o.kind = ?", {std::string(domain::organisationKindName(*filter.kind))});
  if (filter.active) add(*filter.active ? "o.active = 1" : "o.active = 0", {});
  if (!filter.text.empty()) {
    const std::string pattern = "%" + filter.text + "%";
    add("(LOWER(o.name) LIKE LOWER(?) OR o.siret LIKE ? OR LOWER(o.region) LIKE LOWER(?))",
        {pattern, pattern, pattern});
  }
  if (after) add("(o.name > ? OR (o.name = ? AND o.id > ?))", {after->name, after->name, after->id});
  auto stmt =
      sql.query(std::string(kColumns) + where + " ORDER BY o.name, o.id LIMIT " + std::to_string(limit));
  for (auto& value : values) stmt.bind(value);
  std::vector<Organisation> result;
  forEachRow(stmt, [&](const RowReader& row) { result.push_back(readOrganisation(row)); });
  for (auto& organisation : result) {
    if (organisation.kind == domain::OrganisationKind::kCompany) {
      organisation.centre_ids = centresOf(sql, organisation.id);
    }
  }
  return result;
}

std::int64_t count(SqlSession& sql) {
  return sql.query("SELECT COUNT(*) AS n FROM organisations").integer("n");
}

void linkCompanyToCentre(SqlSession& sql, const std::string& company_id, const std::string& centre_id) {
  std::string company = company_id, centre = centre_id;
  const std::int64_t linked =
      sql.query("SELECT COUNT(*) AS n FROM company_centres WHERE company_id = ? AND centre_id = ?")
          .bind(company)
          .bind(centre)
          .integer("n");
  if (linked > 0) return;
  auto stmt = sql.query("INSERT INTO company_centres (company_id, centre_id) VALUES (?, ?)");
  stmt.bind(company).bind(centre);
  stmt.execute();
}

}  // namespace cqpm::store::organisation_store
