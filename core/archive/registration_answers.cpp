#include "archive/registration_answers.h"

#include <Poco/JSON/Parser.h>

#include <set>

#include "common/json_text.h"
#include "deadlines/paris_time.h"
#include "referential_model/referential_fields.h"

namespace cqpm::archive {

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr const char* kUnanswered = "Non renseigné";

std::string answerOf(const Var& value) {
  if (value.isString()) return value.extract<std::string>();
  if (value.isEmpty()) return kUnanswered;
  if (value.type() == typeid(bool)) return value.extract<bool>() ? "Oui" : "Non";
  if (value.isNumeric()) return value.toString();
  return toJsonText(value);
}

// The label of choice `id` among the field's [{id, label}], or the id itself.
std::string choiceLabel(const Object::Ptr& field, const std::string& id) {
  const Array::Ptr choices = referential_model::asArray(field->get("choices"));
  if (choices) {
    for (std::size_t i = 0; i < choices->size(); ++i) {
      const Object::Ptr choice = referential_model::asObject(choices->get(i));
      if (choice && choice->optValue<std::string>("id", "") == id)
        return choice->optValue<std::string>("label", id);
    }
  }
  return id;
}

// « B1V, délivrée par X, valable jusqu'au 30/06/2029 ».
std::string credentialText(const Object::Ptr& credential) {
  std::string text = credential->optValue<std::string>("symbol", "?");
  const std::string issuer = credential->optValue<std::string>("issuer", "");
  const std::string until = credential->optValue<std::string>("valid_until", "");
  if (!issuer.empty()) text += ", délivrée par " + issuer;
  if (!until.empty()) text += ", valable jusqu’au " + deadlines::frenchDate(until);
  return text;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string answerText(const Object::Ptr& field, const Var& value) {
  const std::string type = field->optValue<std::string>("type", "");
  if (value.isEmpty()) return kUnanswered;
  if (type == "choice" && value.isString()) return choiceLabel(field, value.extract<std::string>());
  const Array::Ptr items = referential_model::asArray(value);
  if (!items) return answerOf(value);
  if (items->size() == 0) return "Aucune";
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Var item = items->get(i);
    const Object::Ptr object = referential_model::asObject(item);
    if (type == "credential_list" && object) {
      parts.push_back(credentialText(object));
    } else if (type == "choices" && item.isString()) {
      parts.push_back(choiceLabel(field, item.extract<std::string>()));
    } else {
      parts.push_back(answerOf(item));
    }
  }
  return joined(parts, type == "credential_list" ? " ; " : ", ");
}

}  // namespace

std::vector<RegistrationAnswer> registrationAnswers(const Array::Ptr& fields,
                                                    const std::string& registration_json) {
  Object::Ptr answers;
  try {
    answers = referential_model::asObject(Poco::JSON::Parser().parse(registration_json));
  } catch (const Poco::Exception&) {
    answers = nullptr;  // printed as nothing answered rather than refusing the whole archive
  }
  if (!answers) answers = new Object;
  std::vector<RegistrationAnswer> out;
  std::set<std::string> asked;
  for (std::size_t i = 0; fields && i < fields->size(); ++i) {
    const Object::Ptr field = referential_model::asObject(fields->get(i));
    if (!field) continue;
    const std::string id = field->optValue<std::string>("id", "");
    asked.insert(id);
    out.push_back({field->optValue<std::string>("label", id), answerText(field, answers->get(id))});
  }
  for (const auto& [id, value] : *answers) {
    if (!asked.contains(id)) out.push_back({id, answerOf(value)});
  }
  return out;
}

}  // namespace cqpm::archive
