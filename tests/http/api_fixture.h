#pragma once

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/json_text.h"
#include "demo/demo_seed.h"
#include "support/test_server.h"

namespace cqpm::testing {

/// A real server per test, over the backend named by the test parameter.
class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    CQPM_REQUIRE_BACKEND(server_->database());
  }

  HttpClient client() const { return server_->client(); }

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
                                     const std::string& pathway = "employee") const {
    const std::string company = pathway == "vae" ? "null" : "\"" + firstCompany(token) + "\"";
    const auto answer = client().postJson(
        "/api/v1/files",
        R"({"cqpm":"qualite","pathway":")" + pathway +
            R"(","candidate":{"given_name":"Alex","family_name":")" + family_name +
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

  /// From `registered` at `version`: plans, then agrees the modalities; returns the new version.
  std::int64_t agreeModalities(const std::string& token, const std::string& file_id,
                               std::int64_t version) const {
    const auto plan = putSamplePlan(token, file_id, version);
    EXPECT_EQ(plan.status, 200) << plan.body;
    const auto agreed = fire(token, file_id, "agree_modalities", version + 1);
    EXPECT_EQ(agreed.status, 200) << agreed.body;
    return version + 2;
  }

  std::unique_ptr<TestServer> server_;
};

}  // namespace cqpm::testing
