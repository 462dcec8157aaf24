#include "common/json_text.h"

#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace cqpm {

std::string toJsonText(const Poco::JSON::Object::Ptr& object) {
  if (!object) return "{}";
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(object, out);
  return out.str();
}

std::string toJsonText(const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(value, out);
  return out.str();
}

std::string textOf(const Poco::JSON::Object::Ptr& object, const std::string& name) {
  if (!object || !object->has(name) || object->isNull(name)) return {};
  return object->get(name).convert<std::string>();
}

bool isBlank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace cqpm
