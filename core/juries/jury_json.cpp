#include "juries/jury_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace cqpm::juries {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Var optional(const std::optional<std::string>& value) { return value ? Var(*value) : Var(); }

}  // namespace

Var parsedColumn(const std::string& text) { return Poco::JSON::Parser().parse(text); }

Object::Ptr sessionJson(const store::JurySessionRecord& session) {
  Object::Ptr json = new Object;
  json->set("id", session.id);
  Object::Ptr centre = new Object;
  centre->set("id", session.centre_id);
  centre->set("name", session.centre_name);
  json->set("centre", centre);
  json->set("date", session.session_date);
  json->set("time", optional(session.session_time));
  json->set("place", session.place);
  json->set("state", session.state);
  json->set("created_at", session.created_at);
  json->set("opened_at", optional(session.opened_at));
  json->set("closed_at", optional(session.closed_at));
  json->set("published_at", optional(session.published_at));
  return json;
}

Object::Ptr memberJson(const store::JuryMemberRecord& member) {
  Object::Ptr json = new Object;
  json->set("user_id", member.user_id);
  json->set("display_name", member.display_name);
  json->set("college", member.college);
  if (member.company_id) {
    Object::Ptr company = new Object;
    company->set("id", *member.company_id);
    company->set("name", member.company_name.value_or(""));
    json->set("company", company);
  } else {
    json->set("company", Var());
  }
  json->set("present", member.present);
  return json;
}

Object::Ptr decisionJson(const store::JuryDecisionRecord& decision,
                         const std::vector<store::AwardRecord>& awards) {
  Object::Ptr json = new Object;
  json->set("id", decision.id);
  json->set("session_id", decision.session_id);
  json->set("file_id", decision.file_id);
  json->set("cqpm", decision.cqpm);
  json->set("outcome", decision.outcome);
  json->set("blocs", parsedColumn(decision.blocs_json));
  json->set("proposal", parsedColumn(decision.proposal_json));
  json->set("overrides_proposal", decision.overrides_proposal);
  json->set("reason", decision.reason);
  json->set("members", parsedColumn(decision.members_json));
  json->set("abstentions", parsedColumn(decision.abstentions_json));
  json->set("competencies", decision.competencies_json ? parsedColumn(*decision.competencies_json) : Var());
  Object::Ptr referential = new Object;
  referential->set("version", decision.referential_version ? Var(*decision.referential_version) : Var());
  referential->set("commit", optional(decision.referential_commit));
  json->set("referential", referential);
  Object::Ptr decided_by = new Object;
  decided_by->set("id", decision.decided_by);
  decided_by->set("display_name", decision.decided_by_name);
  json->set("decided_by", decided_by);
  json->set("decided_at", decision.decided_at);
  json->set("revoked", decision.revoked_at.has_value());
  if (decision.revoked_at) {
    Object::Ptr revocation = new Object;
    Object::Ptr by = new Object;
    by->set("id", decision.revoked_by.value_or(""));
    by->set("display_name", decision.revoked_by_name.value_or(""));
    revocation->set("by", by);
    revocation->set("at", *decision.revoked_at);
    revocation->set("reason", decision.revocation_reason.value_or(""));
    json->set("revocation", revocation);
  } else {
    json->set("revocation", Var());
  }
  Array::Ptr items = new Array;
  for (const auto& award : awards) {
    Object::Ptr item = new Object;
    item->set("id", award.id);
    item->set("kind", award.kind);
    item->set("verification_code", award.verification_code);
    items->add(item);
  }
  json->set("awards", items);
  return json;
}

}  // namespace cqpm::juries
