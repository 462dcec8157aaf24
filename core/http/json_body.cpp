#include "http/json_body.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <cmath>

#include "common/error.h"

namespace cqpm::http {

Poco::JSON::Object::Ptr parseJsonObject(const std::string& body) {
  if (body.empty())
    throw Error(ErrorCode::kInvalidJson, "the request body must be a JSON object; it is empty");
  Poco::Dynamic::Var parsed;
  try {
    Poco::JSON::Parser parser;
    parsed = parser.parse(body);
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidJson, "the request body is not valid JSON: " + e.message());
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw Error(ErrorCode::kInvalidJson, "the request body must be a JSON object");
  }
  return parsed.extract<Poco::JSON::Object::Ptr>();
}

std::string JsonFields::requiredString(const std::string& name) const {
  auto value = optionalString(name);
  if (!value) throw Error(ErrorCode::kInvalidField, path(name) + " is required", path(name));
  return *value;
}

std::optional<std::string> JsonFields::optionalString(const std::string& name) const {
  if (!object_->has(name) || object_->isNull(name)) return std::nullopt;
  const Poco::Dynamic::Var value = object_->get(name);
  if (!value.isString()) throw Error(ErrorCode::kInvalidField, path(name) + " must be a string", path(name));
  return value.extract<std::string>();
}

std::int64_t JsonFields::requiredInteger(const std::string& name) const {
  if (!object_->has(name) || object_->isNull(name)) {
    throw Error(ErrorCode::kInvalidField, path(name) + " is required", path(name));
  }
  const Poco::Dynamic::Var value = object_->get(name);
  if (value.isInteger()) return value.convert<std::int64_t>();
  if (value.isNumeric()) {
    const double number = value.convert<double>();
    if (std::trunc(number) == number && std::fabs(number) < 9e15) return static_cast<std::int64_t>(number);
  }
  throw Error(ErrorCode::kInvalidField, path(name) + " must be an integer", path(name));
}

std::optional<bool> JsonFields::optionalBool(const std::string& name) const {
  if (!object_->has(name) || object_->isNull(name)) return std::nullopt;
  const Poco::Dynamic::Var value = object_->get(name);
  if (!value.isBoolean())
    throw Error(ErrorCode::kInvalidField, path(name) + " must be true or false", path(name));
  return value.extract<bool>();
}

std::optional<std::vector<std::string>> JsonFields::optionalStringArray(const std::string& name,
                                                                        std::size_t max_items) const {
  if (!object_->has(name) || object_->isNull(name)) return std::nullopt;
  const auto array = object_->getArray(name);
  if (!array) throw Error(ErrorCode::kInvalidField, path(name) + " must be an array of strings", path(name));
  if (array->size() > max_items) {
    throw Error(ErrorCode::kInvalidField,
                path(name) + " holds more than " + std::to_string(max_items) + " items", path(name));
  }
  std::vector<std::string> values;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
    if (!item.isString())
      throw Error(ErrorCode::kInvalidField, path(name) + " must be an array of strings", path(name));
    values.push_back(item.extract<std::string>());
  }
  return values;
}

std::optional<std::vector<int>> JsonFields::optionalIntegerArray(const std::string& name,
                                                                 std::size_t max_items) const {
  if (!object_->has(name) || object_->isNull(name)) return std::nullopt;
  const auto array = object_->getArray(name);
  if (!array) throw Error(ErrorCode::kInvalidField, path(name) + " must be an array of integers", path(name));
  if (array->size() > max_items) {
    throw Error(ErrorCode::kInvalidField,
                path(name) + " holds more than " + std::to_string(max_items) + " items", path(name));
  }
  std::vector<int> values;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
    const std::string at = path(name) + "[" + std::to_string(i) + "]";
    if (!item.isInteger()) throw Error(ErrorCode::kInvalidField, at + " must be an integer", at);
    const auto value = item.convert<std::int64_t>();
    if (value < 0 || value > 1000) throw Error(ErrorCode::kInvalidField, at + " is out of range", at);
    values.push_back(static_cast<int>(value));
  }
  return values;
}

JsonFields JsonFields::object(const std::string& name, bool optional) const {
  if (!object_->has(name) || object_->isNull(name)) {
    if (optional) return JsonFields(new Poco::JSON::Object, path(name));
    throw Error(ErrorCode::kInvalidField, path(name) + " is required", path(name));
  }
  auto nested = object_->getObject(name);
  if (!nested) throw Error(ErrorCode::kInvalidField, path(name) + " must be an object", path(name));
  return JsonFields(nested, path(name));
}

}  // namespace cqpm::http
