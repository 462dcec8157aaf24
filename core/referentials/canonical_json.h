#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <string>

namespace cqpm::referentials {

/// The canonical text of a referential, the form stored in git so that `git diff` and
/// `git blame` read well: 2-space indentation, one array item per line, UTF-8 written as
/// is (only quotes, backslashes and control characters are escaped), the keys of each
/// object in the schema's property order (schemas/referential.schema.json), keys the
/// schema does not know after the known ones in byte order, integers as integers, and a
/// final newline. Idempotent: parsing the result and canonicalising again gives the same
/// bytes. Pure and thread-safe.
/// Throws Error(kInvalidField) on a null referential, a string that is not valid UTF-8,
/// a non-finite number or a value JSON cannot represent; `field` names the place.
std::string canonicalReferentialJson(const Poco::JSON::Object::Ptr& referential);

/// The same writer for any JSON-like value (objects, arrays, scalars, empty = null) with
/// every object's keys in byte order and no final newline. Two values are equal as JSON
/// exactly when their texts are equal, whatever their keys' insertion order.
/// Throws like canonicalReferentialJson.
std::string canonicalJsonValue(const Poco::Dynamic::Var& value);

}  // namespace cqpm::referentials
