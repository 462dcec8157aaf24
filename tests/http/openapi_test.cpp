#include <Poco/String.h>

#include <fstream>
#include <sstream>

#include "api_fixture.h"

namespace cqpm::testing {
namespace {

// Every route of the table (core/http/routes.cpp) is described in
// schemas/openapi.yaml with its method, so the document cannot drift silently.
TEST(OpenApiTest, EveryRouteIsDocumentedWithItsMethod) {
  TestServer server("sqlite");
  std::ifstream in(std::string(CQPM_SOURCE_ROOT) + "/schemas/openapi.yaml");
  ASSERT_TRUE(in) << "schemas/openapi.yaml is missing";
  std::stringstream text;
  text << in.rdbuf();
  const std::string document = text.str();
  for (const auto& route : server.server().router().routes()) {
    const std::string key = "\n  " + route.pattern + ":\n";
    const auto start = document.find(key);
    ASSERT_NE(start, std::string::npos) << route.pattern << " is not in openapi.yaml";
    const auto next_path = document.find("\n  /", start + key.size());
    const std::string block = document.substr(start, next_path - start);
    EXPECT_NE(block.find("\n    " + Poco::toLower(route.method) + ":"), std::string::npos)
        << route.method << " " << route.pattern << " is not in openapi.yaml";
  }
}

TEST(OpenApiTest, CreatedFileAnswersWithItsLocation) {
  TestServer server("sqlite");
  const auto client = server.client();
  const std::string token = client.login("centre");
  const auto answer = client.postJson(
      "/api/v1/files",
      R"({"cqpm":"qualite","pathway":"job_seeker","candidate":{"given_name":"A","family_name":"B","email":"a@b.fr","birth_date":"1990-01-01"}})",
      token);
  ASSERT_EQ(answer.status, 201);
  EXPECT_EQ(answer.headers.at("location"), "/api/v1/files/" + answer.json()->getValue<std::string>("id"));
}

}  // namespace
}  // namespace cqpm::testing
