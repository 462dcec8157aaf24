#include "common/json_schema.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "workflow/workflow_test_support.h"

namespace cqpm {
namespace {

using workflow::test_support::definitionJson;
using workflow::test_support::schemaText;

const char* const kSmallSchema = R"({
  "type": "object",
  "additionalProperties": false,
  "required": ["name"],
  "properties": {
    "name": {"type": "string"},
    "kind": {"enum": ["a", "b"]},
    "items": {"type": "array", "items": {"type": "integer"}},
    "nothing": {"type": "array", "items": false},
    "map": {"type": "object", "additionalProperties": {"type": "integer"}},
    "limit": {"type": "integer", "minimum": 1},
    "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]}
  }
})";

std::vector<SchemaViolation> check(const std::string& document) {
  return JsonSchema::parse(kSmallSchema).validate(parseJson(document, "test"));
}

bool hasViolation(const std::vector<SchemaViolation>& violations, const std::string& path,
                  const std::string& message_part) {
  return std::any_of(violations.begin(), violations.end(), [&](const SchemaViolation& v) {
    return v.path == path && v.message.find(message_part) != std::string::npos;
  });
}

std::string dump(const std::vector<SchemaViolation>& violations) {
  std::string text;
  for (const auto& v : violations) text += v.path + ": " + v.message + "\n";
  return text;
}

TEST(JsonSchemaTest, AcceptsValidDocument) {
  EXPECT_TRUE(check(R"({"name": "x", "kind": "a", "items": [1, 2], "map": {"k": 3}})").empty());
}

TEST(JsonSchemaTest, AcceptsRealWorkflowDefinition) {
  const JsonSchema schema = JsonSchema::parse(schemaText());
  const auto violations = schema.validate(Poco::Dynamic::Var(definitionJson()));
  EXPECT_TRUE(violations.empty()) << dump(violations);
}

TEST(JsonSchemaTest, ReportsRootAsDollar) {
  const auto violations = JsonSchema::parse(kSmallSchema).validate(parseJson("[1]", "test"));
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].path, "$");
  EXPECT_EQ(violations[0].message, "value of type array is not allowed here");
}

TEST(JsonSchemaTest, ReportsMissingPropertyAtItsOwnPath) {
  const auto violations = check("{}");
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].path, "name");
  EXPECT_EQ(violations[0].message, "required property is missing");
}

TEST(JsonSchemaTest, ReportsDisallowedPropertyAtItsOwnPath) {
  const auto violations = check(R"({"name": "x", "colour": "red"})");
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].path, "colour");
  EXPECT_EQ(violations[0].message, "property is not allowed here");
}

TEST(JsonSchemaTest, ReportsArrayItemsWithIndex) {
  const auto violations = check(R"({"name": "x", "items": [1, "two", 3]})");
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].path, "items[1]");
  EXPECT_EQ(violations[0].message, "value of type string is not allowed here");
}

TEST(JsonSchemaTest, ReportsNestedPathsInRealSchema) {
  Poco::JSON::Object::Ptr definition = definitionJson();
  definition->getArray("transitions")->getObject(3)->set("to", "Not Snake");
  const auto violations = JsonSchema::parse(schemaText()).validate(Poco::Dynamic::Var(definition));
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].path, "transitions[3].to");
  EXPECT_EQ(violations[0].message, "value \"Not Snake\" does not match the required pattern");
}

TEST(JsonSchemaTest, ListsEveryViolationNotOnlyTheFirst) {
  const auto violations = check(R"({"kind": "c", "items": ["x"], "limit": 0})");
  EXPECT_EQ(violations.size(), 4u) << dump(violations);
  EXPECT_TRUE(hasViolation(violations, "name", "required property is missing")) << dump(violations);
  EXPECT_TRUE(hasViolation(violations, "kind", "value \"c\" is not one of the allowed values"))
      << dump(violations);
  EXPECT_TRUE(hasViolation(violations, "items[0]", "type string")) << dump(violations);
  EXPECT_TRUE(hasViolation(violations, "limit", "greater than or equal to 1")) << dump(violations);
}

TEST(JsonSchemaTest, OmitsEnclosingSummariesWhenAnInnerErrorExplainsThem) {
  const auto violations = check(R"({"name": "x", "items": [1, "two"]})");
  for (const auto& violation : violations) {
    EXPECT_EQ(violation.message.find("Failed to validate"), std::string::npos) << dump(violations);
  }
}

TEST(JsonSchemaTest, ReportsItemRefusedByFalseSchemaAtItsIndex) {
  const auto violations = check(R"({"name": "x", "nothing": [7]})");
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].path, "nothing[0]");
  EXPECT_EQ(violations[0].message, "value is not allowed here");
}

TEST(JsonSchemaTest, TellsDigitKeysFromArrayIndexes) {
  const auto violations = check(R"({"name": "x", "map": {"3": "q"}})");
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].path, "map[\"3\"]");
}

TEST(JsonSchemaTest, QuotesKeysThatAreNotIdentifiers) {
  const auto violations = check(R"({"name": "x", "map": {"odd \"key\"": "q"}})");
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].path, R"(map["odd \"key\""])");
}

TEST(JsonSchemaTest, PrefixesRootArrayIndexWithDollar) {
  const JsonSchema schema = JsonSchema::parse(R"({"type": "array", "items": {"type": "string"}})");
  const auto violations = schema.validate(parseJson(R"(["a", 2])", "test"));
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].path, "$[1]");
}

TEST(JsonSchemaTest, KeepsTheAlternativesSummaryOfAnyOf) {
  const auto violations = check(R"({"name": "x", "either": true})");
  EXPECT_TRUE(hasViolation(violations, "either", "anyOf")) << dump(violations);
  EXPECT_TRUE(hasViolation(violations, "either", "type boolean")) << dump(violations);
}

TEST(JsonSchemaTest, AcceptsObjectsHeldByValue) {
  Poco::JSON::Object document;
  document.set("name", "x");
  Poco::JSON::Array items;
  items.add(1);
  items.add("two");
  document.set("items", items);
  const auto violations = JsonSchema::parse(kSmallSchema).validate(Poco::Dynamic::Var(document));
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].path, "items[1]");
}

TEST(JsonSchemaTest, RejectsSchemaThatIsNotJson) {
  try {
    JsonSchema::parse(R"({"type": "object")", "manifest.schema.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_EQ(std::string(e.what()).rfind("manifest.schema.json: $: invalid JSON: ", 0), 0u) << e.what();
  }
}

TEST(JsonSchemaTest, RejectsSchemaValijsonCannotCompile) {
  try {
    JsonSchema::parse(R"({"type": 12})", "bad.schema.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_NE(std::string(e.what()).find("bad.schema.json: $: invalid JSON Schema"), std::string::npos)
        << e.what();
  }
}

TEST(JsonSchemaTest, RefusesRemoteReferences) {
  EXPECT_THROW(JsonSchema::parse(R"({"$ref": "http://example.com/other.json"})"), Error);
}

TEST(JsonSchemaTest, ParseJsonNamesTheSourceOfASyntaxError) {
  try {
    parseJson(R"({"a": 1,, "b": 2})", "workflows/x.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_EQ(e.field(), "$");
    EXPECT_EQ(std::string(e.what()).rfind("workflows/x.json: $: invalid JSON: ", 0), 0u) << e.what();
  }
}

TEST(JsonSchemaTest, ParseJsonReportsTruncatedTextWithoutRawBytes) {
  try {
    parseJson(R"({"a": [1, 2)", "x.json", ErrorCode::kInvalidJson);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidJson);
    const std::string message = e.what();
    EXPECT_TRUE(std::all_of(message.begin(), message.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x80;
    })) << message;
  }
}

TEST(JsonSchemaTest, ParseJsonKeepsKeyOrder) {
  const auto object = parseJson(R"({"z": 1, "a": 2, "m": 3})", "x").extract<Poco::JSON::Object::Ptr>();
  std::vector<std::string> names;
  object->getNames(names);
  EXPECT_EQ(names, (std::vector<std::string>{"z", "a", "m"}));
}

TEST(JsonSchemaTest, ValidatesConcurrentlyFromSeveralThreads) {
  const JsonSchema schema = JsonSchema::parse(schemaText());
  Poco::JSON::Object::Ptr broken = definitionJson();
  broken->getArray("transitions")->getObject(3)->set("to", "Not Snake");
  const Poco::Dynamic::Var good(definitionJson());
  const Poco::Dynamic::Var bad(broken);
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        if (!schema.validate(good).empty()) ++failures[t];
        const auto violations = schema.validate(bad);
        if (violations.size() != 1 || violations[0].path != "transitions[3].to") ++failures[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace cqpm
