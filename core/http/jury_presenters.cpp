#include "http/jury_presenters.h"

#include <Poco/JSON/Parser.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// {id, name} of the company a person or a file comes from, or null.
Var companyOrNull(const std::optional<std::string>& id, const std::optional<std::string>& name) {
  if (!id) return Var();
  Object::Ptr company = new Object;
  company->set("id", *id);
  company->set("name", name.value_or(""));
  return company;
}

// A JSON column the decision froze, parsed (an object or an array).
Var storedColumn(const std::string& text) { return Poco::JSON::Parser().parse(text); }

Object::Ptr sessionFileJson(const juries::SessionFile& item) {
  const domain::CandidateFile& file = item.file.file;
  Object::Ptr json = new Object;
  json->set("id", file.id);
  Object::Ptr candidate = new Object;
  candidate->set("given_name", file.candidate.given_name);
  candidate->set("family_name", file.candidate.family_name);
  json->set("candidate", candidate);
  Object::Ptr cqpm = new Object;
  cqpm->set("id", file.cqpm);
  cqpm->set("title", item.cqpm_title);
  json->set("cqpm", cqpm);
  json->set("pathway", std::string(domain::pathwayName(file.pathway)));
  json->set("company", companyOrNull(file.company_id, item.file.company_name));
  json->set("state", file.state);
  json->set("version", file.version);
  json->set("referential_version", nullable(file.referential_version));
  json->set("abstaining", arrayOf(item.bench.abstaining, juryMemberJson));
  Object::Ptr quorum = new Object;
  quorum->set("met", item.bench.quorate());
  Array::Ptr missing = new Array;
  for (const auto& college : item.bench.missing_colleges) missing->add(college);
  quorum->set("missing_colleges", missing);
  json->set("quorum", quorum);
  json->set("decision", item.decision ? Var(juryDecisionJson(*item.decision)) : Var());
  json->set("proposal", item.proposal ? Var(juries::proposalJson(*item.proposal)) : Var());
  if (item.proposal_error) json->set("proposal_error", *item.proposal_error);
  return json;
}

}  // namespace

Object::Ptr jurySessionJson(const store::JurySessionRecord& session) {
  Object::Ptr json = new Object;
  json->set("id", session.id);
  Object::Ptr centre = new Object;
  centre->set("id", session.centre_id);
  centre->set("name", session.centre_name);
  json->set("centre", centre);
  json->set("date", session.session_date);
  json->set("time", nullable(session.session_time));
  json->set("place", session.place);
  json->set("state", session.state);
  json->set("created_at", session.created_at);
  json->set("opened_at", nullable(session.opened_at));
  json->set("closed_at", nullable(session.closed_at));
  json->set("published_at", nullable(session.published_at));
  return json;
}

Array::Ptr jurySessionsJson(const std::vector<store::JurySessionRecord>& sessions) {
  return arrayOf(sessions, jurySessionJson);
}

Object::Ptr juryMemberJson(const store::JuryMemberRecord& member) {
  Object::Ptr json = new Object;
  json->set("user_id", member.user_id);
  json->set("display_name", member.display_name);
  json->set("college", member.college);
  json->set("company", companyOrNull(member.company_id, member.company_name));
  json->set("present", member.present);
  return json;
}

Object::Ptr jurySessionViewJson(const juries::JurySessionView& view) {
  Object::Ptr json = jurySessionJson(view.session);
  json->set("members", arrayOf(view.members, juryMemberJson));
  Array::Ptr missing = new Array;
  for (const auto& college : view.missing_colleges) missing->add(college);
  json->set("missing_colleges", missing);
  json->set("files", arrayOf(view.files, sessionFileJson));
  Var president;
  if (view.president) {
    Object::Ptr item = new Object;
    item->set("user_id", view.president->user_id);
    item->set("display_name", view.president->display_name);
    president = item;
  }
  json->set("president", president);
  json->set("signatures", arrayOf(view.signatures, [](const store::JurySignatureRecord& signature) {
              Object::Ptr item = new Object;
              item->set("user_id", signature.user_id);
              item->set("display_name", signature.display_name);
              item->set("college", signature.college);
              item->set("signed_at", signature.signed_at);
              return item;
            }));
  json->set("errata", arrayOf(view.errata, [](const store::JuryErratumRecord& erratum) {
              Object::Ptr item = new Object;
              item->set("text", erratum.text);
              item->set("recorded_by", erratum.recorded_by_name);
              item->set("recorded_at", erratum.recorded_at);
              return item;
            }));
  if (view.available_members) {
    json->set("available_members",
              arrayOf(*view.available_members, [](const juries::InvitableMember& member) {
                Object::Ptr item = new Object;
                item->set("id", member.user_id);
                item->set("display_name", member.display_name);
                item->set("college", member.college);
                return item;
              }));
  }
  return json;
}

Object::Ptr juryDecisionJson(const juries::DecisionView& view) {
  const store::JuryDecisionRecord& decision = view.decision;
  Object::Ptr json = new Object;
  json->set("id", decision.id);
  json->set("session_id", decision.session_id);
  json->set("file_id", decision.file_id);
  json->set("cqpm", decision.cqpm);
  json->set("outcome", decision.outcome);
  json->set("blocs", storedColumn(decision.blocs_json));
  json->set("proposal", storedColumn(decision.proposal_json));
  json->set("overrides_proposal", decision.overrides_proposal);
  json->set("reason", decision.reason);
  json->set("members", storedColumn(decision.members_json));
  json->set("abstentions", storedColumn(decision.abstentions_json));
  json->set("competencies", decision.competencies_json ? storedColumn(*decision.competencies_json) : Var());
  Object::Ptr referential = new Object;
  referential->set("version", nullable(decision.referential_version));
  referential->set("commit", nullable(decision.referential_commit));
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
  json->set("awards", arrayOf(view.awards, [](const store::AwardRecord& award) {
              Object::Ptr item = new Object;
              item->set("id", award.id);
              item->set("kind", award.kind);
              item->set("verification_code", award.verification_code);
              return item;
            }));
  return json;
}

Array::Ptr juryDecisionsJson(const std::vector<juries::DecisionView>& views) {
  return arrayOf(views, juryDecisionJson);
}

Object::Ptr fileProposalJson(const juries::FileProposal& proposal) {
  Object::Ptr json = juries::proposalJson(proposal.proposal);
  json->set("file_id", proposal.file_id);
  json->set("session_id", proposal.session_id);
  return json;
}

}  // namespace cqpm::http
