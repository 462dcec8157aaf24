#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <utility>

#include "git/git_test_support.h"
#include "http/api_fixture.h"

// Helpers for the referential store's API tests: proposing a change to the
// version in force, walking it through the GTP's review, reading versions, and
// running the stock git CLI on the repository the server wrote.

namespace cqpm::testing {

inline constexpr const char* kFabrication = "fabrication-additive";
/// The code given to fabrication-additive's second bloc, printed without one in v1.
inline constexpr const char* kFilledCode = "BDC0199";
inline constexpr const char* kFillReason = "Code du bloc 2 publié par France compétences : BDC0199.";

/// Deep copy of a JSON object (the server's answers are parsed afresh anyway,
/// but a test mutates its copy and keeps the original for comparison).
inline Poco::JSON::Object::Ptr copyOf(const Poco::JSON::Object::Ptr& object) {
  return Poco::JSON::Parser().parse(toJsonText(object)).extract<Poco::JSON::Object::Ptr>();
}

/// The body of POST /cqpms/{id}/proposals.
inline std::string proposalBody(const Poco::JSON::Object::Ptr& referential, const std::string& reason) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("referential", referential);
  body->set("reason", reason);
  return toJsonText(body);
}

/// Runs `git --git-dir=<repository> <args>` with no user or system configuration.
inline std::pair<int, std::string> stockGit(const std::string& repository, const std::string& args) {
  return git::test_support::run(
      "env -i PATH=\"$PATH\" HOME=/nonexistent GIT_CONFIG_NOSYSTEM=1 LC_ALL=C git "
      "--git-dir='" +
      repository + "' " + args);
}

/// Through `client` (any instance): fabrication-additive's missing bloc code
/// proposed by gtp-employeur; returns the answer (201 and the proposal).
inline HttpAnswer proposedFilledCode(const HttpClient& client) {
  const std::string employer = client.login("gtp-employeur");
  auto referential =
      copyOf(client.get("/api/v1/cqpms/fabrication-additive", employer).json()->getObject("referential"));
  referential->getArray("blocs")->getObject(1)->set("code", kFilledCode);
  return client.postJson("/api/v1/cqpms/fabrication-additive/proposals",
                         proposalBody(referential, kFillReason), employer);
}

/// The same, then approved by gtp-salarie. Returns the proposal's path
/// ("/api/v1/proposals/N"); publish it with `/publish`.
inline std::string approvedFilledCode(const HttpClient& client) {
  const auto proposed = proposedFilledCode(client);
  EXPECT_EQ(proposed.status, 201) << proposed.body;
  if (proposed.status != 201) return "/api/v1/proposals/none";
  const std::string path =
      "/api/v1/proposals/" + std::to_string(proposed.json()->getValue<std::int64_t>("id"));
  EXPECT_EQ(client.postJson(path + "/approve", "{}", client.login("gtp-salarie")).status, 200);
  return path;
}

/// The API fixture over both backends, with the GTP's tokens and the steps of a review.
class ReferentialApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    employer_ = client().login("gtp-employeur");
    employee_ = client().login("gtp-salarie");
  }

  std::string repository() const { return server_->database().dataDir() + "/referentials.git"; }

  /// The referential of `cqpm` in force, as GET /cqpms/{id} serves it.
  Poco::JSON::Object::Ptr currentReferential(const std::string& cqpm) const {
    const auto answer = client().get("/api/v1/cqpms/" + cqpm, employer_);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json()->getObject("referential");
  }

  /// fabrication-additive's referential in force with the second bloc's code filled.
  Poco::JSON::Object::Ptr withFilledCode() const {
    auto referential = copyOf(currentReferential(kFabrication));
    referential->getArray("blocs")->getObject(1)->set("code", kFilledCode);
    return referential;
  }

  /// The referential in force of `cqpm` with its first mission paragraph reworded (`suffix` appended).
  Poco::JSON::Object::Ptr withRewordedMission(const std::string& cqpm, const std::string& suffix) const {
    auto referential = copyOf(currentReferential(cqpm));
    auto mission = referential->getArray("mission");
    mission->set(0, mission->getElement<std::string>(0) + suffix);
    return referential;
  }

  HttpAnswer propose(const std::string& token, const std::string& cqpm,
                     const Poco::JSON::Object::Ptr& referential, const std::string& reason) const {
    return client().postJson("/api/v1/cqpms/" + cqpm + "/proposals", proposalBody(referential, reason),
                             token);
  }

  /// Proposes as gtp-employeur and returns the proposal's id (fails the test on refusal).
  std::int64_t proposeOk(const std::string& cqpm, const Poco::JSON::Object::Ptr& referential,
                         const std::string& reason) const {
    const auto answer = propose(employer_, cqpm, referential, reason);
    EXPECT_EQ(answer.status, 201) << answer.body;
    return answer.status == 201 ? answer.json()->getValue<std::int64_t>("id") : -1;
  }

  HttpAnswer approve(const std::string& token, std::int64_t id) const {
    return client().postJson("/api/v1/proposals/" + std::to_string(id) + "/approve", "{}", token);
  }
  HttpAnswer reject(const std::string& token, std::int64_t id, const std::string& reason) const {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("reason", reason);
    return client().postJson("/api/v1/proposals/" + std::to_string(id) + "/reject", toJsonText(body), token);
  }
  HttpAnswer publish(const std::string& token, std::int64_t id) const {
    return client().postJson("/api/v1/proposals/" + std::to_string(id) + "/publish", "{}", token);
  }

  Poco::JSON::Object::Ptr proposal(std::int64_t id) const {
    const auto answer = client().get("/api/v1/proposals/" + std::to_string(id), employer_);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json();
  }

  /// The published versions of `cqpm`, oldest first.
  Poco::JSON::Array::Ptr versions(const std::string& cqpm) const {
    const auto answer = client().get("/api/v1/cqpms/" + cqpm + "/versions", employer_);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json()->getArray("items");
  }

  /// Proposed by gtp-employeur, approved by gtp-salarie, published by gtp-employeur:
  /// returns the publish answer.
  HttpAnswer proposeApproveAndPublish(const std::string& cqpm, const Poco::JSON::Object::Ptr& referential,
                                      const std::string& reason) const {
    const std::int64_t id = proposeOk(cqpm, referential, reason);
    const auto approved = approve(employee_, id);
    EXPECT_EQ(approved.status, 200) << approved.body;
    return publish(employer_, id);
  }

  /// Opens a fabrication-additive file as the centre coordinator (polymer powder) and
  /// returns {id, version}.
  std::pair<std::string, std::int64_t> createFabricationFile(const std::string& token,
                                                             const std::string& family_name) const {
    const auto answer = client().postJson(
        "/api/v1/files",
        R"({"cqpm":"fabrication-additive","pathway":"employee","candidate":{"given_name":"Inès","family_name":")" +
            family_name + R"(","email":"ines@example.org","birth_date":"1994-04-04"},"company_id":")" +
            firstCompany(token) + R"(","registration":{"material_family":"polymer_powder"}})",
        token);
    EXPECT_EQ(answer.status, 201) << answer.body;
    if (answer.status != 201) return {};
    return {answer.json()->getValue<std::string>("id"), answer.json()->getValue<std::int64_t>("version")};
  }

  /// Opens and registers a fabrication-additive file; returns its id.
  std::string registeredFabricationFile(const std::string& token, const std::string& family_name) const {
    const auto [id, version] = createFabricationFile(token, family_name);
    const auto registered = fire(token, id, "register", version);
    EXPECT_EQ(registered.status, 200) << registered.body;
    return id;
  }

  std::string employer_;  ///< gtp-employeur, Marc Dubois, employer college
  std::string employee_;  ///< gtp-salarie, Hélène Petit, employee college
};

/// The colleges of a version's or proposal's approvers.
inline std::multiset<std::string> collegesOf(const Poco::JSON::Array::Ptr& approvers) {
  std::multiset<std::string> colleges;
  for (std::size_t i = 0; i < approvers->size(); ++i) {
    colleges.insert(approvers->getObject(static_cast<unsigned>(i))->getValue<std::string>("college"));
  }
  return colleges;
}

}  // namespace cqpm::testing
