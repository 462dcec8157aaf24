#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace cqpm {

/// JSON text the store wrote itself (a column holding JSON), placed as it is inside a Poco tree and
/// written verbatim by toJsonText: parsing such a column only to write it out again was a tenth of
/// a file's GET. Only toJsonText knows it; Poco's own Stringifier refuses it.
struct StoredJson {
  std::string text;  ///< valid JSON, as the store wrote it; empty is written as null
};

/// Condensed JSON text of an object (a null pointer gives "{}").
std::string toJsonText(const Poco::JSON::Object::Ptr& object);
/// Condensed JSON text of any JSON-like value (objects, arrays, scalars).
std::string toJsonText(const Poco::Dynamic::Var& value);

/// The member `name` of `object` as text; empty when the object is null or the
/// member absent or null.
std::string textOf(const Poco::JSON::Object::Ptr& object, const std::string& name);

/// `value` as JSON: itself, or null when absent (optional text, numbers, flags).
template <typename T>
Poco::Dynamic::Var nullable(const std::optional<T>& value) {
  return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

/// `text` as JSON, or null when empty (a fact not recorded).
inline Poco::Dynamic::Var nullIfEmpty(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

/// A JSON array of each record rendered by `render`, in order: how presenters
/// turn a list of typed records into JSON.
template <typename Record, typename Render>
Poco::JSON::Array::Ptr arrayOf(const std::vector<Record>& records, Render render) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& record : records) items->add(render(record));
  return items;
}

/// True when `text` holds nothing but spaces, tabs and line breaks.
bool isBlank(const std::string& text);

}  // namespace cqpm
