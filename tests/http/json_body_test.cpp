#include "http/json_body.h"

#include <gtest/gtest.h>

#include <limits>

#include "common/error.h"
#include "common/input_rules.h"

namespace cqpm::http {
namespace {

// The field an Error names, or "<no error>".
template <typename Read>
std::string refusedField(Read read) {
  try {
    read();
  } catch (const Error& e) {
    return e.field().empty() ? std::string("<") + std::string(errorCodeName(e.code())) + ">" : e.field();
  }
  return "<no error>";
}

TEST(JsonBodyTest, IntegersOutsideTheFieldsRangeOrTypeAreRefusedNamingTheField) {
  constexpr IntegerRange kAny{std::numeric_limits<std::int64_t>::min(),
                              std::numeric_limits<std::int64_t>::max()};
  for (const std::string literal :
       {"9223372036854775808", "18446744073709551615", "18446744073709551616", "-9223372036854775809",
        "99999999999999999999999999", "1e300", "-1e300", "1.5", "\"12\"", "true", "false", "[]", "{}"}) {
    const JsonFields body(parseJsonObject(R"({"n":)" + literal + "}"), {"n"});
    EXPECT_EQ(refusedField([&] { body.integer("n", kAny); }), "n") << literal;
  }
  EXPECT_EQ(JsonFields(parseJsonObject(R"({"n":9223372036854775807})"), {"n"}).integer("n", kAny),
            std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(JsonFields(parseJsonObject(R"({"n":-9223372036854775808})"), {"n"}).integer("n", kAny),
            std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(JsonFields(parseJsonObject(R"({"n":3.0})"), {"n"}).integer("n", kAny), 3);
  EXPECT_EQ(
      refusedField([] { JsonFields(parseJsonObject(R"({"n":0})"), {"n"}).integer("n", kVersionRange); }),
      "n");
}

TEST(JsonBodyTest, HugeIntegersInsideStringsAreLeftAlone) {
  const JsonFields body(parseJsonObject(R"({"t":"18446744073709551616 \" 99999999999999999999"})"), {"t"});
  EXPECT_EQ(body.text("t", TextLimit{100}), "18446744073709551616 \" 99999999999999999999");
}

TEST(JsonBodyTest, TextsAreCheckedForLengthControlsAndBlankness) {
  const auto field = [](const std::string& literal, TextLimit limit) {
    return refusedField(
        [&] { JsonFields(parseJsonObject(R"({"t":)" + literal + "}"), {"t"}).text("t", limit); });
  };
  EXPECT_EQ(field("\"abcdef\"", TextLimit{5}), "t");
  EXPECT_EQ(field("\"été\"", TextLimit{3}), "<no error>");  // characters, not bytes
  EXPECT_EQ(field("\"a\\nb\"", TextLimit{10}), "t");        // one line
  EXPECT_EQ(field("\"a\\nb\\tc\"", TextLimit{10, true}), "<no error>");
  EXPECT_EQ(field("\"a\\rb\"", TextLimit{10, true}), "t");
  EXPECT_EQ(field("\"  \"", TextLimit{10}), "t");
  EXPECT_EQ(field("12", TextLimit{10}), "t");
  EXPECT_EQ(field("\"a\\u0085b\"", TextLimit{10, true}), "t");  // a C1 control
}

TEST(JsonBodyTest, TheDocumentRefusesNulControlsAndDuplicatesAnywhereNamingThePath) {
  EXPECT_EQ(refusedField([] { parseJsonObject(R"({"a":{"b":[1,{"c":"x\u0000"}]}})"); }), "a.b[1].c");
  EXPECT_EQ(refusedField([] { parseJsonObject(R"({"a":{"b":1,"b":2}})"); }), "a.b");
  EXPECT_EQ(refusedField([] { parseJsonObject(R"({"a":[{"x":1},{"x":1,"x":1}]})"); }), "a[1].x");
  EXPECT_EQ(refusedField([] { parseJsonObject(R"({"a":"\u0007"})"); }), "a");
  EXPECT_EQ(refusedField([] { parseJsonObject(R"({"a":"line\nbreak\ttab"})"); }), "<no error>");
  // The same key in two objects is not a duplicate.
  EXPECT_EQ(refusedField([] { parseJsonObject(R"({"a":{"x":1},"b":{"x":1}})"); }), "<no error>");
}

TEST(JsonBodyTest, InvalidUtf8IsRefusedNamingTheFieldWithoutEchoingIt) {
  try {
    parseJsonObject("{\"ok\":\"fine\",\"candidate\":{\"given_name\":\"A\xff\xfe\"}}");
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "candidate.given_name");
    EXPECT_TRUE(isValidUtf8(e.what())) << e.what();
  }
  EXPECT_EQ(refusedField([] { parseJsonObject("{\"a\":[\"x\",\"\xc0\xaf\"]}"); }), "a[1]");  // overlong '/'
  EXPECT_EQ(refusedField([] { parseJsonObject("\xff{}"); }), "<invalid_json>");
}

TEST(JsonBodyTest, UnknownMembersAreRefusedNamingThem) {
  const auto object = parseJsonObject(R"({"known":1,"candidate":{"given_name":"A","typo":2}})");
  EXPECT_EQ(refusedField([&] { JsonFields(object, {"known"}); }), "candidate");
  const JsonFields body(object, {"known", "candidate"});
  EXPECT_EQ(refusedField([&] { body.object("candidate", {"given_name"}); }), "candidate.typo");
}

TEST(JsonBodyTest, MalformedBodiesAreInvalidJson) {
  for (const std::string body :
       {"", "[]", "null", "{", "{\"a\":1}x", "{'a':1}", "{\"a\":\"\\ud800b\"}", "{\"a\":\"\\udc00\"}"}) {
    EXPECT_EQ(refusedField([&] { parseJsonObject(body); }), "<invalid_json>") << body;
  }
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "{\"a\":";
  deep += "1";
  for (int i = 0; i < 40; ++i) deep += "}";
  EXPECT_EQ(refusedField([&] { parseJsonObject(deep); }), "<invalid_json>");
}

TEST(InputRulesTest, PrintableEscapesWhatIsNotPrintableUtf8) {
  EXPECT_EQ(printable("a\xff\x01 é"), "a\\xFF\\x01 é");
  EXPECT_EQ(printable(std::string(100, 'x'), 5), "xxxxx…");
}

TEST(InputRulesTest, TruncatedTextCutsOnCharactersWithAnEllipsis) {
  EXPECT_EQ(truncatedText("abc", 3), "abc");
  EXPECT_EQ(truncatedText("abcd", 3), "ab…");
  EXPECT_EQ(truncatedText("ééééé", 3), "éé…");
}

}  // namespace
}  // namespace cqpm::http
