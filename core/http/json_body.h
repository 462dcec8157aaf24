#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cqpm::http {

/// Parses a request body that must be a JSON object. Throws Error{kInvalidJson}
/// for malformed JSON or a non-object, with the parser's position in the message.
Poco::JSON::Object::Ptr parseJsonObject(const std::string& body);

/// Typed access to request fields; every failure is Error{kInvalidField}
/// naming the field by its path ("candidate.email").
class JsonFields {
 public:
  JsonFields(Poco::JSON::Object::Ptr object, std::string prefix = {})
      : object_(std::move(object)), prefix_(std::move(prefix)) {}

  std::string requiredString(const std::string& name) const;
  std::optional<std::string> optionalString(const std::string& name) const;  ///< absent or null -> nullopt
  std::int64_t requiredInteger(const std::string& name) const;
  /// True when the field is present, even as null.
  bool has(const std::string& name) const { return object_->has(name); }
  std::optional<bool> optionalBool(const std::string& name) const;  ///< absent or null -> nullopt
  /// An array of strings; absent or null -> nullopt. At most `max_items` items.
  std::optional<std::vector<std::string>> optionalStringArray(const std::string& name,
                                                              std::size_t max_items = 200) const;
  /// An array of integers; absent or null -> nullopt. At most `max_items` items; an
  /// item that is not an integer is named ("blocs[1]").
  std::optional<std::vector<int>> optionalIntegerArray(const std::string& name,
                                                       std::size_t max_items = 200) const;
  /// A nested object; absent -> Error, unless `optional` (then an empty object).
  JsonFields object(const std::string& name, bool optional = false) const;
  Poco::JSON::Object::Ptr raw() const { return object_; }

 private:
  std::string path(const std::string& name) const { return prefix_.empty() ? name : prefix_ + "." + name; }

  Poco::JSON::Object::Ptr object_;
  std::string prefix_;
};

}  // namespace cqpm::http
