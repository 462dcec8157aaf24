#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <string>

namespace cqpm {

/// Condensed JSON text of an object (a null pointer gives "{}").
std::string toJsonText(const Poco::JSON::Object::Ptr& object);
/// Condensed JSON text of any JSON-like value (objects, arrays, scalars).
std::string toJsonText(const Poco::Dynamic::Var& value);

}  // namespace cqpm
