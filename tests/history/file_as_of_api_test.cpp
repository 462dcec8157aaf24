// GET /files/{id}?at=… (issue 16, item 3): the file exactly as it stood at an instant, rebuilt from
// the records that are only ever appended. Instants are taken from the wall clock between requests
// (stored to the microsecond), so each question falls between two writes.

#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include "common/clock.h"
#include "demo/demo_opinion.h"
#include "evaluation/evaluation_fixture.h"

namespace cqpm::testing {
namespace {

class FileAsOfApiTest : public EvaluationTest {
 protected:
  // The instant between the request that just ended and the next one.
  static std::string instantNow() {
    const std::string now = toIso8601(Poco::Timestamp());
    Poco::Timestamp wait;
    while (toIso8601(Poco::Timestamp()) == now) wait.update();  // the next microsecond, at most
    return now;
  }

  HttpAnswer fileAt(const std::string& token, const std::string& id, const std::string& at) const {
    std::string encoded;
    Poco::URI::encode(at, "+:", encoded);
    return client().get("/api/v1/files/" + id + "?at=" + encoded, token);
  }

  Poco::JSON::Object::Ptr fileAtOk(const std::string& token, const std::string& id,
                                   const std::string& at) const {
    const auto answer = fileAt(token, id, at);
    EXPECT_EQ(answer.status, 200) << at << ": " << answer.body;
    return answer.status == 200 ? answer.json() : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
  }

  static Poco::JSON::Object::Ptr competencyThen(const Poco::JSON::Object::Ptr& then, int number) {
    const auto items = then->getObject("grid")->getArray("competencies");
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (items->getObject(static_cast<unsigned>(i))->getValue<int>("number") == number)
        return items->getObject(static_cast<unsigned>(i));
    }
    ADD_FAILURE() << "no competency " << number;
    return new Poco::JSON::Object;
  }

  HttpAnswer putOpinionText(const std::string& tutor, const std::string& id, const std::string& text) const {
    const std::string path = "/api/v1/files/" + id + "/company-opinion";
    const auto opinion = client().get(path, tutor).json();
    Poco::JSON::Object::Ptr body = demo::sampleOpinion(opinion);
    body->set("text", text);
    return client().request("PUT", path, toJsonText(body),
                            {{"Authorization", "Bearer " + tutor},
                             {"Content-Type", "application/json"},
                             {"If-Match", opinion->getObject("current")->getValue<std::string>("etag")}});
  }
};

TEST_P(FileAsOfApiTest, TheGridAndTheCandidateAsTheyStoodBetweenWrites) {
  const std::string centre = client().login("centre"), first = client().login("evaluateur1");
  const std::string id = fileUnderEvaluation("Autrefois");
  const std::string before_any_write = instantNow();
  ASSERT_EQ(putCompetency(first, id, 1, R"({"result":"acquired"})", etagOf(first, id, 1)).status, 200);
  const std::string after_first_write = instantNow();
  evaluateAndSign(id, 1, "not_acquired");
  const std::string after_signatures = instantNow();
  const auto corrected =
      client().postJson("/api/v1/files/" + id + "/corrections",
                        R"({"expected_version":)" + std::to_string(fileVersion(centre, id)) +
                            R"(,"reason":"Nom mal orthographié","candidate":{"family_name":"Autrement"}})",
                        centre);
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  const std::string after_correction = instantNow();

  const auto untouched = fileAtOk(centre, id, before_any_write);
  EXPECT_EQ(untouched->getValue<std::string>("at"), before_any_write);
  EXPECT_EQ(untouched->getObject("file")->getValue<std::string>("state"), "under_evaluation");
  EXPECT_EQ(untouched->getObject("file")->getValue<std::string>("state_label"), "En évaluation");
  EXPECT_FALSE(untouched->getObject("file")->has("version"));  // today's counter would mislead
  EXPECT_FALSE(untouched->getObject("file")->has("available_transitions"));
  EXPECT_EQ(competencyThen(untouched, 1)->getValue<int>("version"), 0);
  EXPECT_EQ(competencyThen(untouched, 1)->getValue<std::string>("result"), "not_evaluated");
  EXPECT_EQ(untouched->getObject("grid")->getArray("commission")->size(), 2u);

  const auto written = competencyThen(fileAtOk(centre, id, after_first_write), 1);
  EXPECT_EQ(written->getValue<int>("version"), 1);
  EXPECT_EQ(written->getValue<std::string>("result"), "acquired");
  EXPECT_EQ(written->getArray("signatures")->size(), 0u);

  const auto signed_then = fileAtOk(centre, id, after_signatures);
  EXPECT_EQ(competencyThen(signed_then, 1)->getValue<int>("version"), 2);
  EXPECT_EQ(competencyThen(signed_then, 1)->getValue<std::string>("result"), "not_acquired");
  EXPECT_EQ(competencyThen(signed_then, 1)->getArray("signatures")->size(), 2u);
  EXPECT_EQ(signed_then->getObject("file")->getObject("candidate")->getValue<std::string>("family_name"),
            "Autrefois");

  const auto today = fileAtOk(centre, id, after_correction);
  EXPECT_EQ(today->getObject("file")->getObject("candidate")->getValue<std::string>("family_name"),
            "Autrement");
  const auto events = today->getArray("events");
  EXPECT_EQ(events->getObject(static_cast<unsigned>(events->size() - 1))->getValue<std::string>("transition"),
            "file_corrected");
  EXPECT_LT(signed_then->getArray("events")->size(), events->size());

  // At its creation: a draft, its one event, no grid yet; the same instant written with an offset.
  const std::string created =
      client().get("/api/v1/files/" + id, centre).json()->getValue<std::string>("created_at");
  const auto draft = fileAtOk(centre, id, created);
  EXPECT_EQ(draft->getObject("file")->getValue<std::string>("state"), "draft");
  EXPECT_EQ(draft->getArray("events")->size(), 1u);
  EXPECT_TRUE(draft->isNull("grid"));
  EXPECT_TRUE(draft->isNull("company_opinion"));
  EXPECT_TRUE(draft->getObject("file")->isNull("referential"));
  EXPECT_EQ(draft->getArray("documents")->size(), 0u);
}

TEST_P(FileAsOfApiTest, TheCompanyOpinionAsItStoodDraftThenSigned) {
  const std::string centre = client().login("centre"), tutor = client().login("entreprise");
  const std::string id = createFile(centre, "Avisé")->getValue<std::string>("id");
  walkToCompanyOpinion(centre, id);
  const std::string before_opinion = instantNow();
  ASSERT_EQ(putOpinionText(tutor, id, "Premier jet").status, 200);
  const std::string first_draft = instantNow();
  ASSERT_EQ(putOpinionText(tutor, id, "Texte relu").status, 200);
  const std::string second_draft = instantNow();
  signSampleCompanyOpinion(id);
  const std::string after_signature = instantNow();

  EXPECT_TRUE(fileAtOk(centre, id, before_opinion)->isNull("company_opinion"));
  const auto draft = fileAtOk(centre, id, first_draft)->getObject("company_opinion");
  ASSERT_TRUE(draft) << fileAt(centre, id, first_draft).body;
  EXPECT_EQ(draft->getObject("current")->getValue<std::string>("state"), "draft");
  EXPECT_EQ(draft->getObject("current")->getValue<std::string>("text"), "Premier jet");
  EXPECT_FALSE(draft->getValue<bool>("editable"));
  const auto reread = fileAtOk(centre, id, second_draft)->getObject("company_opinion");
  EXPECT_EQ(reread->getObject("current")->getValue<std::string>("text"), "Texte relu");
  EXPECT_EQ(reread->getArray("history")->size(), 0u);
  const auto signed_opinion = fileAtOk(centre, id, after_signature)->getObject("company_opinion");
  EXPECT_EQ(signed_opinion->getObject("current")->getValue<std::string>("state"), "signed");
  EXPECT_EQ(signed_opinion->getArray("history")->size(), 1u);
  // The report uploaded on the way to the opinion is there; the grid evaluated before it too.
  const auto then = fileAtOk(centre, id, first_draft);
  EXPECT_GE(then->getArray("documents")->size(), 1u);
  EXPECT_TRUE(then->getObject("grid")->getValue<bool>("complete"));
}

TEST_P(FileAsOfApiTest, AQuestionThatCannotBeAnsweredSaysWhyAndWhichField) {
  const std::string centre = client().login("centre");
  const auto created = createFile(centre, "Questionné");
  const std::string id = created->getValue<std::string>("id");
  for (const std::string& at : {std::string("hier"), std::string("2027-03-18"),
                                std::string("2027-03-18T10:00:00"), std::string("2027-02-30T10:00:00+01:00"),
                                std::string("2000-01-01T00:00:00Z"), std::string("2999-01-01T00:00:00Z")}) {
    const auto answer = fileAt(centre, id, at);
    EXPECT_EQ(answer.status, 400) << at << ": " << answer.body;
    EXPECT_EQ(answer.errorField(), "at") << at;
  }
  const std::string now = instantNow();
  // Only those who read a file's whole archive see it as it stood; outside one's scope it does not exist.
  EXPECT_EQ(fileAt(client().login("entreprise"), id, now).status, 403);
  EXPECT_EQ(fileAt(client().login("evaluateur1"), id, now).status, 403);
  EXPECT_EQ(fileAt(client().login("centre2"), id, now).status, 404);
  EXPECT_EQ(fileAt(centre, "no-such-file", now).status, 404);
  EXPECT_EQ(fileAt("", id, now).status, 401);
  // "+01:00" typed unencoded in an address arrives as a space; it still reads as the offset.
  const auto typed = client().get("/api/v1/files/" + id + "?at=2999-01-01T00:00:00+01:00", centre);
  EXPECT_EQ(typed.errorField(), "at");
  EXPECT_NE(typed.body.find("future"), std::string::npos) << typed.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, FileAsOfApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
