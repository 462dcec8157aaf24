#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/input_rules.h"

namespace cqpm::http {

/// The one way a handler reads a request's JSON body: parseJsonObject() checks the
/// document as a whole, JsonFields reads its members one by one with a type, a range
/// or a length declared next to each field. Every refusal is Error{kInvalidJson} (the
/// document) or Error{kInvalidField, field} naming the member by its path
/// ("candidate.email", "competencies[2].reason"): 400, never 500, and no error quotes
/// the bad bytes themselves.

/// Parses a request body that must be a JSON object. Refuses (Error{kInvalidJson}):
/// an empty body, malformed JSON, a root that is not an object, invalid UTF-8, nesting
/// deeper than 32 levels. Refuses (Error{kInvalidField} naming the member): a key
/// given twice in one object (Poco keeps the last; we refuse rather than guess), and a
/// string (key or value) anywhere in the document holding NUL or another control
/// character than line feed and tab. Integers beyond the 64-bit range, which Poco 1.11
/// would wrap (2^64 reads as 0) or clamp, are read as the floating point number they
/// are, so every integer reader refuses them as out of range.
Poco::JSON::Object::Ptr parseJsonObject(const std::string& body);

/// Typed access to the members of one JSON object of a request. Members that are
/// absent or null count as absent. The set of known members is declared when the
/// reader is made: any other member is refused, naming it (a typo is not ignored).
class JsonFields {
 public:
  /// Reads `object`, refusing members not in `known`. `prefix` is the object's own
  /// path, prepended to the names in errors ("candidate" -> "candidate.email").
  JsonFields(Poco::JSON::Object::Ptr object, std::initializer_list<std::string_view> known,
             std::string prefix = {});

  /// A required text (present, a string, not blank) obeying `limit`.
  std::string text(const std::string& name, TextLimit limit) const;
  /// An optional text obeying `limit`; absent or null -> nullopt. An empty or blank
  /// string is returned as given only when `allow_blank` (else refused as blank).
  std::optional<std::string> optionalText(const std::string& name, TextLimit limit,
                                          bool allow_blank = false) const;

  /// A required integer within `range` (true, "12", 1.5, 1e300, 2^63 are refused).
  std::int64_t integer(const std::string& name, IntegerRange range) const;
  /// As integer(), absent or null -> nullopt.
  std::optional<std::int64_t> optionalInteger(const std::string& name, IntegerRange range) const;

  /// true or false; absent or null -> nullopt.
  std::optional<bool> optionalBool(const std::string& name) const;
  /// Required true or false.
  bool boolean(const std::string& name) const;

  /// An array of texts, each obeying `limit`; absent or null -> nullopt. At most `max_items`.
  std::optional<std::vector<std::string>> optionalTextArray(const std::string& name, TextLimit limit,
                                                            std::size_t max_items) const;
  /// An array of integers within `range`; absent or null -> nullopt. At most `max_items`;
  /// an item at fault is named ("blocs[1]").
  std::optional<std::vector<std::int64_t>> optionalIntegerArray(const std::string& name, IntegerRange range,
                                                                std::size_t max_items) const;

  /// A nested object with its own known members; absent or null -> Error, unless
  /// `optional` (then an empty object).
  JsonFields object(const std::string& name, std::initializer_list<std::string_view> known,
                    bool optional = false) const;
  /// Each item of an array of objects, with their known members ("competencies[0]");
  /// absent or null -> empty. At most `max_items`.
  std::vector<JsonFields> objects(const std::string& name, std::initializer_list<std::string_view> known,
                                  std::size_t max_items) const;

  /// A nested object whose shape is checked elsewhere (a JSON Schema: a transition's
  /// payload, registration answers, a referential); absent or null -> nullptr. The
  /// document rules of parseJsonObject() still held for it.
  Poco::JSON::Object::Ptr freeObject(const std::string& name) const;
  /// A nested array checked elsewhere; absent or null -> nullptr. At most `max_items`.
  Poco::JSON::Array::Ptr freeArray(const std::string& name, std::size_t max_items) const;
  /// The raw member, for a field that takes more than one type (a competency named by
  /// its number, 5 or "5"); check it with checkedText/checkedInteger and path().
  Poco::Dynamic::Var value(const std::string& name) const;

  /// True when the member is present, even as null.
  bool has(const std::string& name) const { return object_->has(name); }
  /// True when the member is present and not null.
  bool given(const std::string& name) const { return object_->has(name) && !object_->isNull(name); }
  /// The member's path in errors.
  std::string path(const std::string& name) const { return prefix_.empty() ? name : prefix_ + "." + name; }
  /// The object itself (borrowed view of the request).
  Poco::JSON::Object::Ptr raw() const { return object_; }

 private:
  Poco::JSON::Object::Ptr object_;
  std::string prefix_;
};

}  // namespace cqpm::http
