#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.h"
#include "store/database.h"

namespace cqpm::store {

/// Which organisations a list reads.
struct OrganisationFilter {
  std::optional<domain::OrganisationKind> kind;
  std::optional<bool> active;  ///< nullopt: active and inactive
  std::string text;            ///< a part of the name, SIRET or région (case-insensitive); empty: any
  /// Who reads: nullopt reads everything (platform administrators); otherwise
  /// the organisation `own_id`, plus the companies working with it when it is a centre.
  std::optional<std::string> own_id;
};

/// Where a page of organisations resumes: after (name, id).
struct OrganisationCursor {
  std::string name;
  std::string id;
};

/// Organisations and the centres each company works with. Every function runs
/// on the session it is given (inside Database::read or Database::write).
namespace organisation_store {

/// Inserts the organisation and its centre links. Throws Error{kConflict,
/// "siret"} when another organisation has the SIRET.
void insert(SqlSession& sql, const domain::Organisation& organisation, const std::string& now);
/// Rewrites every column but id, kind and created_at, and the centre links.
/// Same conflict as insert().
void update(SqlSession& sql, const domain::Organisation& organisation, const std::string& now);
/// With centre_ids filled for a company.
std::optional<domain::Organisation> find(SqlSession& sql, const std::string& id);
/// Up to `limit` organisations after `after`, by name then id.
std::vector<domain::Organisation> list(SqlSession& sql, const OrganisationFilter& filter,
                                       const std::optional<OrganisationCursor>& after, int limit);
std::int64_t count(SqlSession& sql);
/// Links a company with a centre (kept if it already is).
void linkCompanyToCentre(SqlSession& sql, const std::string& company_id, const std::string& centre_id);

}  // namespace organisation_store
}  // namespace cqpm::store
