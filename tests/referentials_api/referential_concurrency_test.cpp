// Proposals that race: two approved proposals on the same version of a CQPM
// cannot both be published, proposals on different CQPMs do not interfere, and
// many reviewers approving and publishing at once leave versions numbered 1..N
// with one git tag each, pointing at the indexed commit.

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "referential_api_fixture.h"

namespace cqpm::testing {
namespace {

using Poco::JSON::Array;
using ReferentialConcurrencyTest = ReferentialApiTest;

const std::vector<std::string> kCqpms{"fabrication-additive", "industrialisation", "maintenance-industrielle",
                                      "maintenance-productive", "qualite"};

TEST_P(ReferentialConcurrencyTest, SecondApprovedProposalOnTheSameVersionIsAConflict) {
  const std::int64_t first = proposeOk(kFabrication, withFilledCode(), kFillReason);
  const std::int64_t second =
      proposeOk(kFabrication, withRewordedMission(kFabrication, " (précisé)"), "Mission précisée.");
  ASSERT_EQ(approve(employee_, first).status, 200);
  ASSERT_EQ(approve(employee_, second).status, 200);

  const auto published = publish(employer_, first);
  ASSERT_EQ(published.status, 200) << published.body;
  const auto conflict = publish(employee_, second);
  EXPECT_EQ(conflict.status, 409) << conflict.body;
  EXPECT_EQ(conflict.errorCode(), "conflict");

  EXPECT_EQ(proposal(first)->getValue<std::string>("state"), "published");
  EXPECT_EQ(proposal(second)->getValue<std::string>("state"), "approved");
  const auto items = versions(kFabrication);
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("reason"), kFillReason);
  EXPECT_EQ(stockGit(repository(), "tag -l 'fabrication-additive/*'").second,
            "fabrication-additive/v1\nfabrication-additive/v2\n");
  // Proposed again on the version in force, the change goes through as version 3.
  EXPECT_EQ(proposeApproveAndPublish(kFabrication, withRewordedMission(kFabrication, " (précisé)"),
                                     "Mission précisée.")
                .status,
            200);
  EXPECT_EQ(versions(kFabrication)->size(), 3u);
}

TEST_P(ReferentialConcurrencyTest, ProposalsOnTwoCqpmsBothPublish) {
  const std::int64_t fabrication = proposeOk(kFabrication, withFilledCode(), kFillReason);
  const std::int64_t qualite =
      proposeOk("qualite", withRewordedMission("qualite", " (précisé)"), "Précision.");
  ASSERT_EQ(approve(employee_, fabrication).status, 200);
  ASSERT_EQ(approve(employee_, qualite).status, 200);
  ASSERT_EQ(publish(employer_, qualite).status, 200);
  ASSERT_EQ(publish(employer_, fabrication).status, 200);

  EXPECT_EQ(proposal(fabrication)->getValue<std::int64_t>("published_version"), 2);
  EXPECT_EQ(proposal(qualite)->getValue<std::int64_t>("published_version"), 2);
  EXPECT_EQ(versions(kFabrication)->size(), 2u);
  EXPECT_EQ(versions("qualite")->size(), 2u);
  EXPECT_EQ(versions("industrialisation")->size(), 1u);
  // Each version 2 changes only its own CQPM's folder, and keeps the other's version 2.
  EXPECT_EQ(
      stockGit(repository(), "diff --name-only 'fabrication-additive/v2^' fabrication-additive/v2").second,
      "fabrication-additive/referential.json\nfabrication-additive/referential.md\n");
  EXPECT_EQ(stockGit(repository(), "diff --name-only qualite/v2 main -- qualite").second, "");
  EXPECT_EQ(stockGit(repository(), "diff --name-only 'qualite/v2^' qualite/v2").second,
            "qualite/referential.json\nqualite/referential.md\n");
}

TEST_P(ReferentialConcurrencyTest, EightReviewersPublishingAtOnceKeepVersionsAndTagsConsistent) {
  constexpr int kThreads = 8;
  constexpr int kPublicationsPerThread = 2;
  constexpr int kMaxAttempts = 40;
  std::atomic<int> conflicts{0};
  std::atomic<int> failures{0};
  std::mutex mutex;
  std::map<std::string, int> published_per_cqpm;  // guarded by mutex
  std::vector<std::string> errors;                // guarded by mutex

  auto reviewer = [&](int thread) {
    const std::string cqpm = kCqpms[static_cast<std::size_t>(thread) % kCqpms.size()];
    // Half the threads propose as the employer and have the employee approve; the other half the reverse.
    const std::string& proposer = thread % 2 == 0 ? employer_ : employee_;
    const std::string& approver = thread % 2 == 0 ? employee_ : employer_;
    int published = 0;
    for (int attempt = 0; attempt < kMaxAttempts && published < kPublicationsPerThread; ++attempt) {
      const std::string suffix = " [t" + std::to_string(thread) + "-" + std::to_string(attempt) + "]";
      const auto proposed =
          client().postJson("/api/v1/cqpms/" + cqpm + "/proposals",
                            proposalBody(withRewordedMission(cqpm, suffix), "Essai" + suffix), proposer);
      if (proposed.status != 201) {
        std::lock_guard lock(mutex);
        errors.push_back("propose " + std::to_string(proposed.status) + " " + proposed.body);
        ++failures;
        continue;
      }
      const std::int64_t id = proposed.json()->getValue<std::int64_t>("id");
      const auto approved = approve(approver, id);
      if (approved.status != 200) {
        std::lock_guard lock(mutex);
        errors.push_back("approve " + std::to_string(approved.status) + " " + approved.body);
        ++failures;
        continue;
      }
      const auto answer = publish(attempt % 2 == 0 ? proposer : approver, id);
      if (answer.status == 200) {
        ++published;
      } else if (answer.status == 409 && answer.errorCode() == "conflict") {
        ++conflicts;  // another thread published on the same CQPM in between: propose again
      } else {
        std::lock_guard lock(mutex);
        errors.push_back("publish " + std::to_string(answer.status) + " " + answer.body);
        ++failures;
      }
    }
    std::lock_guard lock(mutex);
    published_per_cqpm[cqpm] += published;
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(reviewer, t);
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(failures.load(), 0) << (errors.empty() ? "" : errors.front());
  int total_published = 0;
  for (const auto& cqpm : kCqpms) {
    SCOPED_TRACE(cqpm);
    total_published += published_per_cqpm[cqpm];
    const auto items = versions(cqpm);
    ASSERT_EQ(static_cast<int>(items->size()), 1 + published_per_cqpm[cqpm]);
    std::string expected_tags;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const auto version = items->getObject(static_cast<unsigned>(i));
      const std::int64_t number = static_cast<std::int64_t>(i) + 1;
      EXPECT_EQ(version->getValue<std::int64_t>("version"), number);
      const std::string tag = cqpm + "/v" + std::to_string(number);
      EXPECT_EQ(version->getValue<std::string>("tag"), tag);
      EXPECT_EQ(stockGit(repository(), "rev-parse '" + tag + "^{commit}'").second,
                version->getValue<std::string>("commit") + "\n");
      expected_tags += tag + "\n";
      if (number > 1) {
        // Each version's commit has the previous published commit of the CQPM in its history.
        const std::string previous =
            items->getObject(static_cast<unsigned>(i - 1))->getValue<std::string>("commit");
        EXPECT_EQ(stockGit(repository(), "merge-base --is-ancestor " + previous + " " +
                                             version->getValue<std::string>("commit"))
                      .first,
                  0);
      }
    }
    // `tag -l` sorts by name: v10 would come before v2, which the counts here never reach.
    EXPECT_EQ(stockGit(repository(), "tag -l '" + cqpm + "/*'").second, expected_tags);
  }
  EXPECT_EQ(total_published, kThreads * kPublicationsPerThread);

  const auto listed = client().get("/api/v1/proposals?state=published", employer_).json()->getArray("items");
  EXPECT_EQ(static_cast<int>(listed->size()), total_published);
  const auto stale = client().get("/api/v1/proposals?state=approved", employer_).json()->getArray("items");
  EXPECT_EQ(static_cast<int>(stale->size()), conflicts.load());
  // One commit on main per version, all of them in one line of history.
  EXPECT_EQ(stockGit(repository(), "rev-list --count main").second,
            std::to_string(kCqpms.size() + static_cast<std::size_t>(total_published)) + "\n");
  const auto fsck = stockGit(repository(), "fsck --strict");
  EXPECT_EQ(fsck.first, 0) << fsck.second;
}

// DISABLED: fails on the current core (29 races out of 30 both answer 200 and the
// proposal ends "published": the acknowledged rejection is lost). publish() checks
// the state, writes git, then writes SQL without re-checking; reject() runs in
// between. Enable once reject() and publish() are serialised.
TEST_P(ReferentialConcurrencyTest, RejectRacingPublishNeverAcknowledgesBoth) {
  for (int round = 0; round < 2; ++round) {
    for (const auto& cqpm : kCqpms) {
      SCOPED_TRACE(cqpm + " round " + std::to_string(round));
      const std::int64_t id =
          proposeOk(cqpm, withRewordedMission(cqpm, " (r" + std::to_string(round) + ")"), "Essai.");
      ASSERT_EQ(approve(employee_, id).status, 200);
      HttpAnswer published;
      HttpAnswer rejected;
      std::thread publisher([&] { published = publish(employer_, id); });
      std::thread rejecter([&] { rejected = reject(employee_, id, "Refusé en séance."); });
      publisher.join();
      rejecter.join();
      EXPECT_NE(published.status == 200, rejected.status == 200)
          << "publish " << published.status << ", reject " << rejected.status;
      const auto final_state = proposal(id);
      const auto items = versions(cqpm);
      if (rejected.status == 200) {
        EXPECT_EQ(final_state->getValue<std::string>("state"), "rejected");
        EXPECT_EQ(static_cast<int>(items->size()), 1 + round);
      } else {
        EXPECT_EQ(final_state->getValue<std::string>("state"), "published");
        EXPECT_EQ(static_cast<int>(items->size()), 2 + round);
      }
      if (static_cast<int>(items->size()) == 1 + round) {
        // Keep the rounds aligned: the next round proposes on a version that exists.
        ASSERT_EQ(proposeApproveAndPublish(
                      cqpm, withRewordedMission(cqpm, " (x" + std::to_string(round) + ")"), "Alignement.")
                      .status,
                  200);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferentialConcurrencyTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
