#include "referential_model/referential_fields.h"

#include "common/error.h"

namespace cqpm::referential_model {

namespace {

[[noreturn]] void wrongType(const std::string& field, const std::string& expected) {
  throw Error(ErrorCode::kInvalidField, "Ce champ du référentiel devrait être " + expected + ".", field);
}

}  // namespace

Poco::JSON::Object::Ptr asObject(const Poco::Dynamic::Var& value) {
  if (value.type() == typeid(Poco::JSON::Object::Ptr)) return value.extract<Poco::JSON::Object::Ptr>();
  if (value.type() == typeid(Poco::JSON::Object)) {
    return new Poco::JSON::Object(value.extract<Poco::JSON::Object>());
  }
  return nullptr;
}

Poco::JSON::Array::Ptr asArray(const Poco::Dynamic::Var& value) {
  if (value.type() == typeid(Poco::JSON::Array::Ptr)) return value.extract<Poco::JSON::Array::Ptr>();
  if (value.type() == typeid(Poco::JSON::Array))
    return new Poco::JSON::Array(value.extract<Poco::JSON::Array>());
  return nullptr;
}

std::string memberPath(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string itemPath(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

std::vector<std::string> textList(const Poco::JSON::Object::Ptr& object, const std::string& key,
                                  const std::string& path) {
  std::vector<std::string> texts;
  if (!object || !object->has(key) || object->isNull(key)) return texts;
  const std::string field = memberPath(path, key);
  const auto array = asArray(object->get(key));
  if (!array) wrongType(field, "une liste de textes");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto item = array->get(static_cast<unsigned>(i));
    if (!item.isString()) wrongType(itemPath(field, i), "un texte");
    texts.push_back(item.convert<std::string>());
  }
  return texts;
}

std::vector<Poco::JSON::Object::Ptr> objectList(const Poco::JSON::Object::Ptr& object, const std::string& key,
                                                const std::string& path) {
  std::vector<Poco::JSON::Object::Ptr> objects;
  if (!object || !object->has(key) || object->isNull(key)) return objects;
  const std::string field = memberPath(path, key);
  const auto array = asArray(object->get(key));
  if (!array) wrongType(field, "une liste d'objets");
  for (std::size_t i = 0; i < array->size(); ++i) {
    auto item = asObject(array->get(static_cast<unsigned>(i)));
    if (!item) wrongType(itemPath(field, i), "un objet");
    objects.push_back(item);
  }
  return objects;
}

Poco::JSON::Object::Ptr objectMember(const Poco::JSON::Object::Ptr& object, const std::string& key,
                                     const std::string& path) {
  if (!object || !object->has(key) || object->isNull(key)) return nullptr;
  auto member = asObject(object->get(key));
  if (!member) wrongType(memberPath(path, key), "un objet");
  return member;
}

std::optional<std::string> stringMember(const Poco::JSON::Object::Ptr& object, const std::string& key,
                                        const std::string& path) {
  if (!object || !object->has(key) || object->isNull(key)) return std::nullopt;
  const auto value = object->get(key);
  if (!value.isString()) wrongType(memberPath(path, key), "un texte");
  return value.convert<std::string>();
}

int competencyNumber(const Poco::JSON::Object::Ptr& competency, const std::string& path) {
  const std::string field = memberPath(path, "number");
  if (!competency || !competency->has("number")) wrongType(field, "un entier");
  const auto value = competency->get("number");
  if (!value.isInteger() || value.type() == typeid(bool)) wrongType(field, "un entier");
  try {
    return value.convert<int>();
  } catch (const Poco::Exception&) {
    wrongType(field, "un entier de taille raisonnable");
  }
}

std::string blocLabel(const Poco::JSON::Object::Ptr& bloc, std::size_t index) {
  const auto code = stringMember(bloc, "code", "blocs[" + std::to_string(index) + "]");
  if (code && !code->empty()) return *code;
  return "bloc " + std::to_string(index + 1);
}

}  // namespace cqpm::referential_model
