#include "referentials/canonical_json.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "referential_test_support.h"

namespace cqpm::referentials {
namespace {

using namespace test_support;
using Poco::JSON::Object;

// Position of `needle` in `text` after `from`, failing the test when absent.
std::size_t positionOf(const std::string& text, const std::string& needle, std::size_t from = 0) {
  const auto at = text.find(needle, from);
  EXPECT_NE(at, std::string::npos) << needle;
  return at;
}

class CanonicalJsonOfEachReferential : public ::testing::TestWithParam<std::string> {};

TEST_P(CanonicalJsonOfEachReferential, IsIdempotent) {
  const std::string once = canonicalReferentialJson(loadReferential(GetParam()));
  EXPECT_EQ(canonicalReferentialJson(parseObject(once)), once);
}

TEST_P(CanonicalJsonOfEachReferential, IsTheCommittedFileItself) {
  // The plugins' files are stored in canonical form: the first commit of a referential
  // in the git store reformats nothing.
  EXPECT_EQ(canonicalReferentialJson(loadReferential(GetParam())), readFile(referentialPath(GetParam())));
}

TEST_P(CanonicalJsonOfEachReferential, KeepsUtf8RawAndEscapesNothingElse) {
  const std::string text = canonicalReferentialJson(loadReferential(GetParam()));
  EXPECT_NE(text.find("é"), std::string::npos);
  EXPECT_EQ(text.find("\\u"), std::string::npos);
}

TEST_P(CanonicalJsonOfEachReferential, OrdersTopLevelKeysAsTheSchema) {
  const std::string text = canonicalReferentialJson(loadReferential(GetParam()));
  std::size_t previous = 0;
  for (const std::string key : {"\n  \"id\"", "\n  \"title\"", "\n  \"source\"", "\n  \"activities\"",
                                "\n  \"work_environment\"", "\n  \"interactions\"", "\n  \"blocs\"",
                                "\n  \"evaluation\"", "\n  \"modalities\"", "\n  \"admissibility\""}) {
    const std::size_t at = positionOf(text, key);
    EXPECT_GT(at, previous) << key;
    previous = at;
  }
}

INSTANTIATE_TEST_SUITE_P(Plugins, CanonicalJsonOfEachReferential, ::testing::ValuesIn(kReferentialIds),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(CanonicalJsonTest, KeepsTheLigatureOeRaw) {
  const std::string text = canonicalReferentialJson(loadReferential("industrialisation"));
  EXPECT_NE(text.find("La mise en œuvre"), std::string::npos);
}

TEST(CanonicalJsonTest, OrdersNestedKeysAsTheSchemaWhateverTheInputOrder) {
  // Poco's parser gives keys in byte order: "code" < "competencies" < "knowledge" < "title".
  const std::string text = canonicalReferentialJson(loadReferential("qualite"));
  const std::size_t bloc = positionOf(text, "\"code\": \"BDC0229\"");
  std::size_t previous = bloc;
  for (const std::string key : {"\"title\"", "\"knowledge\"", "\"competencies\"", "\"number\": 1,",
                                "\"title\"", "\"conditions\"", "\"criteria\"", "\"methods\"", "\"means\"",
                                "\"relations\"", "\"environment\"", "\"expected_results\""}) {
    const std::size_t at = positionOf(text, key, previous);
    EXPECT_GT(at, previous) << key;
    previous = at;
  }
  const std::size_t modality = positionOf(text, "\"id\": \"company_opinion\"");
  EXPECT_LT(modality, positionOf(text, "\"label\"", modality));
  EXPECT_LT(positionOf(text, "\"description\"", modality),
            positionOf(text, "\"excluded_pathways\"", modality));
}

TEST(CanonicalJsonTest, PutsUnknownKeysAfterKnownOnesInByteOrder) {
  auto referential = loadReferential("qualite");
  competency(referential, 1)->set("zeta", 1);
  competency(referential, 1)->set("alpha", 2);
  referential->set("Zulu", "z");
  const std::string text = canonicalReferentialJson(referential);
  const std::size_t results = positionOf(text, "\"expected_results\"");
  const std::size_t alpha = positionOf(text, "\"alpha\": 2", results);
  EXPECT_LT(alpha, positionOf(text, "\"zeta\": 1", alpha));
  EXPECT_LT(positionOf(text, "\"notes\""), positionOf(text, "\n  \"Zulu\": \"z\"\n}"));
}

TEST(CanonicalJsonTest, IndentsByTwoSpacesAndEndsWithOneNewline) {
  Object::Ptr referential = new Object;
  referential->set("id", "x");
  Poco::JSON::Array::Ptr texts = new Poco::JSON::Array;
  texts->add("a");
  texts->add("b");
  referential->set("mission", texts);
  referential->set("evolutions", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
  referential->set("source", Object::Ptr(new Object));
  EXPECT_EQ(canonicalReferentialJson(referential),
            "{\n  \"id\": \"x\",\n  \"source\": {},\n  \"mission\": [\n    \"a\",\n    \"b\"\n  ],\n"
            "  \"evolutions\": []\n}\n");
}

TEST(CanonicalJsonTest, WritesScalarsAsJson) {
  struct Case {
    Poco::Dynamic::Var value;
    std::string text;
  };
  const std::vector<Case> cases{
      {4, "4"},
      {Poco::Int64(-9007199254740993), "-9007199254740993"},
      {Poco::UInt64(18446744073709551615ULL), "18446744073709551615"},
      {2.0, "2.0"},
      {0.1, "0.1"},
      {true, "true"},
      {false, "false"},
      {Poco::Dynamic::Var(), "null"},
      {std::string("a\"b\\c/d"), "\"a\\\"b\\\\c/d\""},
      {std::string("l1\nl2\tend\r\b\f"), "\"l1\\nl2\\tend\\r\\b\\f\""},
      {std::string("\x01\x1f\x7f"), "\"\\u0001\\u001f\x7f\""},
      {std::string("œuvre — « é » 𝄞"), "\"œuvre — « é » 𝄞\""},
  };
  for (const auto& c : cases) EXPECT_EQ(canonicalJsonValue(c.value), c.text) << c.text;
}

TEST(CanonicalJsonTest, KeepsIntegersIntegersThroughARoundTrip) {
  const std::string text = canonicalReferentialJson(loadReferential("qualite"));
  EXPECT_NE(text.find("\"number\": 4,"), std::string::npos);
  const auto reparsed = parseObject(text);
  EXPECT_TRUE(competency(reparsed, 4)->get("number").isInteger());
}

TEST(CanonicalJsonTest, RefusesTextThatIsNotUtf8WithItsPath) {
  for (const std::string bad : {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"}) {
    auto referential = loadReferential("qualite");
    criteria(referential, 2, "means")->set(1, bad);
    try {
      canonicalReferentialJson(referential);
      ADD_FAILURE() << "accepted invalid UTF-8";
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::kInvalidField);
      EXPECT_EQ(error.field(), "blocs[0].competencies[1].criteria.means[1]");
    }
  }
}

TEST(CanonicalJsonTest, RefusesANullReferential) { EXPECT_THROW(canonicalReferentialJson(nullptr), Error); }

}  // namespace
}  // namespace cqpm::referentials
