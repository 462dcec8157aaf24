// The comment service answers typed records (the API's JSON is made in
// http/comment_presenters.cpp): what a comment holds, read in process.

#include <Poco/JSON/Parser.h>

#include "support/demo_services.h"

namespace cqpm::testing {
namespace {

class CommentServiceTest : public DemoServicesTest {
 protected:
  static Poco::JSON::Object::Ptr body(const std::string& json) {
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  }
};

TEST_P(CommentServiceTest, ACommentComesBackWithItsAuthorAndFiltersByCompetency) {
  const std::string file = demoFile("Léa Mercier");
  const auto evaluator = actor("evaluateur1");
  auto& comments = server().comments();
  const auto before = comments.list(evaluator, file, std::nullopt).size();

  const auto general = comments.add(evaluator, file, body(R"({"body":"  Dossier complet.  "})"));
  EXPECT_FALSE(general.id.empty());
  EXPECT_EQ(general.file_id, file);
  EXPECT_FALSE(general.competency);
  EXPECT_EQ(general.body, "Dossier complet.");  // trimmed
  EXPECT_EQ(general.author_id, evaluator.user_id);
  EXPECT_EQ(general.author_name, "Patrick Girard");
  EXPECT_EQ(general.author_role, "evaluator");
  EXPECT_FALSE(general.created_at.empty());

  const auto on_two = comments.add(actor("centre"), file, body(R"({"body":"Voir la C2","competency":2})"));
  EXPECT_EQ(on_two.competency, "2");
  EXPECT_EQ(on_two.author_role, "centre_coordinator");

  const auto all = comments.list(actor("entreprise"), file, std::nullopt);
  ASSERT_EQ(all.size(), before + 2);
  EXPECT_EQ(all[before].id, general.id);  // oldest first
  EXPECT_EQ(all[before + 1].id, on_two.id);
  const auto filtered = comments.list(evaluator, file, std::string("2"));
  ASSERT_FALSE(filtered.empty());
  for (const auto& comment : filtered) EXPECT_EQ(comment.competency, "2");
}

TEST_P(CommentServiceTest, RefusalsNameTheField) {
  const std::string file = demoFile("Léa Mercier");
  const auto evaluator = actor("evaluateur1");
  auto& comments = server().comments();
  EXPECT_EQ(outcomeOf([&] { comments.add(evaluator, file, body(R"({"body":"   "})")); }),
            "unprocessable body");
  EXPECT_EQ(outcomeOf([&] { comments.add(evaluator, file, body(R"({"body":3})")); }), "invalid_field body");
  EXPECT_EQ(outcomeOf([&] { comments.add(evaluator, file, body(R"({"body":"x","competency":999})")); }),
            "unprocessable competency");
  EXPECT_EQ(outcomeOf([&] { comments.add(evaluator, file, body(R"({"body":"x","competency":true})")); }),
            "invalid_field competency");
  EXPECT_EQ(outcomeOf([&] { comments.list(evaluator, file, std::string("deux")); }),
            "invalid_field competency");
  EXPECT_EQ(outcomeOf([&] { comments.list(actor("centre2"), file, std::nullopt); }), "not_found ");
}

INSTANTIATE_TEST_SUITE_P(Backends, CommentServiceTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
