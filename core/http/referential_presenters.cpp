#include "http/referential_presenters.h"

#include <Poco/JSON/Parser.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr versionJson(const store::ReferentialVersion& version) {
  Object::Ptr json = new Object;
  json->set("version", version.number);
  json->set("commit", version.commit_id);
  json->set("tag", version.tag);
  json->set("author", version.author_name);
  json->set("email", version.author_email);
  json->set("published_at", version.published_at);
  json->set("reason", version.reason);
  json->set("approvers", Poco::JSON::Parser().parse(version.approvers_json));
  return json;
}

Array::Ptr changesToJson(const std::vector<referentials::Change>& changes) {
  Array::Ptr array = new Array;
  for (const auto& change : changes) {
    Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("kind", change.kind);
    object->set("action", change.action);
    object->set("path", change.path);
    object->set("competency", nullable(change.competency));
    object->set("bloc", nullable(change.bloc));
    object->set("group", change.group.empty() ? Var() : Var(change.group));
    object->set("old_value", change.old_value);
    object->set("new_value", change.new_value);
    object->set("from_index", nullable(change.from_index));
    object->set("to_index", nullable(change.to_index));
    array->add(object);
  }
  return array;
}

Array::Ptr blameToJson(const std::vector<referentials::BlameEntry>& entries) {
  Array::Ptr array = new Array;
  for (const auto& entry : entries) {
    Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("kind", entry.kind);
    object->set("path", entry.path);
    object->set("bloc", entry.bloc);
    object->set("competency", entry.competency > 0 ? Var(entry.competency) : Var());
    object->set("group", entry.group.empty() ? Var() : Var(entry.group));
    object->set("index", entry.index >= 0 ? Var(entry.index) : Var());
    object->set("text", entry.kind == "bloc_code" && entry.text.empty() ? Var() : Var(entry.text));
    object->set("version", entry.version);
    array->add(object);
  }
  return array;
}

Object::Ptr diffJson(const referentials::VersionDiff& diff) {
  Object::Ptr body = new Object;
  body->set("cqpm", diff.cqpm);
  body->set("from", versionJson(diff.from));
  body->set("to", versionJson(diff.to));
  body->set("changes", changesToJson(diff.changes));
  return body;
}

Object::Ptr pinnedFilesJson(const referentials::PinnedFiles& pinned) {
  Object::Ptr by_state = new Object;
  Array::Ptr rows = new Array;
  for (const auto& row : pinned.by_centre_and_state) {
    by_state->set(row.state,
                  (by_state->has(row.state) ? by_state->getValue<std::int64_t>(row.state) : 0) + row.count);
    Object::Ptr item = new Object;
    item->set("centre_id", row.centre_id);
    item->set("centre", row.centre);
    item->set("state", row.state);
    item->set("count", row.count);
    rows->add(item);
  }
  Object::Ptr body = new Object;
  body->set("cqpm", pinned.cqpm);
  body->set("version", pinned.version);
  body->set("total", pinned.total);
  body->set("by_state", by_state);
  body->set("by_centre_and_state", rows);
  return body;
}

Object::Ptr proposalSummaryJson(const store::ReferentialProposal& proposal) {
  Object::Ptr json = new Object;
  json->set("id", proposal.id);
  json->set("cqpm", proposal.cqpm);
  json->set("state", proposal.state);
  json->set("reason", proposal.reason);
  json->set("base_version", proposal.base_version);
  json->set("base_commit", proposal.base_commit);
  json->set("commit", proposal.proposal_commit);
  json->set("ref", proposal.git_ref);
  Object::Ptr proposer = new Object;
  proposer->set("id", proposal.proposer_id);
  proposer->set("display_name", proposal.proposer_name);
  json->set("proposer", proposer);
  json->set("created_at", proposal.created_at);
  json->set("decided_at", nullable(proposal.decided_at));
  json->set("rejection_reason", nullable(proposal.rejection_reason));
  json->set("published_version", nullable(proposal.published_version));
  return json;
}

Object::Ptr proposalJson(const referentials::ProposalView& view) {
  Object::Ptr body = proposalSummaryJson(view.proposal);
  Array::Ptr approvals = new Array;
  Object::Ptr colleges = new Object;
  for (const auto& approval : view.approvals) {
    Object::Ptr item = new Object;
    item->set("user_id", approval.user_id);
    item->set("display_name", approval.display_name);
    item->set("college", approval.college);
    item->set("approved_at", approval.approved_at);
    approvals->add(item);
    colleges->set(approval.college, approval.display_name);
  }
  body->set("approvals", approvals);
  body->set("colleges", colleges);
  body->set("changes", changesToJson(view.changes));
  body->set("referential", view.referential);
  body->set("impact", pinnedFilesJson(view.impact));
  return body;
}

}  // namespace cqpm::http
