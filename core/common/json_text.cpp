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

}  // namespace cqpm
