#include "api_fixture.h"

// A centre hands a file over to another centre: proposed with a reason, accepted or refused by the
// receiving centre; on acceptance the file and its whole history move, and both centres keep the record.

namespace cqpm::testing {
namespace {

using FileTransfersTest = ApiTest;
using Poco::JSON::Object;

std::string organisationOf(const HttpClient& client, const std::string& token) {
  return client.get("/api/v1/me", token).json()->getObject("organisation")->getValue<std::string>("id");
}

HttpAnswer propose(const HttpClient& client, const std::string& token, const std::string& file_id,
                   const std::string& body) {
  return client.postJson("/api/v1/files/" + file_id + "/transfer", body, token);
}

std::string proposal(const std::string& centre_id, const std::string& reason = "Le candidat a déménagé") {
  return R"({"centre_id":")" + centre_id + R"(","reason":")" + reason + R"("})";
}

// The transitions of the file's history, in order.
std::vector<std::string> historyOf(const HttpClient& client, const std::string& token,
                                   const std::string& id) {
  const auto items = client.get("/api/v1/files/" + id + "/events", token).json()->getArray("items");
  std::vector<std::string> kinds;
  for (std::size_t i = 0; i < items->size(); ++i)
    kinds.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("transition"));
  return kinds;
}

// The titles of the reader's notifications.
std::vector<std::string> notificationTitles(const HttpClient& client, const std::string& token) {
  const auto items = client.get("/api/v1/notifications", token).json()->getArray("items");
  std::vector<std::string> titles;
  for (std::size_t i = 0; i < items->size(); ++i)
    titles.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("title"));
  return titles;
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// The administration log's actions as `token` reads it.
std::vector<std::string> logActions(const HttpClient& client, const std::string& token) {
  const auto items = client.get("/api/v1/admin/log?limit=200", token).json()->getArray("items");
  std::vector<std::string> actions;
  for (std::size_t i = 0; i < items->size(); ++i)
    actions.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("action"));
  return actions;
}

TEST_P(FileTransfersTest, AnAcceptedTransferMovesTheFileWithItsWholeHistory) {
  const std::string lyon = client().login("centre"), lille = client().login("centre2");
  const std::string lille_id = organisationOf(client(), lille);
  const std::string id = createFile(lyon, "Mobile")->getValue<std::string>("id");
  ASSERT_EQ(fire(lyon, id, "register", 1).status, 200);
  formCommission(lyon, id);
  ASSERT_EQ(client().get("/api/v1/files/" + id, client().login("evaluateur1")).status, 200);

  const auto proposed = propose(client(), lyon, id, proposal(lille_id, "Le candidat a déménagé à Lille"));
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const auto transfer = proposed.json();
  const std::string transfer_id = transfer->getValue<std::string>("id");
  EXPECT_EQ(proposed.headers.at("location"), "/api/v1/transfers/" + transfer_id);
  EXPECT_EQ(transfer->getValue<std::string>("state"), "proposed");
  EXPECT_EQ(transfer->getObject("to_centre")->getValue<std::string>("id"), lille_id);
  EXPECT_EQ(transfer->getObject("file")->getValue<std::string>("candidate_name"), "Alex Mobile");
  // Nothing moved yet: the receiving centre sees the proposal, not the file.
  EXPECT_EQ(client().get("/api/v1/files/" + id, lille).status, 404);
  const auto incoming = client().get("/api/v1/transfers?direction=incoming&state=proposed", lille).json();
  ASSERT_EQ(incoming->getArray("items")->size(), 1u);
  EXPECT_TRUE(contains(notificationTitles(client(), lille), "Transfert de dossier proposé"));
  // Notifications name the certification by its title, never by the plugin's id.
  const auto told = client().get("/api/v1/notifications", lille).json()->getArray("items")->getObject(0);
  EXPECT_NE(told->getValue<std::string>("body").find("Alex Mobile (Technicien de la qualité)"),
            std::string::npos)
      << told->getValue<std::string>("body");
  EXPECT_EQ(client().get("/api/v1/transfers?direction=outgoing", lille).json()->getArray("items")->size(),
            0u);

  const auto accepted = client().postJson("/api/v1/transfers/" + transfer_id + "/acceptance", "", lille);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()->getValue<std::string>("state"), "accepted");
  EXPECT_EQ(accepted.json()->getObject("answered_by")->getValue<std::string>("display_name"),
            "Julien Lefebvre");

  // The file, its version moved on, is now Lille's with its whole history; Lyon does not see it any more.
  const auto moved = client().get("/api/v1/files/" + id, lille);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()->getValue<std::string>("state"), "registered");
  EXPECT_EQ(moved.json()->getValue<int>("version"), 3);
  EXPECT_EQ(moved.json()->getObject("centre")->getValue<std::string>("id"), lille_id);
  const auto history = historyOf(client(), lille, id);
  EXPECT_EQ(history.front(), "create");
  EXPECT_TRUE(contains(history, "register"));
  EXPECT_EQ(history[history.size() - 2], "file_transfer_proposed");
  EXPECT_EQ(history.back(), "file_transferred");
  EXPECT_EQ(client().get("/api/v1/files/" + id, lyon).status, 404);
  // Lyon's evaluators were released; Lyon keeps the record of the transfer and is told.
  EXPECT_EQ(client().get("/api/v1/files/" + id, client().login("evaluateur1")).status, 404);
  const auto events = client().get("/api/v1/files/" + id + "/events", lille).json()->getArray("items");
  const auto last = events->getObject(static_cast<unsigned>(events->size() - 1));
  EXPECT_EQ(last->getObject("payload")->getArray("commission_released")->size(), 2u);
  EXPECT_NE(last->getValue<std::string>("summary_fr").find("a accepté le dossier transféré"),
            std::string::npos);
  const auto outgoing = client().get("/api/v1/transfers?direction=outgoing", lyon).json()->getArray("items");
  ASSERT_EQ(outgoing->size(), 1u);
  EXPECT_EQ(outgoing->getObject(0)->getValue<std::string>("state"), "accepted");
  EXPECT_EQ(client().get("/api/v1/transfers/" + transfer_id, lyon).status, 200);
  EXPECT_TRUE(contains(notificationTitles(client(), lyon), "Transfert de dossier accepté"));
  EXPECT_TRUE(
      contains(notificationTitles(client(), client().login("entreprise")), "Votre dossier change de centre"));
  // Both centres' administration logs hold the acts; the company now works with Lille.
  for (const auto& token : {lyon, lille}) {
    const auto actions = logActions(client(), token);
    EXPECT_TRUE(contains(actions, "file_transfer_proposed"));
    EXPECT_TRUE(contains(actions, "file_transfer_accepted"));
  }
  EXPECT_FALSE(companyId(lille, "Mécanique de Précision du Rhône SAS").empty());
  // Lille follows the file from now on.
  EXPECT_EQ(fire(lille, id, "withdraw", 3, R"({"reason":"Abandon"})").status, 200);
}

TEST_P(FileTransfersTest, RefusedOrCancelledTransfersLeaveTheFileWhereItWas) {
  const std::string lyon = client().login("centre"), lille = client().login("centre2");
  const std::string lille_id = organisationOf(client(), lille);
  const std::string id = createFile(lyon, "Reste")->getValue<std::string>("id");
  const auto first = propose(client(), lyon, id, proposal(lille_id));
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string transfer = "/api/v1/transfers/" + first.json()->getValue<std::string>("id");
  const auto twice = propose(client(), lyon, id, proposal(lille_id));
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.errorCode(), "conflict");

  // Only the receiving centre answers, and a refusal says why.
  EXPECT_EQ(client().postJson(transfer + "/acceptance", "", lyon).status, 403);
  EXPECT_EQ(client().postJson(transfer + "/cancellation", "", lille).status, 403);
  EXPECT_EQ(client().get(transfer, client().login("entreprise")).status, 404);
  const auto bare = client().postJson(transfer + "/refusal", "{}", lille);
  EXPECT_EQ(bare.status, 400);
  EXPECT_EQ(bare.errorField(), "reason");
  const auto refused =
      client().postJson(transfer + "/refusal", R"({"reason":"Pas de place dans la session de mars"})", lille);
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(refused.json()->getValue<std::string>("answer"), "Pas de place dans la session de mars");
  EXPECT_EQ(client().postJson(transfer + "/acceptance", "", lille).status, 409);
  EXPECT_EQ(client().get("/api/v1/files/" + id, lyon).json()->getValue<int>("version"), 1);
  EXPECT_EQ(client().get("/api/v1/files/" + id, lille).status, 404);
  EXPECT_EQ(historyOf(client(), lyon, id).back(), "file_transfer_refused");
  EXPECT_TRUE(contains(notificationTitles(client(), lyon), "Transfert de dossier refusé"));

  // A new proposal, withdrawn by its centre.
  const auto second = propose(client(), lyon, id, proposal(lille_id));
  ASSERT_EQ(second.status, 201) << second.body;
  const std::string again = "/api/v1/transfers/" + second.json()->getValue<std::string>("id");
  const auto cancelled = client().postJson(again + "/cancellation", "", lyon);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()->getValue<std::string>("state"), "cancelled");
  EXPECT_EQ(client().postJson(again + "/acceptance", "", lille).status, 409);
  const auto mine = client().get("/api/v1/files/" + id + "/transfers", lyon).json()->getArray("items");
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ(mine->getObject(0)->getValue<std::string>("state"), "refused");
  EXPECT_EQ(client().get("/api/v1/transfers?state=proposed", lille).json()->getArray("items")->size(), 0u);
}

TEST_P(FileTransfersTest, BadProposalsAreRefusedNamingTheField) {
  const std::string lyon = client().login("centre"), lille = client().login("centre2");
  const std::string lyon_id = organisationOf(client(), lyon), lille_id = organisationOf(client(), lille);
  const std::string id = createFile(lyon, "Immobile")->getValue<std::string>("id");
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"reason":"r"})", "centre_id"},
      {proposal("no-such-centre"), "centre_id"},
      {proposal(lyon_id), "centre_id"},
      {proposal(firstCompany(lyon)), "centre_id"},
      {R"({"centre_id":")" + lille_id + R"("})", "reason"},
      {proposal(lille_id, "  "), "reason"},
  };
  for (const auto& [body, field] : cases) {
    const auto answer = propose(client(), lyon, id, body);
    EXPECT_EQ(answer.status, 400) << body << " -> " << answer.body;
    EXPECT_EQ(answer.errorField(), field) << body;
  }
  EXPECT_EQ(propose(client(), lyon, id, "{not json").status, 400);
  // Out of scope is not found; in scope but not a centre's coordinator is forbidden.
  EXPECT_EQ(propose(client(), lille, id, proposal(lyon_id)).status, 404);
  EXPECT_EQ(propose(client(), client().login("entreprise"), id, proposal(lille_id)).status, 403);
  EXPECT_EQ(client().get("/api/v1/transfers", client().login("entreprise")).status, 403);
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/transfers", client().login("entreprise")).status, 403);
  EXPECT_EQ(client().get("/api/v1/transfers?direction=sideways", lyon).errorField(), "direction");
  EXPECT_EQ(client().get("/api/v1/transfers?state=lost", lyon).errorField(), "state");
  EXPECT_EQ(client().get("/api/v1/transfers/nope", lyon).status, 404);
  // The centres Lyon may name: Lille, not itself; companies do not list them.
  const auto centres = client().get("/api/v1/centres", lyon).json()->getArray("items");
  ASSERT_EQ(centres->size(), 1u);
  EXPECT_EQ(centres->getObject(0)->getValue<std::string>("id"), lille_id);
  EXPECT_EQ(client().get("/api/v1/centres", client().login("entreprise")).status, 403);

  // A file on a jury session's agenda stays with its centre.
  const auto ready = client().get("/api/v1/files?state=ready_for_jury", lyon).json()->getArray("items");
  ASSERT_GT(ready->size(), 0u);
  const std::string on_agenda = ready->getObject(0)->getValue<std::string>("id");
  const auto session = client().postJson(
      "/api/v1/jury-sessions", R"({"date":"2099-06-10","time":"14:00","place":"Lyon, salle du jury"})", lyon);
  ASSERT_EQ(session.status, 201) << session.body;
  const auto added =
      client().postJson("/api/v1/jury-sessions/" + session.json()->getValue<std::string>("id") + "/files",
                        R"({"file_id":")" + on_agenda + R"("})", lyon);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(propose(client(), lyon, on_agenda, proposal(lille_id)).status, 409);
  // A closed file is not transferred either; nothing was recorded.
  ASSERT_EQ(fire(lyon, id, "withdraw", 1, R"({"reason":"Abandon"})").status, 200);
  EXPECT_EQ(propose(client(), lyon, id, proposal(lille_id)).status, 409);
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/transfers", lyon).json()->getArray("items")->size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, FileTransfersTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
