#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace cqpm::referentials {

/// The kinds of object a referential holds, as named by schemas/referential.schema.json;
/// kOther is any object the schema does not describe (its keys have no known order).
enum class ObjectKind {
  kReferential,
  kSource,
  kActivity,
  kBloc,
  kCompetency,
  kCriteria,
  kModality,
  kNote,
  kOther
};

/// The schema's property order for objects of `kind` (empty for kOther). Never throws.
const std::vector<std::string>& knownKeys(ObjectKind kind);

/// The kind of the objects found under `key` of an object of kind `parent`, whether the
/// member is an object or an array of objects ("blocs" of kReferential gives kBloc).
ObjectKind childKind(ObjectKind parent, const std::string& key);

/// The keys of `object` in canonical order: the known keys of `kind` it has, in schema
/// order, then the others in byte order. A null object has no keys.
std::vector<std::string> orderedKeys(const Poco::JSON::Object::Ptr& object, ObjectKind kind);

/// The keys that `from` or `to` has outside the known keys of `kind`, in byte order,
/// each once. Used to compare members the schema does not know.
std::vector<std::string> unknownKeys(const Poco::JSON::Object::Ptr& from, const Poco::JSON::Object::Ptr& to,
                                     ObjectKind kind);

}  // namespace cqpm::referentials
