#pragma once

#include <Poco/Dynamic/Var.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

// valijson is an implementation detail of json_schema.cpp: no other file includes
// it, because it must be compiled with VALIJSON_USE_EXCEPTIONS (without it valijson
// calls abort() on a bad schema) and two settings in one binary would break the ODR.

namespace valijson {
class Schema;
}  // namespace valijson

namespace cqpm {

/// One reason a document does not match a schema.
struct SchemaViolation {
  /// Where, JSON-path-like: "$" for the root, "transitions[3].to", "states[0]", "$[2]"
  /// for an item of a root array, `meta["odd key"]` for a key that is not an identifier.
  std::string path;
  /// What is wrong, in English, for a person ("required property is missing").
  std::string message;
};

/// Parses JSON text into the form JsonSchema validates and the rest of core reads:
/// objects and arrays held as Poco::JSON::Object::Ptr / Array::Ptr, object keys in
/// the order of the text. Throws Error{code, "<source_name>: $: invalid JSON: ..."}
/// on a syntax error (Poco's parser reports no line number).
Poco::Dynamic::Var parseJson(std::string_view text, const std::string& source_name,
                             ErrorCode code = ErrorCode::kInvalidConfiguration);

/// A compiled JSON Schema (draft-07), checked with valijson. Used for the workflow
/// definitions, plugin manifests and referentials.
///
/// A value type: copies share the same immutable compiled schema. validate() is
/// const and keeps no state between calls, so one JsonSchema may serve concurrent
/// validate() calls from several threads (each call uses its own validator).
/// Remote `$ref`s are not fetched: a schema must be self-contained.
class JsonSchema {
 public:
  /// Compiles `schema_text`. Throws Error{kInvalidConfiguration} naming
  /// `source_name` if the text is not JSON or not a schema valijson can compile.
  static JsonSchema parse(const std::string& schema_text, const std::string& source_name = "schema");

  /// Every violation of the schema by `document`, in the order valijson finds them;
  /// empty when the document is valid. Only the innermost failures are reported
  /// ("transitions[3].to: ..."), not the chain of enclosing "item #3 failed".
  /// `document` is read, never modified; nested Poco::JSON::Object / Array held by
  /// value (not Ptr) are accepted as well as the parser's Ptr form.
  std::vector<SchemaViolation> validate(const Poco::Dynamic::Var& document) const;

 private:
  explicit JsonSchema(std::shared_ptr<const valijson::Schema> schema);

  std::shared_ptr<const valijson::Schema> schema_;
};

}  // namespace cqpm
