#pragma once

#include <Poco/JSON/Object.h>

#include "admin/account_links.h"
#include "admin/account_service.h"
#include "store/admin_log_store.h"

namespace cqpm::http {

/// JSON shapes of the administration API (schemas/openapi.yaml).

/// An account: id, login, display_name, email, role, college, organisation
/// {id, name, kind}, active, password_set, status (active | invited | inactive), created_at, updated_at.
Poco::JSON::Object::Ptr accountJson(const admin::AccountView& account);
/// How a one-time link left: {delivery, expires_at} (never the link itself).
Poco::JSON::Object::Ptr issuedLinkJson(const admin::IssuedLink& link);
/// An entry of the administration log: seq, at, actor {id, label} or null,
/// action, target {kind, id, label}, centre_id, details, prev_hash, hash.
Poco::JSON::Object::Ptr adminLogEntryJson(const store::AdminLogEntry& entry);

}  // namespace cqpm::http
