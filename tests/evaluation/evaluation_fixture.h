#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

#include "http/api_fixture.h"

// Helpers of the evaluation suites: files taken to under_evaluation through the
// API, and the grid's requests with their If-Match.

namespace cqpm::testing {

class EvaluationTest : public ApiTest {
 protected:
  /// A qualite file of the first centre (6 competencies) taken by the centre to
  /// under_evaluation, its commission formed with evaluateur1 and evaluateur2.
  std::string fileUnderEvaluation(const std::string& family_name = "Grille",
                                  const std::string& pathway = "employee") const {
    const std::string centre = client().login("centre");
    const std::string id = createFile(centre, family_name, pathway)->getValue<std::string>("id");
    EXPECT_EQ(fire(centre, id, "register", 1).status, 200);
    std::int64_t version = agreeModalities(centre, id, 2);
    formCommission(centre, id);
    uploadReport(centre, id);
    for (const char* step : {"submit_evidence", "start_evaluation"}) {
      const auto answer = fire(centre, id, step, version++);
      EXPECT_EQ(answer.status, 200) << step << ": " << answer.body;
    }
    return id;
  }

  std::int64_t fileVersion(const std::string& token, const std::string& file_id) const {
    return client().get("/api/v1/files/" + file_id, token).json()->getValue<std::int64_t>("version");
  }

  HttpAnswer grid(const std::string& token, const std::string& file_id) const {
    return client().get("/api/v1/files/" + file_id + "/evaluation", token);
  }

  /// The competency numbered `number` of a grid answer.
  static Poco::JSON::Object::Ptr competencyOf(const HttpAnswer& grid_answer, int number) {
    const auto items = grid_answer.json()->getArray("competencies");
    for (std::size_t i = 0; i < items->size(); ++i) {
      const auto item = items->getObject(static_cast<unsigned>(i));
      if (item->getValue<int>("number") == number) return item;
    }
    ADD_FAILURE() << "no competency " << number;
    return new Poco::JSON::Object;
  }

  /// The current ETag of a competency, as `token` reads it.
  std::string etagOf(const std::string& token, const std::string& file_id, int number) const {
    return competencyOf(grid(token, file_id), number)->getValue<std::string>("etag");
  }

  static std::string competencyPath(const std::string& file_id, int number) {
    return "/api/v1/files/" + file_id + "/evaluation/" + std::to_string(number);
  }

  /// PUT of a competency; an empty `etag` sends no If-Match.
  HttpAnswer putCompetency(const std::string& token, const std::string& file_id, int number,
                           const std::string& body, const std::string& etag) const {
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token},
                                               {"Content-Type", "application/json"}};
    if (!etag.empty()) headers["If-Match"] = etag;
    return client().request("PUT", competencyPath(file_id, number), body, headers);
  }

  /// Signature of a competency at `etag`; an empty `etag` sends no If-Match.
  HttpAnswer sign(const std::string& token, const std::string& file_id, int number,
                  const std::string& etag) const {
    std::map<std::string, std::string> headers;
    if (!etag.empty()) headers["If-Match"] = etag;
    return client().postJson(competencyPath(file_id, number) + "/signatures", "", token, headers);
  }

  /// Writes `result` on competency `number` as `writer` and has both evaluators sign it.
  void evaluateAndSign(const std::string& file_id, int number, const std::string& result = "acquired") const {
    const std::string first = client().login("evaluateur1"), second = client().login("evaluateur2");
    const auto written = putCompetency(first, file_id, number, R"({"result":")" + result + R"("})",
                                       etagOf(first, file_id, number));
    ASSERT_EQ(written.status, 200) << written.body;
    for (const auto& token : {first, second}) {
      const auto signature = sign(token, file_id, number, written.headers.at("etag"));
      ASSERT_EQ(signature.status, 201) << signature.body;
    }
  }

  /// The transitions of the file's events, oldest first.
  std::vector<std::string> eventKinds(const std::string& token, const std::string& file_id) const {
    const auto items = client().get("/api/v1/files/" + file_id + "/events", token).json()->getArray("items");
    std::vector<std::string> kinds;
    for (std::size_t i = 0; i < items->size(); ++i) {
      kinds.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("transition"));
    }
    return kinds;
  }

  /// Id of the member of the file's commission named `display_name`.
  std::string memberId(const std::string& token, const std::string& file_id,
                       const std::string& display_name) const {
    const auto members =
        client().get("/api/v1/files/" + file_id + "/commission", token).json()->getArray("evaluators");
    for (std::size_t i = 0; i < members->size(); ++i) {
      const auto member = members->getObject(static_cast<unsigned>(i));
      if (member->getValue<std::string>("display_name") == display_name)
        return member->getValue<std::string>("id");
    }
    ADD_FAILURE() << "no member " << display_name;
    return {};
  }

  /// details.current of a 412 answer.
  static Poco::JSON::Object::Ptr currentOf(const HttpAnswer& answer) {
    return answer.json()->getObject("error")->getObject("details")->getObject("current");
  }
};

}  // namespace cqpm::testing
