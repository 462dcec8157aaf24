#include "http/router.h"

#include <gtest/gtest.h>

// The route table decides which handler answers, with which path parameters, and whether a miss is a
// 404 or a 405: a wrong match would hand a request to another handler.

namespace cqpm::http {
namespace {

Route route(std::string method, std::string pattern) {
  return Route{std::move(method), std::move(pattern), Access::kPublic, [](Request&) { return Response(); }};
}

Router table() {
  return Router({route("GET", "/api/v1/files"), route("GET", "/api/v1/files/{id}"),
                 route("POST", "/api/v1/files/{id}/transitions"), route("GET", "/api/v1/files/{id}/events"),
                 route("GET", "/api/v1/files/stats"), route("GET", "/referentials/{cqpm}/git/{path+}")});
}

TEST(RouterTest, ALiteralPathMatchesItsRouteWithoutParameters) {
  const Router router = table();
  const RouteMatch match = router.match("GET", "/api/v1/files");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/files");
  EXPECT_TRUE(match.params.empty());
}

TEST(RouterTest, ParametersAreTakenFromTheirSegments) {
  const Router router = table();
  const RouteMatch match = router.match("POST", "/api/v1/files/F-12/transitions");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/files/{id}/transitions");
  EXPECT_EQ(match.params, (std::map<std::string, std::string>{{"id", "F-12"}}));
}

TEST(RouterTest, TheFirstMatchingRouteInTableOrderWins) {
  // "stats" fits {id} too: the table puts the parameter first, so it answers.
  const Router router = table();
  const RouteMatch match = router.match("GET", "/api/v1/files/stats");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/files/{id}");
  EXPECT_EQ(match.params.at("id"), "stats");
}

TEST(RouterTest, ARestParameterTakesOneSegmentOrMore) {
  const Router router = table();
  const RouteMatch deep = router.match("GET", "/referentials/2019-0301/git/objects/ab/cdef");
  ASSERT_NE(deep.route, nullptr);
  EXPECT_EQ(deep.params,
            (std::map<std::string, std::string>{{"cqpm", "2019-0301"}, {"path", "objects/ab/cdef"}}));
  const RouteMatch one = router.match("GET", "/referentials/2019-0301/git/HEAD");
  ASSERT_NE(one.route, nullptr);
  EXPECT_EQ(one.params.at("path"), "HEAD");
  EXPECT_EQ(router.match("GET", "/referentials/2019-0301/git").route, nullptr);
}

TEST(RouterTest, EmptySegmentsAreIgnored) {
  const Router router = table();
  const RouteMatch match = router.match("GET", "//api/v1//files/F-1/");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/files/{id}");
  EXPECT_EQ(match.params.at("id"), "F-1");
}

TEST(RouterTest, AnotherMethodOnAKnownPathIsToldApartFromAnUnknownPath) {
  const Router router = table();
  const RouteMatch wrong_method = router.match("DELETE", "/api/v1/files/F-1");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_TRUE(wrong_method.path_matched);
  EXPECT_TRUE(wrong_method.params.empty());
  const RouteMatch unknown = router.match("GET", "/api/v1/files/F-1/unknown");
  EXPECT_EQ(unknown.route, nullptr);
  EXPECT_FALSE(unknown.path_matched);
  EXPECT_EQ(router.match("GET", "/api/v1").route, nullptr);
  EXPECT_EQ(router.match("GET", "/api/v1/files/F-1/events/extra").route, nullptr);
}

TEST(RouterTest, HeadIsAnsweredByTheGetRoute) {
  const Router router = table();
  const RouteMatch match = router.match("HEAD", "/api/v1/files/F-1/events");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->method, "GET");
  EXPECT_EQ(router.match("HEAD", "/api/v1/files/F-1/transitions").route, nullptr);
}

}  // namespace
}  // namespace cqpm::http
