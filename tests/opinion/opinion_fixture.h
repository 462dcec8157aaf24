#pragma once

#include "http/api_fixture.h"

namespace cqpm::testing {

/// A real server per test (SQLite and PostgreSQL) and the requests the
/// company opinion and comment tests make.
class OpinionApiTest : public ApiTest {
 protected:
  std::string opinionPath(const std::string& file_id) const {
    return "/api/v1/files/" + file_id + "/company-opinion";
  }

  HttpAnswer getOpinion(const std::string& token, const std::string& file_id) const {
    return client().get(opinionPath(file_id), token);
  }

  /// PUT of the opinion; no If-Match header when `etag` is empty.
  HttpAnswer putOpinion(const std::string& token, const std::string& file_id, const std::string& etag,
                        const std::string& body) const {
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token},
                                               {"Content-Type", "application/json"}};
    if (!etag.empty()) headers["If-Match"] = etag;
    return client().request("PUT", opinionPath(file_id), body, headers);
  }

  HttpAnswer signOpinion(const std::string& token, const std::string& file_id,
                         const std::string& etag) const {
    std::map<std::string, std::string> headers;
    if (!etag.empty()) headers["If-Match"] = etag;
    return client().postJson(opinionPath(file_id) + "/signature", "{}", token, headers);
  }

  static std::string etagOf(const HttpAnswer& answer) {
    return answer.json()->getObject("current")->getValue<std::string>("etag");
  }

  /// An employee file of the first company, walked to company_opinion by the
  /// centre (and whoever else the workflow needs); returns its id and sets
  /// `version` to the file's version.
  std::string fileInCompanyOpinion(const std::string& centre, std::int64_t* version = nullptr,
                                   const std::string& family_name = "Avis") const {
    const std::string id = createFile(centre, family_name)->getValue<std::string>("id");
    const std::int64_t reached = walkToCompanyOpinion(centre, id);
    if (version) *version = reached;
    return id;
  }

  HttpAnswer postComment(const std::string& token, const std::string& file_id,
                         const std::string& body) const {
    return client().postJson("/api/v1/files/" + file_id + "/comments", body, token);
  }

  Poco::JSON::Array::Ptr comments(const std::string& token, const std::string& file_id,
                                  const std::string& query = "") const {
    const auto answer = client().get("/api/v1/files/" + file_id + "/comments" + query, token);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json()->getArray("items");
  }

  Poco::JSON::Array::Ptr events(const std::string& token, const std::string& file_id) const {
    return client().get("/api/v1/files/" + file_id + "/events", token).json()->getArray("items");
  }
};

}  // namespace cqpm::testing
