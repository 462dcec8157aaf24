#include "opinion/opinion_fixture.h"

// The company opinion through the real server: drafts, ETags, signature,
// corrections as new versions, VAE, roles and tenancy, and the guard on
// give_company_opinion.

namespace cqpm::testing {
namespace {

// The qualite referential: 3 activities, 6 competencies.
constexpr std::size_t kActivities = 3;
constexpr std::size_t kCompetencies = 6;

std::string answers(const std::string& list, const std::string& key, std::size_t count, const char* value,
                    std::size_t skip = 0) {
  std::string json = "\"" + list + "\":[";
  for (std::size_t i = 1; i <= count; ++i) {
    if (i == skip) continue;
    if (json.back() != '[') json += ",";
    json += R"({")" + key + R"(":")" + std::to_string(i) + R"(","value":")" + value +
            R"(","comment":"Commentaire )" + std::to_string(i) + R"("})";
  }
  return json + "]";
}

// Every activity, and every competency but `missing_competency` (0: none missing).
std::string opinionBody(const char* value, std::size_t missing_competency = 0, const std::string& text = "") {
  return "{" + answers("activities", "index", kActivities, value) + "," +
         answers("competencies", "number", kCompetencies, value, missing_competency) + R"(,"text":")" + text +
         "\"}";
}

using CompanyOpinionApiTest = OpinionApiTest;

TEST_P(CompanyOpinionApiTest, BeforeAnythingIsSavedTheOpinionIsAnEmptyDraftOfTheReferential) {
  const std::string centre = client().login("centre");
  const std::string file = fileInCompanyOpinion(centre);
  const auto answer = getOpinion(client().login("entreprise"), file);
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto opinion = answer.json();
  EXPECT_TRUE(opinion->getValue<bool>("required"));
  EXPECT_TRUE(opinion->getValue<bool>("editable"));
  EXPECT_EQ(opinion->getValue<std::string>("state"), "draft");
  const auto current = opinion->getObject("current");
  EXPECT_EQ(current->getValue<int>("version"), 1);
  ASSERT_EQ(current->getArray("activities")->size(), kActivities);
  ASSERT_EQ(current->getArray("competencies")->size(), kCompetencies);
  const auto first_activity = current->getArray("activities")->getObject(0);
  EXPECT_EQ(first_activity->getValue<std::string>("index"), "1");
  // The activity as a heading: the official list's « ; » is not kept (the referential keeps it).
  EXPECT_EQ(first_activity->getValue<std::string>("title"), "La mise en place d'un plan d'action qualité");
  for (std::size_t i = 0; i < kActivities; ++i) {
    const std::string title =
        current->getArray("activities")->getObject(static_cast<unsigned>(i))->getValue<std::string>("title");
    EXPECT_FALSE(title.ends_with(";") || title.ends_with(" ")) << title;
  }
  EXPECT_TRUE(first_activity->isNull("value"));
  EXPECT_EQ(current->getArray("competencies")->getObject(2)->getValue<std::string>("number"), "3");
  EXPECT_EQ(opinion->getArray("history")->size(), 0u);
  EXPECT_EQ(answer.headers.at("etag"), current->getValue<std::string>("etag"));
  EXPECT_FALSE(getOpinion(centre, file).json()->getValue<bool>("editable"));
}

TEST_P(CompanyOpinionApiTest, AFullCycleOfDraftSignatureAndCorrection) {
  const std::string centre = client().login("centre");
  const std::string tutor = client().login("entreprise");
  const std::string file = fileInCompanyOpinion(centre);
  const std::string empty_etag = etagOf(getOpinion(tutor, file));

  // No If-Match: 428, nothing written.
  const auto blind = putOpinion(tutor, file, "", opinionBody("favourable"));
  EXPECT_EQ(blind.status, 428);
  EXPECT_EQ(blind.errorCode(), "precondition_required");
  EXPECT_EQ(blind.errorField(), "If-Match");

  // A draft without competency 3.
  const auto draft = putOpinion(tutor, file, empty_etag, opinionBody("reserved", 3, "Premier jet"));
  ASSERT_EQ(draft.status, 200) << draft.body;
  const std::string draft_etag = etagOf(draft);
  EXPECT_NE(draft_etag, empty_etag);
  EXPECT_EQ(draft.headers.at("etag"), draft_etag);
  const auto current = draft.json()->getObject("current");
  EXPECT_EQ(current->getValue<std::string>("text"), "Premier jet");
  EXPECT_EQ(current->getArray("competencies")->getObject(0)->getValue<std::string>("value"), "reserved");
  EXPECT_TRUE(current->getArray("competencies")->getObject(2)->isNull("value"));
  EXPECT_EQ(current->getObject("updated_by")->getValue<std::string>("display_name"), "Sophie Bernard");

  // A stale ETag: 412 with the current content.
  const auto stale = putOpinion(tutor, file, empty_etag, opinionBody("unfavourable"));
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.errorCode(), "precondition_failed");
  const auto shown = stale.json()->getObject("error")->getObject("details")->getObject("current");
  EXPECT_EQ(shown->getObject("current")->getValue<std::string>("etag"), draft_etag);
  EXPECT_EQ(shown->getObject("current")->getValue<std::string>("text"), "Premier jet");

  // Signing names the first missing value.
  const auto incomplete = signOpinion(tutor, file, draft_etag);
  EXPECT_EQ(incomplete.status, 422);
  EXPECT_EQ(incomplete.errorField(), "competencies.3");
  EXPECT_EQ(signOpinion(tutor, file, "").status, 428);

  const auto complete = putOpinion(tutor, file, draft_etag, opinionBody("favourable", 0, "Version 1"));
  ASSERT_EQ(complete.status, 200) << complete.body;
  EXPECT_EQ(signOpinion(tutor, file, draft_etag).status, 412);  // the draft moved on
  const auto signed_v1 = signOpinion(tutor, file, etagOf(complete));
  ASSERT_EQ(signed_v1.status, 200) << signed_v1.body;
  EXPECT_EQ(signed_v1.json()->getValue<std::string>("state"), "signed");
  const auto history = signed_v1.json()->getArray("history");
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->getObject(0)->getObject("signed_by")->getValue<std::string>("display_name"),
            "Sophie Bernard");
  EXPECT_FALSE(history->getObject(0)->isNull("signed_at"));

  // Signing again: already signed.
  const auto twice = signOpinion(tutor, file, etagOf(signed_v1));
  EXPECT_EQ(twice.status, 409);

  // A PUT on the signed version starts version 2; version 1 stays as it was.
  const auto correction = putOpinion(tutor, file, etagOf(signed_v1), opinionBody("reserved", 0, "Version 2"));
  ASSERT_EQ(correction.status, 200) << correction.body;
  const auto v2 = correction.json();
  EXPECT_EQ(v2->getValue<std::string>("state"), "draft");
  EXPECT_EQ(v2->getObject("current")->getValue<int>("version"), 2);
  ASSERT_EQ(v2->getArray("history")->size(), 1u);
  const auto kept = v2->getArray("history")->getObject(0);
  EXPECT_EQ(kept->getValue<int>("version"), 1);
  EXPECT_EQ(kept->getValue<std::string>("text"), "Version 1");
  EXPECT_EQ(kept->getArray("activities")->getObject(0)->getValue<std::string>("value"), "favourable");

  const auto signed_v2 = signOpinion(tutor, file, etagOf(correction));
  ASSERT_EQ(signed_v2.status, 200) << signed_v2.body;
  const auto both = signed_v2.json()->getArray("history");
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ(both->getObject(0)->getValue<std::string>("text"), "Version 1");
  EXPECT_EQ(both->getObject(1)->getValue<std::string>("text"), "Version 2");
  EXPECT_EQ(both->getObject(1)->getArray("competencies")->getObject(5)->getValue<std::string>("value"),
            "reserved");

  // Every save and signature is in the file's history.
  std::vector<std::string> kinds;
  const auto all = events(centre, file);
  for (std::size_t i = 0; i < all->size(); ++i) {
    const std::string kind = all->getObject(static_cast<unsigned>(i))->getValue<std::string>("transition");
    if (kind.rfind("company_opinion_", 0) == 0) kinds.push_back(kind);
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"company_opinion_saved", "company_opinion_saved",
                                             "company_opinion_signed", "company_opinion_saved",
                                             "company_opinion_signed"}));
}

TEST_P(CompanyOpinionApiTest, BadBodiesNameTheirField) {
  const std::string tutor = client().login("entreprise");
  const std::string file = fileInCompanyOpinion(client().login("centre"));
  const std::string etag = etagOf(getOpinion(tutor, file));
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"activities":[{"index":"4","value":"favourable"}]})", "activities[0].index"},
      {R"({"activities":[{"index":"1"},{"index":1}]})", "activities[1].index"},
      {R"({"activities":[{"index":true,"value":"favourable"}]})", "activities[0].index"},
      {R"({"competencies":[{"number":"2","value":"excellent"}]})", "competencies.2.value"},
      {R"({"competencies":[{"number":"2","comment":7}]})", "competencies.2.comment"},
      {R"({"competencies":{"1":"favourable"}})", "competencies"},
      {R"({"text":["a"]})", "text"},
  };
  for (const auto& [body, field] : cases) {
    const auto answer = putOpinion(tutor, file, etag, body);
    EXPECT_EQ(answer.status, 400) << body;
    EXPECT_EQ(answer.errorField(), field) << body;
  }
  EXPECT_EQ(putOpinion(tutor, file, etag, "not json").status, 400);
  EXPECT_EQ(etagOf(getOpinion(tutor, file)), etag);  // nothing was written
}

TEST_P(CompanyOpinionApiTest, OnlyTheCompanyTutorWritesAndOnlyInCompanyOpinion) {
  const std::string centre = client().login("centre");
  std::int64_t version = 0;
  const std::string file = fileInCompanyOpinion(centre, &version);
  const std::string etag = etagOf(getOpinion(centre, file));
  const std::string body = opinionBody("favourable");

  EXPECT_EQ(putOpinion(centre, file, etag, body).status, 403);
  EXPECT_EQ(putOpinion(client().login("evaluateur1"), file, etag, body).status, 403);
  EXPECT_EQ(signOpinion(centre, file, etag).status, 403);
  EXPECT_EQ(getOpinion(client().login("evaluateur1"), file).status, 200);
  EXPECT_EQ(getOpinion(client().login("centre2"), file).status, 404);
  EXPECT_EQ(putOpinion(client().login("centre2"), file, etag, body).status, 404);
  EXPECT_EQ(getOpinion(client().login("gtp-employeur"), file).status, 404);

  // Before company_opinion, not even the tutor writes.
  const std::string other_file = createFile(centre, "Autre")->getValue<std::string>("id");
  const auto early = putOpinion(client().login("entreprise"), other_file, "\"1.0\"", body);
  EXPECT_EQ(early.status, 409);  // draft: not the time for the opinion
  EXPECT_EQ(early.errorCode(), "invalid_state");

  // After give_company_opinion, no more corrections.
  const std::string tutor = client().login("entreprise");
  signSampleCompanyOpinion(file);
  ASSERT_EQ(fire(tutor, file, "give_company_opinion", version).status, 200);
  const auto late = putOpinion(tutor, file, etagOf(getOpinion(tutor, file)), body);
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.errorCode(), "invalid_state");
}

TEST_P(CompanyOpinionApiTest, TheCandidateReadsButDoesNotWrite) {
  // The demo's candidate account is Lucas Martin's, on a file in modalities_agreed:
  // their own file, not in company_opinion; a write is refused for the role first.
  const std::string candidate = client().login("candidat");
  const auto files = client().get("/api/v1/files", candidate).json()->getArray("items");
  ASSERT_GE(files->size(), 1u);
  const std::string own = files->getObject(0)->getValue<std::string>("id");
  EXPECT_EQ(getOpinion(candidate, own).status, 200);
  const auto write = putOpinion(candidate, own, "\"1.0\"", opinionBody("favourable"));
  EXPECT_EQ(write.status, 403);
  EXPECT_EQ(signOpinion(candidate, own, "\"1.0\"").status, 403);
  const std::string other = fileInCompanyOpinion(client().login("centre"));
  EXPECT_EQ(getOpinion(candidate, other).status, 404);
}

TEST_P(CompanyOpinionApiTest, AVaeFileHasNoCompanyOpinion) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "Vae", "vae")->getValue<std::string>("id");
  const auto opinion = getOpinion(centre, file);
  ASSERT_EQ(opinion.status, 200);
  EXPECT_FALSE(opinion.json()->getValue<bool>("required"));
  EXPECT_TRUE(opinion.json()->isNull("current"));
  const auto refused = putOpinion(centre, file, "\"1.0\"", opinionBody("favourable"));
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.errorField(), "pathway");
  EXPECT_NE(refused.body.find("no company opinion for VAE"), std::string::npos) << refused.body;
  EXPECT_EQ(signOpinion(centre, file, "\"1.0\"").status, 422);
}

TEST_P(CompanyOpinionApiTest, GiveCompanyOpinionNeedsTheNewestVersionSigned) {
  const std::string centre = client().login("centre");
  const std::string tutor = client().login("entreprise");
  std::int64_t version = 0;
  const std::string file = fileInCompanyOpinion(centre, &version);

  const auto nothing = fire(tutor, file, "give_company_opinion", version);
  EXPECT_EQ(nothing.status, 422);
  EXPECT_EQ(nothing.errorCode(), "guard_failed");
  EXPECT_EQ(nothing.errorField(), "company_opinion");

  const auto draft = putOpinion(tutor, file, etagOf(getOpinion(tutor, file)), opinionBody("favourable"));
  ASSERT_EQ(draft.status, 200);
  EXPECT_EQ(fire(centre, file, "give_company_opinion", version).errorField(), "company_opinion");

  const auto signed_v1 = signOpinion(tutor, file, etagOf(draft));
  ASSERT_EQ(signed_v1.status, 200);
  // A correction in progress: the draft must be signed first.
  const auto correction = putOpinion(tutor, file, etagOf(signed_v1), opinionBody("reserved"));
  ASSERT_EQ(correction.status, 200);
  const auto pending = fire(centre, file, "give_company_opinion", version);
  EXPECT_EQ(pending.status, 422);
  EXPECT_NE(pending.body.find("Version 2"), std::string::npos) << pending.body;

  ASSERT_EQ(signOpinion(tutor, file, etagOf(correction)).status, 200);
  const auto given = fire(centre, file, "give_company_opinion", version);
  ASSERT_EQ(given.status, 200) << given.body;
  EXPECT_EQ(given.json()->getValue<std::string>("state"), "ready_for_jury");
}

INSTANTIATE_TEST_SUITE_P(Backends, CompanyOpinionApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
