#include "http/deadline_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Object::Ptr deadlinePersonJson(const std::string& id, const std::string& name) {
  Object::Ptr person = new Object;
  person->set("id", id);
  person->set("display_name", name);
  return person;
}

}  // namespace

Object::Ptr deadlineJson(const deadlines::DeadlineView& view) {
  const store::DeadlineRecord& deadline = view.deadline;
  Object::Ptr json = new Object;
  json->set("kind", deadline.kind);
  json->set("due", deadline.due_date);
  json->set("due_at", deadline.due_at);
  json->set("time_zone", "Europe/Paris");
  json->set("passed", view.passed);
  json->set("set_due", deadline.set_due_date);
  json->set("set_by", deadlinePersonJson(deadline.set_by, deadline.set_by_name));
  json->set("set_at", deadline.set_at);
  Array::Ptr extensions = new Array;
  for (const auto& extension : deadline.extensions) {
    Object::Ptr item = new Object;
    item->set("number", extension.number);
    item->set("from", extension.from_date);
    item->set("until", extension.until_date);
    item->set("reason", extension.reason);
    item->set("extended_by", deadlinePersonJson(extension.extended_by, extension.extended_by_name));
    item->set("extended_at", extension.extended_at);
    extensions->add(item);
  }
  json->set("extensions", extensions);
  return json;
}

Object::Ptr deadlineListJson(const std::vector<deadlines::DeadlineView>& views) {
  Array::Ptr items = arrayOf(views, deadlineJson);
  Object::Ptr json = new Object;
  json->set("items", items);
  return json;
}

}  // namespace cqpm::http
