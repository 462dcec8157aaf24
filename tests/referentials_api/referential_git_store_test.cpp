// The repository the server writes stays a normal git repository: after the
// issue's change is published through the API, stock git checks it, logs it,
// shows a version's file, reads the approvers from the trailers, and clones it.

#include "referential_api_fixture.h"

namespace cqpm::testing {
namespace {

class PublishedGitStoreTest : public ReferentialApiTest {
 protected:
  void SetUp() override {
    ReferentialApiTest::SetUp();
    if (IsSkipped()) return;
    const auto published = proposeApproveAndPublish(kFabrication, withFilledCode(), kFillReason);
    ASSERT_EQ(published.status, 200) << published.body;
  }
};

TEST_P(PublishedGitStoreTest, FsckStrictFindsNoFault) {
  const auto [status, output] = stockGit(repository(), "fsck --strict --no-dangling");
  EXPECT_EQ(status, 0) << output;
  EXPECT_EQ(output.find("error"), std::string::npos) << output;
  EXPECT_EQ(output.find("warning"), std::string::npos) << output;
}

TEST_P(PublishedGitStoreTest, LogShowsThePlatformsVersionOnesAndThePublishersVersionTwo) {
  const auto [status, output] = stockGit(repository(), "log --format=%an%x09%s main");
  ASSERT_EQ(status, 0) << output;
  std::vector<std::string> lines;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 6u) << output;
  EXPECT_EQ(lines.front(), "Marc Dubois\tfabrication-additive: version 2");
  std::set<std::string> version_ones(lines.begin() + 1, lines.end());
  EXPECT_EQ(version_ones,
            (std::set<std::string>{
                "CQPM Hub\tfabrication-additive: version 1", "CQPM Hub\tindustrialisation: version 1",
                "CQPM Hub\tmaintenance-industrielle: version 1",
                "CQPM Hub\tmaintenance-productive: version 1", "CQPM Hub\tqualite: version 1"}));
  EXPECT_EQ(stockGit(repository(), "log -1 --format=%ae main").second, "gtp-employeur@exemple.fr\n");
}

TEST_P(PublishedGitStoreTest, ShowAtTheVersionTagGivesTheNewCode) {
  const auto [status, v2] =
      stockGit(repository(), "show fabrication-additive/v2:fabrication-additive/referential.json");
  ASSERT_EQ(status, 0) << v2;
  EXPECT_NE(v2.find(std::string("\"") + kFilledCode + "\""), std::string::npos);
  const auto v1 =
      stockGit(repository(), "show fabrication-additive/v1:fabrication-additive/referential.json").second;
  EXPECT_EQ(v1.find(kFilledCode), std::string::npos);
  // The file at the tag is the referential the API serves as version 2.
  const auto served = client().get("/api/v1/cqpms/fabrication-additive/versions/2", employee_).json();
  const auto parsed = Poco::JSON::Parser().parse(v2).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(toJsonText(parsed), toJsonText(served->getObject("referential")));
  // The readable rendering is committed beside it.
  EXPECT_NE(stockGit(repository(), "show fabrication-additive/v2:fabrication-additive/referential.md")
                .second.find(kFilledCode),
            std::string::npos);
  EXPECT_EQ(stockGit(repository(), "cat-file -t fabrication-additive/v2").second, "tag\n");
  EXPECT_EQ(stockGit(repository(), "rev-parse 'fabrication-additive/v2^{commit}'").second,
            served->getValue<std::string>("commit") + "\n");
}

TEST_P(PublishedGitStoreTest, VersionTwoCommitCarriesApprovedByTrailersForBothColleges) {
  const auto [status, trailers] = stockGit(
      repository(), "log -1 '--format=%(trailers:key=Approved-by,valueonly)' fabrication-additive/v2");
  ASSERT_EQ(status, 0) << trailers;
  EXPECT_NE(trailers.find("Marc Dubois <gtp-employeur@exemple.fr> (employer)"), std::string::npos)
      << trailers;
  EXPECT_NE(trailers.find("Hélène Petit <gtp-salarie@exemple.fr> (employee)"), std::string::npos) << trailers;
  const auto proposal_trailer =
      stockGit(repository(), "log -1 '--format=%(trailers:key=Proposal,valueonly)' fabrication-additive/v2")
          .second;
  const auto id = client()
                      .get("/api/v1/proposals?state=published", employer_)
                      .json()
                      ->getArray("items")
                      ->getObject(0)
                      ->getValue<std::int64_t>("id");
  EXPECT_EQ(proposal_trailer, std::to_string(id) + "\n\n");
  // The body holds the reason between the subject and the trailers.
  EXPECT_EQ(stockGit(repository(), "log -1 --format=%b fabrication-additive/v2").second.rfind(kFillReason, 0),
            0u);
}

TEST_P(PublishedGitStoreTest, ProposalRefsStayOutOfMain) {
  const auto published =
      client().get("/api/v1/proposals?state=published", employer_).json()->getArray("items");
  ASSERT_EQ(published->size(), 1u);
  const std::string ref = published->getObject(0)->getValue<std::string>("ref");
  EXPECT_EQ(stockGit(repository(), "for-each-ref '--format=%(refname)' refs/proposals").second, ref + "\n");
  // The proposal's commit is not on main: publishing made a new commit with the trailers.
  EXPECT_NE(stockGit(repository(), "merge-base --is-ancestor " + ref + " main").first, 0);
  EXPECT_EQ(stockGit(repository(), "diff " + ref + " main -- fabrication-additive/referential.json").second,
            "");
}

TEST_P(PublishedGitStoreTest, AnAuditorClonesTheRepository) {
  const std::string clone = server_->database().dataDir() + "/clone";
  const auto [status, output] = git::test_support::run(
      "env -i PATH=\"$PATH\" HOME=/nonexistent GIT_CONFIG_NOSYSTEM=1 LC_ALL=C git clone --quiet 'file://" +
      repository() + "' '" + clone + "'");
  ASSERT_EQ(status, 0) << output;
  EXPECT_NE(git::test_support::readText(clone + "/fabrication-additive/referential.json").find(kFilledCode),
            std::string::npos);
  EXPECT_EQ(git::test_support::run(
                "env -i PATH=\"$PATH\" HOME=/nonexistent GIT_CONFIG_NOSYSTEM=1 LC_ALL=C git -C '" + clone +
                "' tag -l 'fabrication-additive/*'")
                .second,
            "fabrication-additive/v1\nfabrication-additive/v2\n");
}

INSTANTIATE_TEST_SUITE_P(Backends, PublishedGitStoreTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
