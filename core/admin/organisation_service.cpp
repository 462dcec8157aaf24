#include "admin/organisation_service.h"

#include <Poco/JSON/Array.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>

#include "access/policy.h"
#include "admin/admin_log.h"
#include "admin/french_territory.h"
#include "common/clock.h"
#include "common/page_cursor.h"
#include "common/siret.h"
#include "common/text_fields.h"
#include "store/account_store.h"

namespace cqpm::admin {

using domain::Organisation;
using domain::OrganisationKind;

namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxAddress = 500;

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

Poco::JSON::Array::Ptr jsonList(const std::vector<std::string>& values) {
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  for (const auto& value : values) array->add(value);
  return array;
}

// Applies the fields present to `organisation`, checking each against its kind.
void applyFields(store::SqlSession& sql, const OrganisationFields& fields, Organisation& organisation) {
  const OrganisationKind kind = organisation.kind;
  auto refuseForKind = [&](const char* field) {
    throw Error(
        ErrorCode::kInvalidField,
        std::string(field) + " does not apply to a " + std::string(domain::organisationKindName(kind)),
        field);
  };
  if (fields.name) {
    requireText(*fields.name, "name", kMaxName);
    organisation.name = *fields.name;
  }
  if (fields.region) {
    if (kind != OrganisationKind::kCentre) refuseForKind("region");
    if (!isFrenchRegion(*fields.region)) {
      throw Error(ErrorCode::kInvalidField, "region must be one of the 18 régions, as the INSEE writes them",
                  "region");
    }
    organisation.region = *fields.region;
  }
  if (fields.departements) {
    if (kind != OrganisationKind::kCentre) refuseForKind("departements");
    std::vector<std::string> codes;
    for (const auto& code : *fields.departements) {
      if (!isDepartementCode(code)) {
        throw Error(ErrorCode::kInvalidField, "departements: '" + code + "' is not a département code",
                    "departements");
      }
      if (!contains(codes, code)) codes.push_back(code);
    }
    std::sort(codes.begin(), codes.end());
    organisation.departements = codes;
  }
  if (fields.siret) {
    if (kind != OrganisationKind::kCompany) refuseForKind("siret");
    const auto digits = normaliseSiret(*fields.siret);
    if (!digits || !isValidSiret(*digits)) {
      throw Error(ErrorCode::kInvalidField, "siret must be 14 digits with a valid checksum", "siret");
    }
    organisation.siret = *digits;
  }
  if (fields.address) {
    if (kind != OrganisationKind::kCompany) refuseForKind("address");
    if (fields.address->find_first_not_of(" \t\r\n") == std::string::npos) {
      organisation.address.reset();
    } else {
      requireText(*fields.address, "address", kMaxAddress, true);
      organisation.address = *fields.address;
    }
  }
  if (fields.centre_ids) {
    if (kind != OrganisationKind::kCompany) refuseForKind("centre_ids");
    std::vector<std::string> centres;
    for (const auto& id : *fields.centre_ids) {
      const auto centre = store::organisation_store::find(sql, id);
      if (!centre || centre->kind != OrganisationKind::kCentre || !centre->active) {
        throw Error(ErrorCode::kInvalidField, "centre_ids: '" + id + "' is not an active centre",
                    "centre_ids");
      }
      if (!contains(centres, id)) centres.push_back(id);
    }
    organisation.centre_ids = centres;
  }
}

void requireComplete(const Organisation& organisation) {
  if (organisation.kind == OrganisationKind::kCentre) {
    if (!organisation.region) throw Error(ErrorCode::kInvalidField, "a centre needs its region", "region");
    if (organisation.departements.empty()) {
      throw Error(ErrorCode::kInvalidField, "a centre needs the départements of its territory",
                  "departements");
    }
  }
  if (organisation.kind == OrganisationKind::kCompany && !organisation.siret) {
    throw Error(ErrorCode::kInvalidField, "a company needs its SIRET", "siret");
  }
}

// What the log keeps of an organisation.
Poco::JSON::Object::Ptr describe(const Organisation& organisation) {
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("kind", std::string(domain::organisationKindName(organisation.kind)));
  details->set("name", organisation.name);
  details->set("active", organisation.active);
  if (organisation.region) details->set("region", *organisation.region);
  if (!organisation.departements.empty()) details->set("departements", jsonList(organisation.departements));
  if (organisation.siret) details->set("siret", *organisation.siret);
  if (organisation.address) details->set("address", *organisation.address);
  if (organisation.kind == OrganisationKind::kCompany)
    details->set("centre_ids", jsonList(organisation.centre_ids));
  return details;
}

// The centre an act on `organisation` concerns, as `actor` performs it.
std::optional<std::string> centreOf(const domain::Actor& actor, const Organisation& organisation) {
  if (organisation.kind == OrganisationKind::kCentre) return organisation.id;
  if (actor.organisation_kind == OrganisationKind::kCentre) return actor.organisation_id;
  return std::nullopt;
}

Organisation findVisibleOrganisation(store::SqlSession& sql, const domain::Actor& actor,
                                     const std::string& id) {
  auto organisation = store::organisation_store::find(sql, id);
  if (!organisation || !access::maySeeOrganisation(actor, *organisation)) {
    throw Error(ErrorCode::kNotFound, "no organisation " + id);
  }
  return std::move(*organisation);
}

}  // namespace

CreatedOrganisation OrganisationService::create(const domain::Actor& actor,
                                                const OrganisationFields& fields) {
  access::require(actor, access::Permission::kAdministerOrganisations, "create organisations");
  if (!fields.kind) throw Error(ErrorCode::kInvalidField, "kind is required", "kind");
  if (!fields.name) throw Error(ErrorCode::kInvalidField, "name is required", "name");
  if (fields.active) throw Error(ErrorCode::kInvalidField, "a new organisation is active", "active");
  return db_.write([&](store::SqlSession& sql) {
    const std::string now = nowIso8601(clock_);
    Organisation organisation;
    organisation.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    organisation.kind = *fields.kind;
    OrganisationFields checked = fields;
    const bool by_centre = actor.role == domain::Role::kCentreCoordinator;
    if (by_centre && organisation.kind == OrganisationKind::kCompany) {
      // A coordinator's company works with their centre, and with no centre they did not choose for it.
      if (checked.centre_ids && std::any_of(checked.centre_ids->begin(), checked.centre_ids->end(),
                                            [&](const auto& id) { return id != actor.organisation_id; })) {
        throw Error(ErrorCode::kForbidden, "a coordinator links a company to their own centre only",
                    "centre_ids");
      }
      checked.centre_ids = std::vector<std::string>{actor.organisation_id};
    }
    // Whether the actor may create such an organisation at all, before its fields are judged.
    organisation.centre_ids = checked.centre_ids.value_or(std::vector<std::string>{});
    if (!access::mayAdministerOrganisation(actor, organisation)) {
      throw Error(ErrorCode::kForbidden,
                  "a " + std::string(domain::roleName(actor.role)) + " may not create a " +
                      std::string(domain::organisationKindName(organisation.kind)),
                  "kind");
    }
    applyFields(sql, checked, organisation);
    requireComplete(organisation);
    // A company another centre registered already: the coordinator's centre now works with it too.
    if (by_centre && organisation.siret) {
      for (auto existing : store::organisation_store::list(
               sql, {OrganisationKind::kCompany, std::nullopt, *organisation.siret, std::nullopt},
               std::nullopt, 10)) {
        if (existing.siret != organisation.siret) continue;
        if (!existing.active) {
          throw Error(ErrorCode::kConflict, "the company with this SIRET is deactivated", "siret");
        }
        if (!contains(existing.centre_ids, actor.organisation_id)) {
          existing.centre_ids.push_back(actor.organisation_id);
          existing.updated_at = now;
          store::organisation_store::update(sql, existing, now);
          recordAdminAct(sql, adminActorOf(actor),
                         {"organisation_updated", "organisation", existing.id, existing.name,
                          actor.organisation_id, describe(existing)},
                         now);
        }
        return CreatedOrganisation{existing, false};
      }
    }
    organisation.created_at = organisation.updated_at = now;
    store::organisation_store::insert(sql, organisation, now);
    recordAdminAct(sql, adminActorOf(actor),
                   {"organisation_created", "organisation", organisation.id, organisation.name,
                    centreOf(actor, organisation), describe(organisation)},
                   now);
    return CreatedOrganisation{organisation, true};
  });
}

Organisation OrganisationService::update(const domain::Actor& actor, const std::string& id,
                                         const OrganisationFields& fields) {
  if (fields.kind)
    throw Error(ErrorCode::kInvalidField, "the kind of an organisation does not change", "kind");
  bool deactivated = false;
  auto updated = db_.write([&](store::SqlSession& sql) {
    const Organisation before = findVisibleOrganisation(sql, actor, id);
    if (!access::mayAdministerOrganisation(actor, before)) {
      throw Error(ErrorCode::kForbidden, "you may read this organisation but not change it");
    }
    OrganisationFields checked = fields;
    const bool by_centre = actor.role == domain::Role::kCentreCoordinator;
    if (by_centre && checked.centre_ids) {
      // A coordinator adds or removes their own centre's link; the other centres' links stay.
      std::vector<std::string> links;
      for (const auto& centre : before.centre_ids) {
        if (centre != actor.organisation_id) links.push_back(centre);
      }
      for (const auto& centre : *checked.centre_ids) {
        if (centre == actor.organisation_id)
          links.push_back(centre);
        else if (!contains(before.centre_ids, centre)) {
          throw Error(ErrorCode::kForbidden, "a coordinator links a company to their own centre only",
                      "centre_ids");
        }
      }
      checked.centre_ids = links;
    }
    Organisation organisation = before;
    applyFields(sql, checked, organisation);
    requireComplete(organisation);
    if (fields.active) {
      if (!*fields.active && organisation.id == actor.organisation_id) {
        throw Error(ErrorCode::kForbidden, "you cannot deactivate your own organisation", "active");
      }
      if (by_centre && !*fields.active &&
          std::any_of(before.centre_ids.begin(), before.centre_ids.end(),
                      [&](const auto& centre) { return centre != actor.organisation_id; })) {
        throw Error(
            ErrorCode::kForbidden,
            "this company works with other centres too: remove your centre from its centre_ids instead",
            "active");
      }
      organisation.active = *fields.active;
    }
    const std::string now = nowIso8601(clock_);
    organisation.updated_at = now;
    store::organisation_store::update(sql, organisation, now);
    std::string action = "organisation_updated";
    if (before.active && !organisation.active) action = "organisation_deactivated";
    if (!before.active && organisation.active) action = "organisation_reactivated";
    if (action == "organisation_deactivated") {
      deactivated = true;
      store::account_store::revokeSessionsOfOrganisation(sql, organisation.id, now);
    }
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("before", describe(before));
    details->set("after", describe(organisation));
    recordAdminAct(
        sql, adminActorOf(actor),
        {action, "organisation", organisation.id, organisation.name, centreOf(actor, organisation), details},
        now);
    return organisation;
  });
  if (deactivated && on_deactivated_) on_deactivated_(updated.id);
  return updated;
}

Organisation OrganisationService::get(const domain::Actor& actor, const std::string& id) {
  return db_.read([&](store::SqlSession& sql) { return findVisibleOrganisation(sql, actor, id); });
}

OrganisationPage OrganisationService::list(const domain::Actor& actor, store::OrganisationFilter filter,
                                           const std::string& cursor, int limit) {
  if (actor.role != domain::Role::kAdmin) filter.own_id = actor.organisation_id;
  std::optional<store::OrganisationCursor> after;
  if (!cursor.empty()) {
    const auto parts = decodeCursor(cursor, 2);
    after = store::OrganisationCursor{parts[0], parts[1]};
  }
  OrganisationPage page;
  page.items = db_.read(
      [&](store::SqlSession& sql) { return store::organisation_store::list(sql, filter, after, limit + 1); });
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.resize(static_cast<std::size_t>(limit));
    page.next_cursor = encodeCursor({page.items.back().name, page.items.back().id});
  }
  return page;
}

}  // namespace cqpm::admin
