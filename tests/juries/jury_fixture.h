#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/TemporaryFile.h>
#include <Poco/UUIDGenerator.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "audit/ed25519_key.h"
#include "common/clock.h"
#include "deadlines/paris_time.h"
#include "http/api_fixture.h"
#include "store/account_store.h"

// Helpers of the jury suites: a qualite file taken through the real workflow to
// ready_for_jury (commission, grid signed by two evaluators, company opinion
// signed by the tutor), and a jury session with members present.

namespace cqpm::testing {

/// Results per competency of the qualite CQPM (6 competencies, blocs [1,2] [3,4] [5,6]).
using GridResults = std::map<int, std::string>;

inline GridResults allAcquired() {
  return {{1, "acquired"}, {2, "acquired"}, {3, "acquired"},
          {4, "acquired"}, {5, "acquired"}, {6, "acquired"}};
}

class JuryApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;  // no server for a backend that is not available
    centre_ = client().login("centre");
    employer_ = client().login("jury-employeur");
    employee_ = client().login("jury-salarie");
  }

  /// The platform's key as /.well-known/jwks.json publishes it, checked to be the Ed25519 key its
  /// id and JWK coordinate name: what an auditor or a holder's verifier takes.
  audit::VerifyingKey publishedKey() const {
    const auto set = client().get("/.well-known/jwks.json", "");
    EXPECT_EQ(set.status, 200) << set.body;
    const auto key = set.json()->getArray("keys")->getObject(0);
    EXPECT_EQ(key->getValue<std::string>("kty"), "OKP");
    EXPECT_EQ(key->getValue<std::string>("crv"), "Ed25519");
    const auto verifying = audit::VerifyingKey::fromPem(key->getValue<std::string>("x-pem"));
    EXPECT_EQ(key->getValue<std::string>("kid"), verifying.keyId());
    EXPECT_EQ(key->getValue<std::string>("x"), verifying.jwkX());
    return verifying;
  }

  /// Another jury member account of the first centre (password "demo"); returns its id.
  std::string addJuryAccount(const std::string& login, const std::string& name,
                             domain::College college) const {
    domain::UserAccount user;
    user.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    user.login = login;
    user.display_name = name;
    user.email = login + "@exemple.fr";
    user.password_hash = server_->server().auth().hasher().hash("demo");
    user.role = domain::Role::kJuryMember;
    user.college = college;
    user.organisation_id =
        client().get("/api/v1/me", centre_).json()->getObject("organisation")->getValue<std::string>("id");
    server_->server().database().write([&](store::SqlSession& sql) {
      store::account_store::insertUser(sql, user, nowIso8601(systemClock()));
    });
    return user.id;
  }

  std::string userId(const std::string& token) const {
    return client().get("/api/v1/me", token).json()->getValue<std::string>("id");
  }

  HttpAnswer put(const std::string& path, const std::string& body, const std::string& token,
                 const std::string& if_match = {}) const {
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token},
                                               {"Content-Type", "application/json"}};
    if (!if_match.empty()) headers["If-Match"] = if_match;
    return client().request("PUT", path, body, headers);
  }

  std::int64_t versionOf(const std::string& file_id) const {
    return client().get("/api/v1/files/" + file_id, centre_).json()->getValue<std::int64_t>("version");
  }

  /// Fires `transition` at the file's current version and expects it to pass.
  void step(const std::string& token, const std::string& file_id, const std::string& transition,
            const std::string& payload = "{}") const {
    const auto answer = fire(token, file_id, transition, versionOf(file_id), payload);
    ASSERT_EQ(answer.status, 200) << transition << ": " << answer.body;
  }

  /// The GTP records that `cqpm` is registered at the RNCP (with its fiche and
  /// the blocs' RNCP codes) through its two-college cycle: proposed, approved,
  /// published. Files registered afterwards pin that version; blocs are awarded
  /// only for them (the seeds carry no RNCP registration).
  void registerAtRncp(const std::string& cqpm = "qualite") const {
    const std::string employer = client().login("gtp-employeur"), employee = client().login("gtp-salarie");
    const auto current = client().get("/api/v1/cqpms/" + cqpm, employer);
    ASSERT_EQ(current.status, 200) << current.body;
    auto referential = Poco::JSON::Parser()
                           .parse(toJsonText(current.json()->getObject("referential")))
                           .extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Object::Ptr rncp = new Poco::JSON::Object;
    rncp->set("number", "RNCP37854");
    rncp->set("level", 4);
    rncp->set("registration_start", "2023-06-29");
    rncp->set("registration_end", "2028-06-29");
    rncp->set("registered", true);
    Poco::JSON::Object::Ptr identity = new Poco::JSON::Object;
    identity->set("cqpm_number", "MQ 2015 06 69 0334");
    identity->set("rncp", rncp);
    referential->set("identity", identity);
    const auto blocs = referential->getArray("blocs");
    for (std::size_t i = 0; i < blocs->size(); ++i) {
      blocs->getObject(static_cast<unsigned>(i))->set("rncp_code", "RNCP37854BC0" + std::to_string(i + 1));
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("referential", referential);
    body->set("reason", "Enregistrement au RNCP : fiche RNCP37854.");
    const auto proposed =
        client().postJson("/api/v1/cqpms/" + cqpm + "/proposals", toJsonText(body), employer);
    ASSERT_EQ(proposed.status, 201) << proposed.body;
    const std::string path =
        "/api/v1/proposals/" + std::to_string(proposed.json()->getValue<std::int64_t>("id"));
    ASSERT_EQ(client().postJson(path + "/approve", "{}", employee).status, 200);
    const auto published = client().postJson(path + "/publish", "{}", employee);
    ASSERT_EQ(published.status, 200) << published.body;
  }

  /// Forms the commission (the first two evaluators) and has both sign every competency.
  void signGrid(const std::string& file_id, const GridResults& results) const {
    const auto commission = client().get("/api/v1/files/" + file_id + "/commission", centre_).json();
    const auto available = commission->getArray("available_evaluators");
    ASSERT_GE(available->size(), 2u);
    const std::string body = R"({"evaluators":[")" + available->getObject(0)->getValue<std::string>("id") +
                             R"(",")" + available->getObject(1)->getValue<std::string>("id") + R"("]})";
    const auto assigned = put("/api/v1/files/" + file_id + "/commission", body, centre_);
    ASSERT_EQ(assigned.status, 200) << assigned.body;
    const std::string first = client().login("evaluateur1"), second = client().login("evaluateur2");
    const auto grid = client().get("/api/v1/files/" + file_id + "/evaluation", first).json();
    const auto competencies = grid->getArray("competencies");
    for (std::size_t i = 0; i < competencies->size(); ++i) {
      const auto competency = competencies->getObject(static_cast<unsigned>(i));
      const int number = competency->getValue<int>("number");
      const std::string path = "/api/v1/files/" + file_id + "/evaluation/" + std::to_string(number);
      const auto written = put(path, R"({"result":")" + results.at(number) + R"("})", first,
                               competency->getValue<std::string>("etag"));
      ASSERT_EQ(written.status, 200) << written.body;
      const std::string etag = written.headers.at("etag");
      for (const auto& evaluator : {first, second}) {
        const auto signed_ = client().postJson(path + "/signatures", "", evaluator, {{"If-Match", etag}});
        ASSERT_LT(signed_.status, 300) << signed_.body;
      }
    }
  }

  /// The company tutor fills every item of the opinion with the first value and signs it.
  void signCompanyOpinion(const std::string& file_id) const {
    const std::string tutor = client().login("entreprise");
    const std::string path = "/api/v1/files/" + file_id + "/company-opinion";
    const auto opinion = client().get(path, tutor).json();
    const std::string value = opinion->getArray("values")->getObject(0)->getValue<std::string>("id");
    const auto current = opinion->getObject("current");
    auto answers = [&](const std::string& list, const std::string& key) {
      std::string json = "[";
      const auto items = current->getArray(list);
      for (std::size_t i = 0; i < items->size(); ++i) {
        const auto item = items->getObject(static_cast<unsigned>(i));
        json += std::string(i ? "," : "") + R"({")" + key + R"(":)" + item->get(key).toString() +
                R"(,"value":")" + value + R"("})";
      }
      return json + "]";
    };
    const auto saved = put(path,
                           R"({"activities":)" + answers("activities", "index") + R"(,"competencies":)" +
                               answers("competencies", "number") + R"(,"text":"Avis favorable."})",
                           tutor, current->getValue<std::string>("etag"));
    ASSERT_EQ(saved.status, 200) << saved.body;
    const std::string etag = saved.json()->getObject("current")->getValue<std::string>("etag");
    const auto signed_ = client().postJson(path + "/signature", "", tutor, {{"If-Match", etag}});
    ASSERT_LT(signed_.status, 300) << signed_.body;
  }

  /// A qualite file of the first centre taken to ready_for_jury with `results`.
  /// Employee files go through the company opinion; VAE files skip it. Once
  /// registered, the centre confirms the carry-over of `carry_over` (blocs an
  /// earlier decision awarded), and only the rest is planned and evaluated.
  std::string readyFile(const std::string& family_name, const std::string& pathway = "employee",
                        const GridResults& results = allAcquired(), const std::vector<int>& carry_over = {},
                        const std::string& given_name = "Alex") const {
    const std::string id = createFile(centre_, family_name, pathway, given_name)->getValue<std::string>("id");
    [&] {
      step(centre_, id, "register");
      if (!carry_over.empty()) {
        const auto confirmed = confirmCarryOver(id, carry_over);
        ASSERT_EQ(confirmed.status, 200) << confirmed.body;
      }
      agreeModalities(centre_, id, versionOf(id));
      uploadReport(centre_, id);
      step(centre_, id, "submit_evidence");
      step(centre_, id, "start_evaluation");
      signGrid(id, results);
      if (pathway == "vae") {
        step(centre_, id, "send_to_jury_without_opinion");
      } else {
        step(centre_, id, "request_company_opinion");
        signCompanyOpinion(id);
        step(centre_, id, "give_company_opinion");
      }
    }();
    EXPECT_EQ(client().get("/api/v1/files/" + id, centre_).json()->getValue<std::string>("state"),
              "ready_for_jury");
    return id;
  }

  /// PUT /files/{id}/carry-over of `blocs`, at the file's current version, as the centre.
  HttpAnswer confirmCarryOver(const std::string& file_id, const std::vector<int>& blocs) const {
    std::string list;
    for (int bloc : blocs) list += (list.empty() ? "" : ",") + std::to_string(bloc);
    return put("/api/v1/files/" + file_id + "/carry-over",
               R"({"expected_version":)" + std::to_string(versionOf(file_id)) + R"(,"blocs":[)" + list + "]}",
               centre_);
  }

  HttpAnswer post(const std::string& path, const std::string& body, const std::string& token) const {
    return client().postJson(path, body, token);
  }

  /// Today in Paris, as sessions are dated.
  static std::string today() { return deadlines::parisDateOf(Poco::Timestamp()); }

  /// A planned session of the first centre, today (deliberation opens on the session's day).
  std::string newSession(const std::string& token = {}, const std::string& date = today()) const {
    const auto answer = post("/api/v1/jury-sessions",
                             R"({"date":")" + date + R"(","time":"09:30","place":"Lyon, salle du jury"})",
                             token.empty() ? centre_ : token);
    EXPECT_EQ(answer.status, 201) << answer.body;
    return answer.json()->getValue<std::string>("id");
  }

  HttpAnswer addMember(const std::string& session, const std::string& user_id,
                       const std::string& company_json = "null") const {
    return post("/api/v1/jury-sessions/" + session + "/members",
                R"({"user_id":")" + user_id + R"(","company_id":)" + company_json + "}", centre_);
  }

  HttpAnswer attend(const std::string& session, const std::string& user_id, bool present = true) const {
    return post("/api/v1/jury-sessions/" + session + "/members/" + user_id + "/attendance",
                present ? R"({"present":true})" : R"({"present":false})", centre_);
  }

  HttpAnswer addFile(const std::string& session, const std::string& file_id) const {
    return post("/api/v1/jury-sessions/" + session + "/files", R"({"file_id":")" + file_id + R"("})",
                centre_);
  }

  HttpAnswer open(const std::string& session) const {
    return post("/api/v1/jury-sessions/" + session + "/open", "", centre_);
  }

  /// A session with both demo jury members present (neither from a company) holding `files`, opened.
  std::string openSession(const std::vector<std::string>& files) const {
    const std::string session = newSession();
    for (const auto& token : {employer_, employee_}) {
      const std::string user = userId(token);
      EXPECT_EQ(addMember(session, user).status, 201);
      EXPECT_EQ(attend(session, user).status, 200);
    }
    for (const auto& file : files) EXPECT_EQ(addFile(session, file).status, 201);
    const auto opened = open(session);
    EXPECT_EQ(opened.status, 200) << opened.body;
    return session;
  }

  /// Ends a session opened by openSession as a real one ends: the employer member presides and closes
  /// it once every file is decided, both members sign the minutes, the centre publishes the results
  /// (decisions take effect then). Returns the publication's answer.
  HttpAnswer publishSession(const std::string& session) const {
    const std::string path = "/api/v1/jury-sessions/" + session;
    EXPECT_EQ(post(path + "/president", R"({"user_id":")" + userId(employer_) + R"("})", centre_).status,
              200);
    const auto closed = post(path + "/close", "", employer_);
    EXPECT_EQ(closed.status, 200) << closed.body;
    for (const auto& token : {employer_, employee_})
      EXPECT_EQ(post(path + "/signatures", "", token).status, 201);
    const auto published = post(path + "/publication", "", centre_);
    EXPECT_EQ(published.status, 200) << published.body;
    return published;
  }

  /// The file's latest decision with its awards, as the centre reads it.
  Poco::JSON::Object::Ptr decisionOf(const std::string& file_id) const {
    const auto items =
        client().get("/api/v1/files/" + file_id + "/decisions", centre_).json()->getArray("items");
    EXPECT_GT(items->size(), 0u);
    return items->getObject(static_cast<unsigned>(items->size() - 1));
  }

  HttpAnswer decide(const std::string& session, const std::string& file_id, const std::string& body,
                    const std::string& token = {}) const {
    return post("/api/v1/jury-sessions/" + session + "/files/" + file_id + "/decision", body,
                token.empty() ? employer_ : token);
  }

  Poco::JSON::Object::Ptr proposal(const std::string& session, const std::string& file_id) const {
    const auto answer =
        client().get("/api/v1/jury-sessions/" + session + "/files/" + file_id + "/proposal", employer_);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json();
  }

  std::string centre_, employer_, employee_;
};

/// The text of a PDF, as pdftotext reads it.
inline std::string pdfText(const std::string& pdf) {
  Poco::TemporaryFile in, out;
  std::ofstream(in.path(), std::ios::binary) << pdf;
  const std::string command = "pdftotext -enc UTF-8 '" + in.path() + "' '" + out.path() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream text(out.path(), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(text), std::istreambuf_iterator<char>());
}

/// `text` with every run of white space (pdftotext's line breaks included) made one space.
inline std::string flatText(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

/// Indexes of a list of blocs ([{index, code, title}]).
inline std::vector<int> blocIndexes(const Poco::JSON::Array::Ptr& blocs) {
  std::vector<int> indexes;
  for (std::size_t i = 0; i < blocs->size(); ++i) {
    indexes.push_back(blocs->getObject(static_cast<unsigned>(i))->getValue<int>("index"));
  }
  return indexes;
}

}  // namespace cqpm::testing
