#include "opinion/opinion_fixture.h"

// Comments on a file through the real server: general or by competency,
// oldest first, never edited, within the file's tenancy.

namespace cqpm::testing {
namespace {

using CommentsApiTest = OpinionApiTest;

TEST_P(CommentsApiTest, ACommentIsStoredWithItsAuthorAndListedOldestFirst) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "Commentaires")->getValue<std::string>("id");
  const auto first = postComment(centre, file, R"({"body":"  Dossier complet, merci.  ","competency":null})");
  ASSERT_EQ(first.status, 201) << first.body;
  const auto comment = first.json();
  EXPECT_EQ(comment->getValue<std::string>("file_id"), file);
  EXPECT_EQ(comment->getValue<std::string>("body"), "Dossier complet, merci.");
  EXPECT_TRUE(comment->isNull("competency"));
  EXPECT_EQ(comment->getObject("author")->getValue<std::string>("display_name"), "Claire Moreau");
  EXPECT_EQ(comment->getObject("author")->getValue<std::string>("role"), "centre_coordinator");
  EXPECT_FALSE(comment->getValue<std::string>("created_at").empty());

  ASSERT_EQ(postComment(client().login("entreprise"), file, R"({"body":"Preuve à revoir","competency":"2"})")
                .status,
            201);
  ASSERT_EQ(postComment(client().login("entreprise"), file, R"({"body":"Noté","competency":2})").status, 201);
  ASSERT_EQ(postComment(centre, file, R"({"body":"Sur la 5","competency":"5"})").status, 201);

  const auto all = comments(centre, file);
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ(all->getObject(0)->getValue<std::string>("body"), "Dossier complet, merci.");
  EXPECT_EQ(all->getObject(1)->getObject("author")->getValue<std::string>("role"), "company_tutor");
  EXPECT_EQ(all->getObject(3)->getValue<std::string>("competency"), "5");

  const auto on_two = comments(centre, file, "?competency=2");
  ASSERT_EQ(on_two->size(), 2u);
  EXPECT_EQ(on_two->getObject(0)->getValue<std::string>("body"), "Preuve à revoir");
  EXPECT_EQ(on_two->getObject(1)->getValue<std::string>("body"), "Noté");
  EXPECT_EQ(comments(centre, file, "?competency=6")->size(), 0u);
  EXPECT_EQ(client().get("/api/v1/files/" + file + "/comments?competency=deux", centre).errorField(),
            "competency");

  // Each comment is an event of the file, with its competency.
  const auto history = events(centre, file);
  const auto last = history->getObject(static_cast<unsigned>(history->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("transition"), "comment_added");
  EXPECT_EQ(last->getObject("payload")->getValue<std::string>("competency"), "5");
  EXPECT_EQ(last->getObject("payload")->getValue<std::string>("comment_id"),
            all->getObject(3)->getValue<std::string>("id"));
}

TEST_P(CommentsApiTest, BadCommentsAreRefusedNamingTheField) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "Refus")->getValue<std::string>("id");
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  const std::vector<Case> cases{
      {R"({"body":"   "})", 422, "body"},
      {R"({"body":""})", 422, "body"},
      {R"({"body":")" + std::string(4001, 'a') + R"("})", 422, "body"},
      {R"({"competency":"1"})", 400, "body"},
      {R"({"body":"x","competency":"7"})", 422, "competency"},
      {R"({"body":"x","competency":"0"})", 422, "competency"},
      {R"({"body":"x","competency":true})", 400, "competency"},
  };
  for (const auto& c : cases) {
    const auto answer = postComment(centre, file, c.body);
    EXPECT_EQ(answer.status, c.status) << c.body.substr(0, 60);
    EXPECT_EQ(answer.errorField(), c.field) << c.body.substr(0, 60);
  }
  // 4000 characters, accented ones counting once: accepted.
  std::string long_body;
  for (int i = 0; i < 4000; ++i) long_body += "é";
  EXPECT_EQ(postComment(centre, file, R"({"body":")" + long_body + R"("})").status, 201);
  EXPECT_EQ(comments(centre, file)->size(), 1u);
}

TEST_P(CommentsApiTest, CommentsFollowTheFilesTenancy) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "Tenance")->getValue<std::string>("id");
  const std::string body = R"({"body":"Bonjour"})";
  EXPECT_EQ(postComment(client().login("centre2"), file, body).status, 404);
  EXPECT_EQ(client().get("/api/v1/files/" + file + "/comments", client().login("centre2")).status, 404);
  EXPECT_EQ(postComment(client().login("gtp-salarie"), file, body).status, 403);   // the GTP never comments
  EXPECT_EQ(postComment(client().login("candidat"), file, body).status, 404);      // not their file
  EXPECT_EQ(postComment(client().login("jury-salarie"), file, body).status, 404);  // not in their session
  EXPECT_EQ(postComment(client().login("evaluateur1"), file, body).status, 404);   // not their commission
  EXPECT_EQ(postComment(client().login("entreprise"), file, body).status, 201);
  EXPECT_EQ(postComment(centre, "no-such-file", body).status, 404);

  // The commission's evaluators comment on the files they evaluate.
  const std::string evaluated = fileInCompanyOpinion(centre);
  const auto by_evaluator =
      postComment(client().login("evaluateur1"), evaluated, R"({"body":"Vu","competency":"3"})");
  ASSERT_EQ(by_evaluator.status, 201) << by_evaluator.body;
  EXPECT_EQ(by_evaluator.json()->getObject("author")->getValue<std::string>("role"), "evaluator");

  // The candidate comments on their own file.
  const std::string candidate = client().login("candidat");
  const std::string own = client()
                              .get("/api/v1/files", candidate)
                              .json()
                              ->getArray("items")
                              ->getObject(0)
                              ->getValue<std::string>("id");
  const auto mine = postComment(candidate, own, R"({"body":"J'ai déposé mon rapport.","competency":"1"})");
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(mine.json()->getObject("author")->getValue<std::string>("role"), "candidate");
}

INSTANTIATE_TEST_SUITE_P(Backends, CommentsApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
