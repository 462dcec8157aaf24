#include "api_fixture.h"

// A VAE application passes a recorded admissibility decision (« recevabilité »), favourable or not and always
// with a reason, before its evaluation modalities are agreed.

namespace cqpm::testing {
namespace {

HttpAnswer decide(const HttpClient& client, const std::string& token, const std::string& id,
                  const std::string& body) {
  return client.postJson("/api/v1/files/" + id + "/admissibility", body, token);
}

class VaeAdmissibilityTest : public ApiTest {
 protected:
  // A VAE file of the demo centre, registered (version 2).
  std::string registeredVaeFile(const std::string& centre, const std::string& name) const {
    const std::string id = createFile(centre, name, "vae")->getValue<std::string>("id");
    const auto registered = fire(centre, id, "register", 1);
    EXPECT_EQ(registered.status, 200) << registered.body;
    return id;
  }
};

TEST_P(VaeAdmissibilityTest, TheModalitiesOfAVaeFileWaitForAFavourableDecision) {
  const std::string centre = client().login("centre");
  const std::string id = registeredVaeFile(centre, "Recevable");
  const auto before = client().get("/api/v1/files/" + id + "/admissibility", centre);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_TRUE(before.json()->getValue<bool>("required"));
  EXPECT_TRUE(before.json()->getValue<bool>("editable"));
  EXPECT_TRUE(before.json()->isNull("current"));

  // No decision yet: the plan is accepted, the agreement is not.
  ASSERT_EQ(putSamplePlan(centre, id, 2).status, 200);
  const auto undecided = fire(centre, id, "agree_modalities", 3);
  EXPECT_EQ(undecided.status, 422) << undecided.body;
  EXPECT_EQ(undecided.errorField(), "admissibility");

  // Not admissible: still refused, and the reason is said.
  const auto refused =
      decide(client(), centre, id,
             R"({"favourable":false,"reason":"Expérience d'un an seulement, hors du champ du CQPM."})");
  ASSERT_EQ(refused.status, 201) << refused.body;
  EXPECT_FALSE(refused.json()->getObject("current")->getValue<bool>("favourable"));
  const auto unfavourable = fire(centre, id, "agree_modalities", 3);
  EXPECT_EQ(unfavourable.status, 422) << unfavourable.body;
  EXPECT_EQ(unfavourable.errorField(), "admissibility");
  EXPECT_NE(unfavourable.body.find("Expérience d'un an seulement"), std::string::npos) << unfavourable.body;

  // A new examination, after new certificates of employment: favourable, in force.
  const auto admitted =
      decide(client(), centre, id,
             R"({"favourable":true,"reason":"Certificats de travail : quatre ans en contrôle qualité."})");
  ASSERT_EQ(admitted.status, 201) << admitted.body;
  const auto view = admitted.json();
  EXPECT_TRUE(view->getObject("current")->getValue<bool>("favourable"));
  EXPECT_EQ(view->getObject("current")->getValue<int>("sequence"), 2);
  EXPECT_EQ(view->getObject("current")->getObject("decided_by")->getValue<std::string>("display_name"),
            "Claire Moreau");
  ASSERT_EQ(view->getArray("history")->size(), 2u);
  EXPECT_FALSE(view->getArray("history")->getObject(1)->getValue<bool>("favourable"));  // newest first

  const auto agreed = fire(centre, id, "agree_modalities", 3);
  ASSERT_EQ(agreed.status, 200) << agreed.body;
  // Once the modalities are agreed, the admissibility is settled.
  EXPECT_FALSE(
      client().get("/api/v1/files/" + id + "/admissibility", centre).json()->getValue<bool>("editable"));
  const auto late = decide(client(), centre, id, R"({"favourable":false,"reason":"Trop tard"})");
  EXPECT_EQ(late.status, 409) << late.body;

  // Both decisions are in the file's history, with their reasons.
  const auto events = client().get("/api/v1/files/" + id + "/events", centre).json()->getArray("items");
  int decided = 0;
  for (std::size_t i = 0; i < events->size(); ++i) {
    const auto event = events->getObject(static_cast<unsigned>(i));
    if (event->getValue<std::string>("transition") != "vae_admissibility_decided") continue;
    ++decided;
    EXPECT_FALSE(event->getObject("payload")->getValue<std::string>("reason").empty());
  }
  EXPECT_EQ(decided, 2);
}

TEST_P(VaeAdmissibilityTest, OnlyTheCentreDecidesAndOnlyOnARegisteredVaeFile) {
  const std::string centre = client().login("centre");
  const std::string id = registeredVaeFile(centre, "Examen");
  const std::vector<std::pair<std::string, std::string>> bad{
      {R"({"reason":"Dossier complet"})", "favourable"},
      {R"({"favourable":"oui","reason":"Dossier complet"})", "favourable"},
      {R"({"favourable":true})", "reason"},
      {R"({"favourable":true,"reason":"   "})", "reason"},
  };
  for (const auto& [body, field] : bad) {
    const auto answer = decide(client(), centre, id, body);
    EXPECT_EQ(answer.status, 400) << body << " -> " << answer.body;
    EXPECT_EQ(answer.errorField(), field) << body;
  }
  EXPECT_EQ(decide(client(), client().login("centre2"), id, R"({"favourable":true,"reason":"r"})").status,
            404);
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/admissibility", client().login("centre2")).status, 404);

  // Not a VAE file: nothing to examine.
  const std::string employee = createFile(centre, "Salarie")->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, employee, "register", 1).status, 200);
  // The company sees its employee's file but decides nothing.
  EXPECT_EQ(
      decide(client(), client().login("entreprise"), employee, R"({"favourable":true,"reason":"r"})").status,
      403);
  const auto not_vae = decide(client(), centre, employee, R"({"favourable":true,"reason":"r"})");
  EXPECT_EQ(not_vae.status, 422) << not_vae.body;
  EXPECT_EQ(not_vae.errorField(), "pathway");
  EXPECT_FALSE(client()
                   .get("/api/v1/files/" + employee + "/admissibility", centre)
                   .json()
                   ->getValue<bool>("required"));
  // An employee file's modalities do not wait for any admissibility.
  EXPECT_EQ(agreeModalities(centre, employee, 2), 4);

  // A draft VAE file is not registered yet.
  const std::string draft = createFile(centre, "Brouillon", "vae")->getValue<std::string>("id");
  EXPECT_EQ(decide(client(), centre, draft, R"({"favourable":true,"reason":"r"})").status, 409);

  // Nothing was recorded by the refused attempts.
  EXPECT_TRUE(client().get("/api/v1/files/" + id + "/admissibility", centre).json()->isNull("current"));
}

INSTANTIATE_TEST_SUITE_P(Backends, VaeAdmissibilityTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
