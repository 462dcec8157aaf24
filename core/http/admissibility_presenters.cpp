#include "http/admissibility_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

namespace {

using Poco::JSON::Object;

Object::Ptr decisionJson(const store::VaeAdmissibilityRecord& record) {
  Object::Ptr json = new Object;
  json->set("id", record.id);
  json->set("sequence", record.sequence);
  json->set("favourable", record.favourable);
  json->set("reason", record.reason);
  Object::Ptr by = new Object;
  by->set("id", record.decided_by);
  by->set("display_name", record.decided_by_name);
  json->set("decided_by", by);
  json->set("decided_at", record.decided_at);
  return json;
}

}  // namespace

Object::Ptr admissibilityJson(const files::AdmissibilityView& admissibility) {
  Object::Ptr json = new Object;
  json->set("file_id", admissibility.file_id);
  json->set("required", admissibility.required);
  json->set("editable", admissibility.editable);
  json->set("current", admissibility.decisions.empty()
                           ? Poco::Dynamic::Var()
                           : Poco::Dynamic::Var(decisionJson(admissibility.decisions.front())));
  Poco::JSON::Array::Ptr history = arrayOf(admissibility.decisions, decisionJson);
  json->set("history", history);
  return json;
}

}  // namespace cqpm::http
