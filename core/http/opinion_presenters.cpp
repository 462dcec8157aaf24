#include "http/opinion_presenters.h"

#include <Poco/JSON/Array.h>

#include <map>
#include <string>
#include <vector>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Array::Ptr opinionAnswersJson(const std::map<std::string, opinion::OpinionAnswer>& answers,
                              const std::vector<opinion::ReferentialItem>& items,
                              const std::string& key_name) {
  Array::Ptr list = new Array;
  for (const auto& item : items) {
    Object::Ptr entry = new Object;
    entry->set(key_name, item.key);
    entry->set("title", item.title);
    const auto found = answers.find(item.key);
    const bool answered = found != answers.end();
    entry->set("value", answered ? nullable(found->second.value) : Poco::Dynamic::Var());
    entry->set("comment", answered ? found->second.comment : std::string());
    list->add(entry);
  }
  return list;
}

Poco::Dynamic::Var opinionUserJson(const std::optional<opinion::OpinionUser>& user) {
  if (!user) return {};
  Object::Ptr json = new Object;
  json->set("id", user->id);
  json->set("display_name", user->display_name);
  return json;
}

Object::Ptr opinionVersionJson(const opinion::OpinionVersion& version, const opinion::OpinionForm& form) {
  Object::Ptr json = new Object;
  json->set("activities", opinionAnswersJson(version.content.activities, form.activities, "index"));
  json->set("competencies", opinionAnswersJson(version.content.competencies, form.competencies, "number"));
  json->set("text", version.content.text);
  json->set("version", version.version);
  json->set("state", version.state);
  json->set("updated_by", opinionUserJson(version.updated_by));
  json->set("updated_at", nullable(version.updated_at));
  json->set("signed_by", opinionUserJson(version.signed_by));
  json->set("signed_at", nullable(version.signed_at));
  json->set("etag", version.etag);
  return json;
}

Array::Ptr opinionValuesJson() {
  Array::Ptr values = new Array;
  for (const auto& [id, label] : opinion::kOpinionValues) {
    Object::Ptr value = new Object;
    value->set("id", std::string(id));
    value->set("label", std::string(label));
    values->add(value);
  }
  return values;
}

}  // namespace

Object::Ptr companyOpinionJson(const opinion::CompanyOpinionView& opinion) {
  Object::Ptr body = new Object;
  body->set("file_id", opinion.file_id);
  body->set("required", opinion.required);
  body->set("editable", opinion.editable);
  body->set("values", opinionValuesJson());
  body->set("state", nullable(opinion.state));
  body->set("current", opinion.current
                           ? Poco::Dynamic::Var(opinionVersionJson(*opinion.current, opinion.form))
                           : Poco::Dynamic::Var());
  Array::Ptr history = new Array;
  for (const auto& version : opinion.history) history->add(opinionVersionJson(version, opinion.form));
  body->set("history", history);
  return body;
}

}  // namespace cqpm::http
