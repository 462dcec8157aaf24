#pragma once

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/json_text.h"
#include "demo/demo_opinion.h"
#include "demo/demo_seed.h"
#include "support/sample_uploads.h"
#include "support/test_server.h"

namespace cqpm::testing {

/// A real server per test, over the backend named by the test parameter.
class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam(), serverOptions());
    CQPM_REQUIRE_BACKEND(server_->database());
  }

  /// What a suite changes in the server each of its tests starts (nothing by default).
  virtual TestServerOptions serverOptions() const { return {}; }

  /// The server under test, or what a test put in front of it (via_port_: nginx).
  HttpClient client() const { return via_port_ ? HttpClient(via_port_) : server_->client(); }

  /// Id of a company by name, as the centre sees it.
  std::string companyId(const std::string& token, const std::string& name) const {
    auto items = client().get("/api/v1/organisations?kind=company", token).json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
      auto organisation = items->getObject(static_cast<unsigned>(i));
      if (organisation->getValue<std::string>("name") == name)
        return organisation->getValue<std::string>("id");
    }
    ADD_FAILURE() << "no company " << name;
    return {};
  }

  /// The centre's first company ("Mécanique de Précision du Rhône SAS").
  std::string firstCompany(const std::string& token) const {
    return companyId(token, "Mécanique de Précision du Rhône SAS");
  }

  /// Opens an employee file as `token` (a centre coordinator) and returns it.
  Poco::JSON::Object::Ptr createFile(const std::string& token, const std::string& family_name = "Testeur",
                                     const std::string& pathway = "employee",
                                     const std::string& given_name = "Alex") const {
    const std::string company = pathway == "vae" ? "null" : "\"" + firstCompany(token) + "\"";
    const auto answer = client().postJson(
        "/api/v1/files",
        R"({"cqpm":"qualite","pathway":")" + pathway + R"(","candidate":{"given_name":")" + given_name +
            R"(","family_name":")" + family_name +
            R"(","email":"alex@example.org","birth_date":"1995-05-17"},"company_id":)" + company + "}",
        token);
    EXPECT_EQ(answer.status, 201) << answer.body;
    return answer.json();
  }

  /// Fires a transition and returns the answer.
  HttpAnswer fire(const std::string& token, const std::string& file_id, const std::string& transition,
                  std::int64_t expected_version, const std::string& payload = "{}",
                  std::map<std::string, std::string> headers = {}) const {
    return client().postJson("/api/v1/files/" + file_id + "/transitions",
                             R"({"transition":")" + transition + R"(","expected_version":)" +
                                 std::to_string(expected_version) + R"(,"payload":)" + payload + "}",
                             token, std::move(headers));
  }

  /// Sets an accepted modality plan on a registered file (the plan editor's
  /// view turned into the demo's sample plan); returns the answer of the PUT.
  HttpAnswer putSamplePlan(const std::string& token, const std::string& file_id,
                           std::int64_t expected_version, const std::string& cqpm = "qualite",
                           const std::string& registration_json = "{}") const {
    const auto editor = client().get("/api/v1/files/" + file_id + "/modalities", token).json();
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("expected_version", expected_version);
    body->set("competencies", demo::sampleModalityPlan(editor, cqpm, registration_json));
    return client().request("PUT", "/api/v1/files/" + file_id + "/modalities", toJsonText(body),
                            {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  }

  /// Uploads `bytes` as a document to `path` (a file's documents, or a document's versions).
  HttpAnswer upload(const std::string& token, const std::string& path, const std::string& kind,
                    const std::string& filename, const std::string& bytes) const {
    const std::string boundary = "cqpm-test-boundary-42";
    return client().request("POST", path, multipart(boundary, kind, filename, bytes),
                            {{"Authorization", "Bearer " + token},
                             {"Content-Type", "multipart/form-data; boundary=" + boundary}});
  }

  /// The candidate's report, uploaded by `token`: submit_evidence wants it when a
  /// competency is evaluated on the presentation of projects.
  void uploadReport(const std::string& token, const std::string& file_id) const {
    const auto answer =
        upload(token, "/api/v1/files/" + file_id + "/documents", "report", "rapport.pdf", kPdf);
    EXPECT_EQ(answer.status, 201) << answer.body;
  }

  /// Records a favourable admissibility when the file is a VAE application
  /// still waiting for one (agree_modalities wants it).
  void admitVaeApplication(const std::string& token, const std::string& file_id) const {
    const auto admissibility = client().get("/api/v1/files/" + file_id + "/admissibility", token).json();
    if (!admissibility->getValue<bool>("required") || !admissibility->isNull("current")) return;
    const auto answer = client().postJson("/api/v1/files/" + file_id + "/admissibility",
                                          R"({"favourable":true,"reason":"Expérience attestée."})", token);
    EXPECT_EQ(answer.status, 201) << answer.body;
  }

  /// From `registered` at `version`: plans, then agrees the modalities (a VAE
  /// application admitted first); returns the new version.
  std::int64_t agreeModalities(const std::string& token, const std::string& file_id,
                               std::int64_t version) const {
    admitVaeApplication(token, file_id);
    const auto plan = putSamplePlan(token, file_id, version);
    EXPECT_EQ(plan.status, 200) << plan.body;
    const auto agreed = fire(token, file_id, "agree_modalities", version + 1);
    EXPECT_EQ(agreed.status, 200) << agreed.body;
    return version + 2;
  }

  /// Forms the file's evaluation commission, as the coordinator `centre`, with
  /// every evaluator of the centre (the demo's evaluateur1 and evaluateur2).
  void formCommission(const std::string& centre, const std::string& file_id) const {
    const std::string path = "/api/v1/files/" + file_id + "/commission";
    const auto view = client().get(path, centre);
    ASSERT_EQ(view.status, 200) << view.body;
    const auto available = view.json()->getArray("available_evaluators");
    Poco::JSON::Array::Ptr ids = new Poco::JSON::Array;
    for (std::size_t i = 0; i < available->size(); ++i)
      ids->add(available->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("evaluators", ids);
    const auto answer =
        client().request("PUT", path, toJsonText(body),
                         {{"Authorization", "Bearer " + centre}, {"Content-Type", "application/json"}});
    ASSERT_EQ(answer.status, 200) << answer.body;
  }

  /// Records every competency of the file's grid as `result` (by evaluateur1) and
  /// has evaluateur1 and evaluateur2 sign it: what leaving under_evaluation
  /// requires (guard evaluation_complete). The file must be under_evaluation,
  /// its commission formed (formCommission).
  void evaluateEveryCompetency(const std::string& file_id, const std::string& result = "acquired") const {
    const std::string first = client().login("evaluateur1"), second = client().login("evaluateur2");
    const std::string path = "/api/v1/files/" + file_id + "/evaluation";
    const auto grid = client().get(path, first);
    ASSERT_EQ(grid.status, 200) << grid.body;
    const auto competencies = grid.json()->getArray("competencies");
    for (std::size_t i = 0; i < competencies->size(); ++i) {
      const auto competency = competencies->getObject(static_cast<unsigned>(i));
      const std::string item = path + "/" + std::to_string(competency->getValue<int>("number"));
      const auto written = client().request("PUT", item, R"({"result":")" + result + R"("})",
                                            {{"Authorization", "Bearer " + first},
                                             {"Content-Type", "application/json"},
                                             {"If-Match", competency->getValue<std::string>("etag")}});
      ASSERT_EQ(written.status, 200) << written.body;
      for (const auto& token : {first, second}) {
        const auto signature =
            client().postJson(item + "/signatures", "", token, {{"If-Match", written.headers.at("etag")}});
        ASSERT_EQ(signature.status, 201) << signature.body;
      }
    }
  }

  /// From a new employee file (`created` at version 1): registers it and walks it
  /// to company_opinion as the centre; returns the file's new version.
  std::int64_t walkToCompanyOpinion(const std::string& centre, const std::string& file_id) const {
    EXPECT_EQ(fire(centre, file_id, "register", 1).status, 200);
    std::int64_t version = agreeModalities(centre, file_id, 2);
    uploadReport(centre, file_id);
    for (const char* step : {"submit_evidence", "start_evaluation", "request_company_opinion"}) {
      if (std::string(step) == "start_evaluation") formCommission(centre, file_id);
      if (std::string(step) == "request_company_opinion") evaluateEveryCompetency(file_id);
      const auto answer = fire(centre, file_id, step, version);
      EXPECT_EQ(answer.status, 200) << step << ": " << answer.body;
      if (answer.status == 200) version = answer.json()->getValue<std::int64_t>("version");
    }
    return version;
  }

  /// Fills every activity and competency of the file's company opinion
  /// (favourable) and signs it, as the demo company's tutor ("entreprise"): what
  /// give_company_opinion requires. The file must be in company_opinion.
  void signSampleCompanyOpinion(const std::string& file_id) const {
    const std::string tutor = client().login("entreprise");
    const std::string path = "/api/v1/files/" + file_id + "/company-opinion";
    const auto opinion = client().get(path, tutor);
    ASSERT_EQ(opinion.status, 200) << opinion.body;
    const auto saved =
        client().request("PUT", path, toJsonText(demo::sampleOpinion(opinion.json())),
                         {{"Authorization", "Bearer " + tutor},
                          {"Content-Type", "application/json"},
                          {"If-Match", opinion.json()->getObject("current")->getValue<std::string>("etag")}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    const auto signed_opinion =
        client().postJson(path + "/signature", "{}", tutor,
                          {{"If-Match", saved.json()->getObject("current")->getValue<std::string>("etag")}});
    ASSERT_EQ(signed_opinion.status, 200) << signed_opinion.body;
  }

  std::unique_ptr<TestServer> server_;
  int via_port_ = 0;  ///< when set, client() goes through this port
};

}  // namespace cqpm::testing
