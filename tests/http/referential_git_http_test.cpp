#include <Poco/Base64Encoder.h>
#include <Poco/File.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "api_fixture.h"
#include "auth/hashing_slots.h"

// The referential repository over HTTP for stock git, and moving a file to a
// newer referential version.

namespace cqpm::testing {
namespace {

int runQuietly(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

std::string readAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class ReferentialGitHttpTest : public ApiTest {
 protected:
  std::string cloneUrl(const std::string& credentials) const {
    return "http://" + credentials + "@127.0.0.1:" + std::to_string(server_->port()) +
           "/git/referentials.git";
  }
};

TEST_P(ReferentialGitHttpTest, AGtpAuditorClonesTheRepositoryWithStockGit) {
  const std::string dir = makeTempDir("cqpm-clone");
  ASSERT_EQ(runQuietly("git clone -q " + cloneUrl("gtp-salarie:demo") + " " + dir + "/repo"), 0);
  const std::string referential = readAll(dir + "/repo/fabrication-additive/referential.json");
  EXPECT_NE(referential.find("\"BDC0198\""), std::string::npos);
  EXPECT_NE(readAll(dir + "/repo/qualite/referential.md").find("Technicien de la qualité"),
            std::string::npos);
  EXPECT_EQ(runQuietly("git -C " + dir + "/repo fsck --strict"), 0);
  EXPECT_EQ(runQuietly("git -C " + dir + "/repo rev-parse --verify -q refs/tags/qualite/v1"), 0);
  Poco::File(dir).remove(true);
}

TEST_P(ReferentialGitHttpTest, OtherRolesAndWrongPasswordsAreRefused) {
  const std::string dir = makeTempDir("cqpm-clone");
  EXPECT_NE(runQuietly("GIT_TERMINAL_PROMPT=0 git clone -q " + cloneUrl("centre:demo") + " " + dir + "/a"),
            0);
  EXPECT_NE(
      runQuietly("GIT_TERMINAL_PROMPT=0 git clone -q " + cloneUrl("gtp-salarie:nope") + " " + dir + "/b"), 0);
  EXPECT_EQ(client().get("/git/referentials.git/info/refs", "").status, 401);
  EXPECT_EQ(client().get("/git/referentials.git/info/refs", client().login("centre")).status, 403);
  const auto refs = client().get("/git/referentials.git/info/refs", client().login("gtp-employeur"));
  EXPECT_EQ(refs.status, 200);
  EXPECT_NE(refs.body.find("refs/tags/qualite/v1"), std::string::npos);
  // Only what a clone reads is served: not the repository's configuration.
  EXPECT_EQ(client().get("/git/referentials.git/config", client().login("gtp-employeur")).status, 404);
  Poco::File(dir).remove(true);
}

// Publishes version 2 of fabrication-additive (its second bloc gets a code).
void publishBlocCode(const ApiTest& test, const HttpClient& client) {
  const std::string employer = client.login("gtp-employeur");
  auto referential =
      client.get("/api/v1/cqpms/fabrication-additive", employer).json()->getObject("referential");
  referential->getArray("blocs")->getObject(1)->set("code", "BDC0199");
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("referential", referential);
  body->set("reason", "Code attribué par le GTP.");
  const auto proposed =
      client.postJson("/api/v1/cqpms/fabrication-additive/proposals", toJsonText(body), employer);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const std::string id = proposed.json()->getValue<std::string>("id");
  const std::string employee = client.login("gtp-salarie");
  ASSERT_EQ(client.postJson("/api/v1/proposals/" + id + "/approve", "", employee).status, 200);
  ASSERT_EQ(client.postJson("/api/v1/proposals/" + id + "/publish", "", employee).status, 200);
  (void)test;
}

TEST_P(ReferentialGitHttpTest, ABasicPasswordIsHashedOnceAndRefusedAtOnceAfterItChanged) {
  auto basic = [](const std::string& credentials) {
    std::ostringstream encoded;
    Poco::Base64Encoder encoder(encoded);
    encoder << credentials;
    encoder.close();
    return std::map<std::string, std::string>{{"Authorization", "Basic " + encoded.str()}};
  };
  auto infoRefs = [&](const std::string& credentials) {
    return client().request("GET", "/git/referentials.git/info/refs", {}, basic(credentials)).status;
  };
  ASSERT_EQ(infoRefs("gtp-salarie:demo"), 200);
  {
    // Argon2 cannot run while every hashing slot is held: the verified pair is reused.
    auth::HashingSlots& slots = server_->server().auth().hasher().slots();
    std::vector<auth::HashingSlots::Slot> held;
    for (int i = 0; i < slots.slots(); ++i) held.push_back(slots.acquire());
    EXPECT_EQ(infoRefs("gtp-salarie:demo"), 200);
    EXPECT_EQ(infoRefs("gtp-salarie:wrong"), 503);  // never from the cache: it needs Argon2
  }
  const std::string session = client().login("gtp-salarie");
  ASSERT_EQ(
      client()
          .postJson("/api/v1/me/password",
                    R"({"current_password":"demo","new_password":"Clone du référentiel 2031"})", session)
          .status,
      204);
  EXPECT_EQ(infoRefs("gtp-salarie:demo"), 401);
  EXPECT_EQ(infoRefs("gtp-salarie:Clone du référentiel 2031"), 200);
}

TEST_P(ReferentialGitHttpTest, TheCentreMovesARegisteredFileToTheNewVersionWithTheDiffShownFirst) {
  const std::string centre = client().login("centre");
  const auto created = client().postJson(
      "/api/v1/files",
      R"({"cqpm":"fabrication-additive","pathway":"job_seeker","candidate":{"given_name":"Léo","family_name":"Roy","email":"l@r.fr","birth_date":"1999-09-09"},"registration":{"material_family":"sand"},"company_id":")" +
          firstCompany(centre) + "\"}",
      centre);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()->getValue<std::string>("id");
  const auto registered = fire(centre, id, "register", 1);
  ASSERT_EQ(registered.status, 200);
  EXPECT_EQ(registered.json()->getObject("referential")->getValue<int>("version"), 1);
  publishBlocCode(*this, client());

  const auto shown = client().get("/api/v1/files/" + id + "/referential", centre).json();
  EXPECT_EQ(shown->getObject("pinned")->getValue<int>("version"), 1);
  EXPECT_EQ(shown->getObject("current")->getValue<int>("version"), 2);
  EXPECT_EQ(shown->getArray("changes")->size(), 1u);
  EXPECT_TRUE(shown->getValue<bool>("movable"));
  EXPECT_EQ(
      client().get("/api/v1/files/" + id, centre).json()->getObject("referential")->getValue<int>("version"),
      1);

  auto move = [&](const std::string& token, int expected, int version) {
    return client().postJson("/api/v1/files/" + id + "/referential",
                             R"({"expected_version":)" + std::to_string(expected) + R"(,"version":)" +
                                 std::to_string(version) + "}",
                             token);
  };
  // The host company sees its candidate's file, but moving it is the centre's decision.
  EXPECT_EQ(move(client().login("entreprise"), 2, 2).status, 403);
  EXPECT_EQ(move(client().login("centre2"), 2, 2).status, 404);  // another centre's file
  EXPECT_EQ(move(centre, 1, 2).errorCode(), "version_conflict");
  EXPECT_EQ(move(centre, 2, 1).errorField(), "version");
  EXPECT_EQ(move(centre, 2, 3).status, 404);
  const auto moved = move(centre, 2, 2);
  ASSERT_EQ(moved.status, 200) << moved.body;
  const auto file = client().get("/api/v1/files/" + id, centre).json();
  EXPECT_EQ(file->getObject("referential")->getValue<int>("version"), 2);
  EXPECT_EQ(file->getValue<int>("version"), 3);
  const auto events = client().get("/api/v1/files/" + id + "/events", centre).json()->getArray("items");
  const auto last = events->getObject(static_cast<unsigned>(events->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("transition"), "move_referential");
  EXPECT_EQ(last->getObject("payload")->getValue<int>("from_version"), 1);
  EXPECT_EQ(last->getObject("payload")->getValue<int>("to_version"), 2);
  // The plan editor now reads version 2: the second bloc has its code.
  const auto editor = client().get("/api/v1/files/" + id + "/modalities", centre).json();
  EXPECT_EQ(editor->getArray("competencies")->getObject(5)->getValue<std::string>("bloc_code"), "BDC0199");
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferentialGitHttpTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
