#include "http/admin_presenters.h"

#include <Poco/JSON/Parser.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Object;

Object::Ptr accountJson(const admin::AccountView& account) {
  const domain::UserAccount& user = account.user;
  Object::Ptr json = new Object;
  json->set("id", user.id);
  json->set("login", user.login);
  json->set("display_name", user.display_name);
  json->set("email", user.email);
  json->set("role", std::string(domain::roleName(user.role)));
  json->set("college", user.college ? Poco::Dynamic::Var(std::string(domain::collegeName(*user.college)))
                                    : Poco::Dynamic::Var());
  Object::Ptr organisation = new Object;
  organisation->set("id", account.organisation.id);
  organisation->set("name", account.organisation.name);
  organisation->set("kind", std::string(domain::organisationKindName(account.organisation.kind)));
  json->set("organisation", organisation);
  json->set("active", user.active);
  json->set("password_set", user.passwordSet());
  json->set("status", !user.active ? "inactive" : user.passwordSet() ? "active" : "invited");
  json->set("created_at", user.created_at);
  json->set("updated_at", user.updated_at);
  return json;
}

Object::Ptr issuedLinkJson(const admin::IssuedLink& link) {
  Object::Ptr json = new Object;
  json->set("delivery", link.delivery);
  json->set("expires_at", link.expires_at);
  return json;
}

Object::Ptr adminLogEntryJson(const store::AdminLogEntry& entry) {
  Object::Ptr json = new Object;
  json->set("seq", entry.seq);
  json->set("at", entry.at);
  if (entry.actor_id) {
    Object::Ptr actor = new Object;
    actor->set("id", *entry.actor_id);
    actor->set("label", entry.actor_label);
    json->set("actor", actor);
  } else {
    json->set("actor", Poco::Dynamic::Var());
  }
  json->set("actor_label", entry.actor_label);
  json->set("action", entry.action);
  Object::Ptr target = new Object;
  target->set("kind", entry.target_kind);
  target->set("id", entry.target_id);
  target->set("label", entry.target_label);
  json->set("target", target);
  json->set("centre_id", nullable(entry.centre_id));
  Poco::Dynamic::Var details;
  try {
    details = Poco::JSON::Parser().parse(entry.details_json);
  } catch (const Poco::Exception&) {
    details = entry.details_json;  // the log is shown as written, even if it cannot be read as JSON
  }
  json->set("details", details);
  json->set("prev_hash", entry.prev_hash);
  json->set("hash", entry.hash);
  return json;
}

}  // namespace cqpm::http
