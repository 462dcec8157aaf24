#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

namespace cqpm {

/// Condensed JSON text of an object (a null pointer gives "{}").
std::string toJsonText(const Poco::JSON::Object::Ptr& object);
/// Condensed JSON text of any JSON-like value (objects, arrays, scalars).
std::string toJsonText(const Poco::Dynamic::Var& value);

/// The member `name` of `object` as text; empty when the object is null or the
/// member absent or null.
std::string textOf(const Poco::JSON::Object::Ptr& object, const std::string& name);

/// `value` as JSON: its text, or null when absent.
Poco::Dynamic::Var nullable(const std::optional<std::string>& value);

/// True when `text` holds nothing but spaces, tabs and line breaks.
bool isBlank(const std::string& text);

}  // namespace cqpm
