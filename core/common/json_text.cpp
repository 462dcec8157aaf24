#include "common/json_text.h"

#include <Poco/JSONString.h>

#include <typeinfo>

namespace cqpm {

namespace {

void appendJson(std::string& out, const Poco::Dynamic::Var& value);

void appendString(std::string& out, const std::string& text) {
  // Poco's own escaping, so the text is exactly what its Stringifier writes.
  out += Poco::toJSON(text, Poco::JSON_WRAP_STRINGS);
}

// Members in the object's map order (by name), as Poco writes every object this project builds or
// parses (none asks Poco to keep insertion order).
void appendObject(std::string& out, const Poco::JSON::Object& object) {
  out += '{';
  bool first = true;
  for (const auto& [name, member] : object) {
    if (!first) out += ',';
    first = false;
    appendString(out, name);
    out += ':';
    appendJson(out, member);
  }
  out += '}';
}

void appendArray(std::string& out, const Poco::JSON::Array& array) {
  out += '[';
  bool first = true;
  for (const auto& item : array) {
    if (!first) out += ',';
    first = false;
    appendJson(out, item);
  }
  out += ']';
}

/// The cases of Poco::JSON::Stringifier::stringify, in its order, appending to one string instead of
/// going through an ostream per token (the stream was most of the cost of a small answer).
void appendJson(std::string& out, const Poco::Dynamic::Var& value) {
  const std::type_info& type = value.type();
  if (type == typeid(Poco::JSON::Object::Ptr)) {
    const auto& object = value.extract<Poco::JSON::Object::Ptr>();
    if (object)
      appendObject(out, *object);
    else
      out += "null";
  } else if (type == typeid(Poco::JSON::Array::Ptr)) {
    const auto& array = value.extract<Poco::JSON::Array::Ptr>();
    if (array)
      appendArray(out, *array);
    else
      out += "null";
  } else if (type == typeid(Poco::JSON::Object)) {
    appendObject(out, value.extract<Poco::JSON::Object>());
  } else if (type == typeid(Poco::JSON::Array)) {
    appendArray(out, value.extract<Poco::JSON::Array>());
  } else if (type == typeid(StoredJson)) {
    const std::string& text = value.extract<StoredJson>().text;
    out += text.empty() ? "null" : text;
  } else if (value.isEmpty()) {
    out += "null";
  } else if (value.isNumeric() || value.isBoolean()) {
    if (type == typeid(char))
      appendString(out, value.convert<std::string>());
    else
      out += value.convert<std::string>();
  } else if (value.isString() || value.isDateTime() || value.isDate() || value.isTime()) {
    appendString(out, value.convert<std::string>());
  } else {
    out += value.convert<std::string>();
  }
}

}  // namespace

std::string toJsonText(const Poco::JSON::Object::Ptr& object) {
  if (!object) return "{}";
  std::string out;
  out.reserve(1024);
  appendObject(out, *object);
  return out;
}

std::string toJsonText(const Poco::Dynamic::Var& value) {
  std::string out;
  appendJson(out, value);
  return out;
}

std::string textOf(const Poco::JSON::Object::Ptr& object, const std::string& name) {
  if (!object || !object->has(name) || object->isNull(name)) return {};
  return object->get(name).convert<std::string>();
}

bool isBlank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace cqpm
