#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cqpm::referential_model {

/// The four groups of measurable and observable criteria, in document order.
inline constexpr std::array<std::string_view, 4> kCriteriaGroups{"methods", "means", "relations",
                                                                 "environment"};

/// The object `value` holds (as Object::Ptr or Object), or null for anything else.
Poco::JSON::Object::Ptr asObject(const Poco::Dynamic::Var& value);
/// The array `value` holds (as Array::Ptr or Array), or null for anything else.
Poco::JSON::Array::Ptr asArray(const Poco::Dynamic::Var& value);

/// "blocs[1]" + "code" -> "blocs[1].code"; an empty parent gives the key alone.
std::string memberPath(const std::string& parent, const std::string& key);
/// "blocs" + 1 -> "blocs[1]" (indices count from 0).
std::string itemPath(const std::string& parent, std::size_t index);

/// Member `key` of `object` read as a list of texts; absent or null is an empty list.
/// `path` is the object's own path, used in errors. Throws Error(kInvalidField) when the
/// member is another type or holds something other than strings.
std::vector<std::string> textList(const Poco::JSON::Object::Ptr& object, const std::string& key,
                                  const std::string& path);

/// Member `key` of `object` read as a list of objects; absent or null is an empty list.
/// Throws Error(kInvalidField) when the member or an item has another type.
std::vector<Poco::JSON::Object::Ptr> objectList(const Poco::JSON::Object::Ptr& object, const std::string& key,
                                                const std::string& path);

/// Member `key` of `object` as an object; absent or null gives null.
/// Throws Error(kInvalidField) when it has another type.
Poco::JSON::Object::Ptr objectMember(const Poco::JSON::Object::Ptr& object, const std::string& key,
                                     const std::string& path);

/// Member `key` of `object` as a string; absent or null gives nullopt.
/// Throws Error(kInvalidField) when it has another type.
std::optional<std::string> stringMember(const Poco::JSON::Object::Ptr& object, const std::string& key,
                                        const std::string& path);

/// The "number" of a competency. Throws Error(kInvalidField) when absent or not an integer.
int competencyNumber(const Poco::JSON::Object::Ptr& competency, const std::string& path);

/// How people name a bloc: its code ("BDC0198"), or "bloc 2" for the bloc at index 1
/// when its code is null. Throws like stringMember.
std::string blocLabel(const Poco::JSON::Object::Ptr& bloc, std::size_t index);

}  // namespace cqpm::referential_model
