#include "http/transfer_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

namespace {

using Poco::JSON::Object;

Object::Ptr centreJson(const std::string& id, const std::string& name) {
  Object::Ptr centre = new Object;
  centre->set("id", id);
  centre->set("name", name);
  return centre;
}

// A person's id and name, or null when there is none (an unanswered transfer).
Poco::Dynamic::Var personJson(const std::optional<std::string>& id, const std::optional<std::string>& name) {
  if (!id) return Poco::Dynamic::Var();
  Object::Ptr person = new Object;
  person->set("id", *id);
  person->set("display_name", name.value_or(""));
  return person;
}

}  // namespace

Object::Ptr transferJson(const store::StoredTransfer& transfer) {
  Object::Ptr json = new Object;
  json->set("id", transfer.id);
  Object::Ptr file = new Object;
  file->set("id", transfer.file_id);
  file->set("candidate_name", transfer.candidate_name);
  file->set("cqpm", transfer.cqpm);
  file->set("state", transfer.file_state);
  json->set("file", file);
  json->set("from_centre", centreJson(transfer.from_centre_id, transfer.from_centre_name));
  json->set("to_centre", centreJson(transfer.to_centre_id, transfer.to_centre_name));
  json->set("reason", transfer.reason);
  json->set("state", transfer.state);
  json->set("proposed_by", personJson(transfer.proposed_by, transfer.proposed_by_name));
  json->set("proposed_at", transfer.proposed_at);
  json->set("answered_by", personJson(transfer.decided_by, transfer.decided_by_name));
  json->set("answered_at", nullable(transfer.decided_at));
  json->set("answer", nullable(transfer.decision_reason));
  return json;
}

Object::Ptr transferListJson(const std::vector<store::StoredTransfer>& transfers) {
  Poco::JSON::Array::Ptr items = arrayOf(transfers, transferJson);
  Object::Ptr json = new Object;
  json->set("items", items);
  return json;
}

}  // namespace cqpm::http
