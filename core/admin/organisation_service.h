#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/actor.h"
#include "domain/organisation.h"
#include "store/database.h"
#include "store/organisation_store.h"

namespace cqpm::admin {

/// The fields of an organisation a request sets. On creation `kind` and
/// `name` are required and the kind's own fields are checked; on a change
/// only the fields present are touched.
struct OrganisationFields {
  std::optional<domain::OrganisationKind> kind;  ///< creation only
  std::optional<std::string> name;
  std::optional<std::string> region;                     ///< centres
  std::optional<std::vector<std::string>> departements;  ///< centres
  std::optional<std::string> siret;                      ///< companies; spaces allowed
  std::optional<std::string> address;                    ///< companies; empty clears it
  std::optional<std::vector<std::string>> centre_ids;    ///< companies
  std::optional<bool> active;                            ///< changes only: deactivation, reactivation
};

/// The answer to a creation: a coordinator who "creates" a company that
/// exists (same SIRET) gets the existing one, now working with their centre.
struct CreatedOrganisation {
  domain::Organisation organisation;
  bool created = true;  ///< false: an existing company, linked
};

/// A page of organisations.
struct OrganisationPage {
  std::vector<domain::Organisation> items;
  std::optional<std::string> next_cursor;
};

/// Creating, describing, listing and deactivating organisations, within what
/// access/policy lets the actor administer or see. An organisation the actor
/// may not see is "not found" (404); one they see but may not change is
/// Error{kForbidden}. Every change is an act of the administration log.
/// Thread-safe.
class OrganisationService {
 public:
  /// `on_deactivated(organisation_id)` runs after a deactivation is committed
  /// (the server closes its members' live streams).
  OrganisationService(store::Database& db, Clock clock,
                      std::function<void(const std::string&)> on_deactivated = {})
      : db_(db), clock_(std::move(clock)), on_deactivated_(std::move(on_deactivated)) {}

  /// Throws Error{kInvalidField} naming the field, Error{kConflict, "siret"},
  /// Error{kForbidden}. A coordinator's new company works with their centre.
  CreatedOrganisation create(const domain::Actor& actor, const OrganisationFields& fields);
  /// Same errors, plus Error{kNotFound}. Deactivating revokes the sessions of
  /// the organisation's accounts; a coordinator deactivates only a company
  /// that works with no other centre, and changes only their own centre's link.
  domain::Organisation update(const domain::Actor& actor, const std::string& id,
                              const OrganisationFields& fields);
  domain::Organisation get(const domain::Actor& actor, const std::string& id);
  /// `limit` 1..100; Error{kInvalidField, "cursor"} for a cursor not issued here.
  OrganisationPage list(const domain::Actor& actor, store::OrganisationFilter filter,
                        const std::string& cursor, int limit);

 private:
  store::Database& db_;
  Clock clock_;
  std::function<void(const std::string&)> on_deactivated_;
};

}  // namespace cqpm::admin
