// Must precede every valijson include: without it valijson reports a bad schema by
// calling abort(). See the note in json_schema.h.
#define VALIJSON_USE_EXCEPTIONS 1

#include "common/json_schema.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <utility>
#include <valijson/adapters/poco_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace cqpm {
namespace {

using Poco::Dynamic::Var;
using Context = std::vector<std::string>;

// Poco's parser (pdjson) reports the end of the text as byte 0xFF, which would put
// invalid UTF-8 into logs and JSON error bodies.
std::string cleanParserMessage(std::string message) {
  const std::string eof_byte = "byte '\xFF'";
  for (auto at = message.find(eof_byte); at != std::string::npos; at = message.find(eof_byte)) {
    message.replace(at, eof_byte.size(), "end of text");
  }
  for (char& c : message) {
    if (static_cast<unsigned char>(c) >= 0x80 || static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  return message;
}

bool isObject(const Var& v) { return v.type() == typeid(Poco::JSON::Object::Ptr); }
bool isArray(const Var& v) { return v.type() == typeid(Poco::JSON::Array::Ptr); }

// valijson's Poco adapter only recognises Object::Ptr and Array::Ptr; documents built
// in code may hold Object or Array by value.
bool inPtrForm(const Var& v) {
  if (v.type() == typeid(Poco::JSON::Object) || v.type() == typeid(Poco::JSON::Array)) return false;
  if (isObject(v)) {
    const auto object = v.extract<Poco::JSON::Object::Ptr>();
    if (object.isNull()) return true;
    return std::all_of(object->begin(), object->end(),
                       [](const auto& member) { return inPtrForm(member.second); });
  }
  if (isArray(v)) {
    const auto array = v.extract<Poco::JSON::Array::Ptr>();
    if (array.isNull()) return true;
    return std::all_of(array->begin(), array->end(), [](const Var& item) { return inPtrForm(item); });
  }
  return true;
}

Var toPtrForm(const Var& v) {
  Poco::JSON::Object::Ptr source_object;
  if (v.type() == typeid(Poco::JSON::Object))
    source_object = new Poco::JSON::Object(v.extract<Poco::JSON::Object>());
  if (isObject(v)) source_object = v.extract<Poco::JSON::Object::Ptr>();
  if (!source_object.isNull()) {
    Poco::JSON::Object::Ptr copy = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [key, value] : *source_object) copy->set(key, toPtrForm(value));
    return copy;
  }
  Poco::JSON::Array::Ptr source_array;
  if (v.type() == typeid(Poco::JSON::Array))
    source_array = new Poco::JSON::Array(v.extract<Poco::JSON::Array>());
  if (isArray(v)) source_array = v.extract<Poco::JSON::Array::Ptr>();
  if (!source_array.isNull()) {
    Poco::JSON::Array::Ptr copy = new Poco::JSON::Array;
    for (const Var& item : *source_array) copy->add(toPtrForm(item));
    return copy;
  }
  return v;
}

std::string jsonTypeName(const Var& v) {
  if (v.isEmpty()) return "null";
  if (v.isBoolean()) return "boolean";
  if (v.isInteger()) return "integer";
  if (v.isNumeric()) return "number";
  if (v.isString()) return "string";
  if (isArray(v)) return "array";
  if (isObject(v)) return "object";
  return "unknown";
}

std::string shortJson(const Var& v) {
  std::ostringstream out;
  try {
    Poco::JSON::Stringifier::stringify(v, out);
  } catch (const Poco::Exception&) {
    return "(unprintable value)";
  }
  std::string text = out.str();
  constexpr std::size_t kMax = 60;
  if (text.size() > kMax) text = text.substr(0, kMax) + "...";
  return text;
}

bool isPlainKey(const std::string& key) {
  if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key[0])) || key[0] == '_')) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

bool isIndex(const std::string& segment) {
  return !segment.empty() && std::all_of(segment.begin(), segment.end(),
                                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

void appendIndex(std::string& path, const std::string& index) {
  if (path.empty()) path = "$";
  path += "[" + index + "]";
}

void appendKey(std::string& path, const std::string& key) {
  if (isPlainKey(key)) {
    if (!path.empty()) path += '.';
    path += key;
    return;
  }
  if (path.empty()) path = "$";
  path += "[\"";
  for (char c : key) {
    if (c == '"' || c == '\\') path += '\\';
    path += c;
  }
  path += "\"]";
}

// valijson wraps every segment after "<root>" in brackets: "[transitions]", "[3]".
std::string unwrapSegment(const std::string& segment) {
  if (segment.size() >= 2 && segment.front() == '[' && segment.back() == ']') {
    return segment.substr(1, segment.size() - 2);
  }
  return segment;
}

struct Located {
  std::string path;
  std::optional<Var> value;  // the value at the path, when the document has one
};

// Walks the document along valijson's context so that an array index and an object
// key spelled with digits ("3") are told apart.
Located locate(const Var& document, const Context& context) {
  Located located;
  std::optional<Var> node(std::in_place, document);
  for (std::size_t i = 1; i < context.size(); ++i) {
    const std::string segment = unwrapSegment(context[i]);
    std::optional<Var> next;
    if (node && isArray(*node) && isIndex(segment)) {
      appendIndex(located.path, segment);
      const auto array = node->extract<Poco::JSON::Array::Ptr>();
      const auto index = std::stoul(segment);
      if (index < array->size()) next.emplace(array->get(index));
    } else if (node && isObject(*node)) {
      appendKey(located.path, segment);
      const auto object = node->extract<Poco::JSON::Object::Ptr>();
      if (object->has(segment)) next.emplace(object->get(segment));
    } else if (isIndex(segment)) {
      appendIndex(located.path, segment);
    } else {
      appendKey(located.path, segment);
    }
    node = std::move(next);
  }
  located.value = std::move(node);
  return located;
}

std::string rootedPath(const std::string& path) { return path.empty() ? "$" : path; }

// The name between the last pair of single quotes of a valijson message that starts
// with `prefix`: "Missing required property 'to'." gives "to".
std::optional<std::string> quotedName(const std::string& message, const std::string& prefix) {
  if (message.rfind(prefix, 0) != 0) return std::nullopt;
  const auto close = message.rfind('\'');
  if (close == std::string::npos || close < prefix.size()) return std::nullopt;
  const auto open = message.rfind('\'', close - 1);
  if (open == std::string::npos || open + 1 < prefix.size()) return std::nullopt;
  return message.substr(open + 1, close - open - 1);
}

// Other valijson messages keep their words, in the style of ours: lower case, no
// final period, and bounds without std::to_string's "1.000000".
std::string restyle(const std::string& message) {
  static const std::regex kTrailingZeros(R"((\.\d*?[1-9])0+\b)");
  static const std::regex kZeroFraction(R"((\d)\.0+\b)");
  std::string text =
      std::regex_replace(std::regex_replace(message, kTrailingZeros, "$1"), kZeroFraction, "$1");
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

// valijson reports a failure at every level that encloses it ("Failed to validate item
// #3 in array.", then "...property name 'transitions'."). These summaries add nothing
// when an inner error explains them, so they are dropped in that case only.
struct Summary {
  Context inner;          // the context an explaining inner error starts with
  bool deeper = false;    // the inner error must be strictly deeper than the summary
  bool relocate = false;  // if kept, report it at `inner`: the value there was refused
};

std::optional<Summary> asSummary(const valijson::ValidationResults::Error& error) {
  const std::string& message = error.description;
  auto at = [&](const std::string& segment) {
    Context inner = error.context;
    inner.push_back("[" + segment + "]");
    return Summary{std::move(inner), false, true};
  };
  const std::string item = "Failed to validate item #";
  if (message.rfind(item, 0) == 0) {
    if (message.find("against corresponding item schema") != std::string::npos) {
      return Summary{error.context, false, true};
    }
    const auto end = message.find(' ', item.size());
    return at(message.substr(item.size(), end - item.size()));
  }
  if (auto name = quotedName(message, "Failed to validate against schema associated with property name '")) {
    return at(*name);
  }
  if (message.rfind("Failed to validate against child schema #", 0) == 0) {
    return Summary{error.context, false, false};
  }
  if (message.rfind("Failed to validate against additional properties schema", 0) == 0 ||
      message.rfind("Failed to validate against schema associated with pattern", 0) == 0) {
    return Summary{error.context, true, false};
  }
  return std::nullopt;
}

bool explainedByAnother(const std::vector<valijson::ValidationResults::Error>& errors, std::size_t index,
                        const Summary& summary) {
  for (std::size_t j = 0; j < errors.size(); ++j) {
    if (j == index) continue;
    const Context& other = errors[j].context;
    if (other.size() < summary.inner.size()) continue;
    if (!std::equal(summary.inner.begin(), summary.inner.end(), other.begin())) continue;
    if (summary.deeper && other.size() <= errors[index].context.size()) continue;
    return true;
  }
  return false;
}

// Turns one valijson error into a violation a person reads without knowing valijson.
SchemaViolation describe(const Var& document, const valijson::ValidationResults::Error& error,
                         const std::optional<Summary>& summary) {
  if (summary && summary->relocate) {
    return {rootedPath(locate(document, summary->inner).path), "value is not allowed here"};
  }
  Located at = locate(document, error.context);
  const std::string& message = error.description;
  if (auto name = quotedName(message, "Missing required property '")) {
    appendKey(at.path, *name);
    return {rootedPath(at.path), "required property is missing"};
  }
  // valijson names only the first such property when there are several.
  if (auto name = quotedName(message, "Object contains a property that could not be validated")) {
    appendKey(at.path, *name);
    return {rootedPath(at.path), "property is not allowed here"};
  }
  if (message.rfind("Failed to match against any enum values", 0) == 0 && at.value) {
    return {rootedPath(at.path), "value " + shortJson(*at.value) + " is not one of the allowed values"};
  }
  if (message.rfind("Failed to match regex specified by 'pattern'", 0) == 0 && at.value) {
    return {rootedPath(at.path), "value " + shortJson(*at.value) + " does not match the required pattern"};
  }
  if (message.rfind("Value type not permitted by 'type' constraint", 0) == 0 && at.value) {
    return {rootedPath(at.path), "value of type " + jsonTypeName(*at.value) + " is not allowed here"};
  }
  return {rootedPath(at.path), restyle(message)};
}

}  // namespace

Poco::Dynamic::Var parseJson(std::string_view text, const std::string& source_name, ErrorCode code) {
  try {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(/*preserveObjectOrder=*/true));
    return parser.parse(std::string(text));
  } catch (const Poco::Exception& e) {
    throw Error(code, source_name + ": $: invalid JSON: " + cleanParserMessage(e.message()), "$");
  }
}

JsonSchema::JsonSchema(std::shared_ptr<const valijson::Schema> schema) : schema_(std::move(schema)) {}

JsonSchema JsonSchema::parse(const std::string& schema_text, const std::string& source_name) {
  const Var document = parseJson(schema_text, source_name);
  auto schema = std::make_shared<valijson::Schema>();
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::PocoJsonAdapter(document), *schema);
  } catch (const std::exception& e) {
    throw Error(ErrorCode::kInvalidConfiguration, source_name + ": $: invalid JSON Schema: " + e.what(), "$");
  }
  return JsonSchema(std::move(schema));
}

std::vector<SchemaViolation> JsonSchema::validate(const Poco::Dynamic::Var& document) const {
  const Var normalised = inPtrForm(document) ? document : toPtrForm(document);
  // A Validator caches compiled regexes, so each call gets its own: this is what
  // makes concurrent validate() calls safe.
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  if (validator.validate(*schema_, valijson::adapters::PocoJsonAdapter(normalised), &results)) return {};

  const std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
  std::vector<SchemaViolation> violations;
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < errors.size(); ++i) {
    const auto summary = asSummary(errors[i]);
    if (summary && explainedByAnother(errors, i, *summary)) continue;
    SchemaViolation violation = describe(normalised, errors[i], summary);
    if (seen.emplace(violation.path, violation.message).second) violations.push_back(std::move(violation));
  }
  return violations;
}

}  // namespace cqpm
