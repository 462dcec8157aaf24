#include "opinion/opinion_content.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <set>

#include "common/error.h"
#include "common/input_rules.h"
#include "common/json_text.h"

namespace cqpm::opinion {

using Poco::JSON::Object;

namespace {

// Characters, not bytes: limits are announced to people in characters.
constexpr TextLimit kOpinionComment{2000, true};
constexpr TextLimit kOpinionText{10000, true};
constexpr TextLimit kOpinionKey{32};

bool isOpinionValue(const std::string& value) {
  for (const auto& [id, label] : kOpinionValues) {
    if (id == value) return true;
  }
  return false;
}

Error invalid(const std::string& field, const std::string& message) {
  return Error(ErrorCode::kInvalidField, field + " " + message, field);
}

// The key of an entry: "index" of an activity, "number" of a competency, as a
// string or an integer ("3" or 3).
std::string keyOf(const Object::Ptr& entry, const std::string& key_name, const std::string& path) {
  const auto key = entry->get(key_name);
  if (key.isInteger() && !key.isBoolean()) return std::to_string(key.convert<long long>());
  if (key.isString()) return checkedText(key, path + "." + key_name, kOpinionKey);
  throw invalid(path + "." + key_name, "is required");
}

std::map<std::string, OpinionAnswer> parseList(const Object::Ptr& body, const std::string& list_name,
                                               const std::string& key_name,
                                               const std::vector<ReferentialItem>& items) {
  std::map<std::string, OpinionAnswer> answers;
  if (!body->has(list_name) || body->isNull(list_name)) return answers;
  const auto list = body->getArray(list_name);
  if (!list) throw invalid(list_name, "must be a list");
  if (list->size() > items.size() + 10) {
    throw invalid(list_name, "holds more entries than the referential has " + list_name);
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = list_name + "[" + std::to_string(i) + "]";
    const auto entry = list->getObject(static_cast<unsigned>(i));
    if (!entry) throw invalid(path, "must be an object");
    const std::string key = keyOf(entry, key_name, path);
    if (!findItem(items, key)) {
      throw invalid(path + "." + key_name, "'" + printable(key) + "' is not one of the referential's " +
                                               list_name + " (1.." + std::to_string(items.size()) + ")");
    }
    if (answers.count(key)) throw invalid(path + "." + key_name, "'" + key + "' is given twice");
    const std::string field = list_name + "." + key;
    OpinionAnswer answer;
    if (entry->has("value") && !entry->isNull("value")) {
      const auto value = entry->get("value");
      if (!value.isString() || !isOpinionValue(value.extract<std::string>())) {
        throw invalid(field + ".value", "must be favourable, reserved, unfavourable or null");
      }
      answer.value = value.extract<std::string>();
    }
    if (entry->has("comment") && !entry->isNull("comment")) {
      answer.comment = checkedText(entry->get("comment"), field + ".comment", kOpinionComment, true);
    }
    answers[key] = answer;
  }
  return answers;
}

void storeAnswers(const std::map<std::string, OpinionAnswer>& answers, const std::string& name,
                  Object& into) {
  Object::Ptr object = new Object;
  for (const auto& [key, answer] : answers) {
    if (!answer.value && answer.comment.empty()) continue;
    Object::Ptr item = new Object;
    item->set("value", nullable(answer.value));
    item->set("comment", answer.comment);
    object->set(key, item);
  }
  into.set(name, object);
}

std::map<std::string, OpinionAnswer> readAnswers(const Object::Ptr& stored, const std::string& name) {
  std::map<std::string, OpinionAnswer> answers;
  const auto object = stored->getObject(name);
  if (!object) return answers;
  for (const auto& [key, value] : *object) {
    const auto item = object->getObject(key);
    if (!item) continue;
    OpinionAnswer answer;
    if (item->has("value") && item->get("value").isString())
      answer.value = item->getValue<std::string>("value");
    if (item->has("comment") && item->get("comment").isString()) {
      answer.comment = item->getValue<std::string>("comment");
    }
    answers[key] = answer;
  }
  return answers;
}

}  // namespace

OpinionContent parseOpinionRequest(const Object::Ptr& body, const OpinionForm& form) {
  OpinionContent content;
  content.activities = parseList(body, "activities", "index", form.activities);
  content.competencies = parseList(body, "competencies", "number", form.competencies);
  if (body->has("text") && !body->isNull("text")) {
    content.text = checkedText(body->get("text"), "text", kOpinionText, true);
  }
  return content;
}

std::string storedJson(const OpinionContent& content) {
  Object::Ptr stored = new Object;
  storeAnswers(content.activities, "activities", *stored);
  storeAnswers(content.competencies, "competencies", *stored);
  stored->set("text", content.text);
  return toJsonText(stored);
}

OpinionContent parseStoredJson(const std::string& json) {
  OpinionContent content;
  Object::Ptr stored;
  try {
    stored = Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
  } catch (const Poco::Exception&) {
    return content;
  }
  if (!stored) return content;
  content.activities = readAnswers(stored, "activities");
  content.competencies = readAnswers(stored, "competencies");
  if (stored->has("text") && stored->get("text").isString())
    content.text = stored->getValue<std::string>("text");
  return content;
}

std::optional<std::string> firstMissing(const OpinionContent& content, const OpinionForm& form,
                                        std::string* title) {
  const auto scan = [&](const std::map<std::string, OpinionAnswer>& answers,
                        const std::vector<ReferentialItem>& items,
                        const std::string& name) -> std::optional<std::string> {
    for (const auto& item : items) {
      const auto found = answers.find(item.key);
      if (found == answers.end() || !found->second.value) {
        if (title) *title = item.title;
        return name + "." + item.key;
      }
    }
    return std::nullopt;
  };
  if (auto missing = scan(content.activities, form.activities, "activities")) return missing;
  return scan(content.competencies, form.competencies, "competencies");
}

}  // namespace cqpm::opinion
