#include "opinion/opinion_fixture.h"

// The company opinion at the service: save and sign answer typed records
// (opinion/opinion_records.h), whose versions, states, authors and ETags follow
// the rules the API shows; a stale ETag is a StaleOpinion carrying the current view.

namespace cqpm::testing {
namespace {

class CompanyOpinionRecordsTest : public OpinionApiTest {
 protected:
  domain::Actor actorOf(const std::string& login) const {
    const auto actor = server_->server().auth().authenticate(client().login(login));
    EXPECT_TRUE(actor.has_value()) << login;
    return actor.value_or(domain::Actor{});
  }
  opinion::CompanyOpinionService& opinions() const { return server_->server().opinions(); }
};

TEST_P(CompanyOpinionRecordsTest, SaveSignAndCorrectMoveTheVersionAndItsEtag) {
  const std::string file = fileInCompanyOpinion(client().login("centre"));
  const domain::Actor tutor = actorOf("entreprise");

  const auto empty = opinions().get(tutor, file);
  ASSERT_TRUE(empty.required);
  ASSERT_TRUE(empty.current.has_value());
  EXPECT_TRUE(empty.editable);
  EXPECT_EQ(empty.state, std::optional<std::string>("draft"));
  EXPECT_EQ(empty.current->version, 1);
  EXPECT_EQ(empty.current->etag, "\"1.0\"");
  EXPECT_FALSE(empty.current->updated_by.has_value());
  EXPECT_FALSE(empty.current->updated_at.has_value());
  EXPECT_TRUE(empty.history.empty());
  EXPECT_EQ(empty.form.activities.size(), 3u);
  EXPECT_EQ(empty.form.competencies.size(), 6u);

  const auto saved = opinions().save(tutor, file, empty.current->etag, demo::sampleOpinion(empty));
  ASSERT_TRUE(saved.current.has_value());
  EXPECT_EQ(saved.current->version, 1);
  EXPECT_EQ(saved.current->state, "draft");
  EXPECT_EQ(saved.current->etag, "\"1.1\"");
  ASSERT_TRUE(saved.current->updated_by.has_value());
  EXPECT_EQ(saved.current->updated_by->id, tutor.user_id);
  EXPECT_FALSE(saved.current->updated_by->display_name.empty());
  EXPECT_FALSE(saved.current->signed_by.has_value());
  EXPECT_EQ(saved.current->content.competencies.at("6").value, std::optional<std::string>("favourable"));

  const auto signed_opinion = opinions().sign(tutor, file, saved.current->etag);
  EXPECT_EQ(signed_opinion.state, std::optional<std::string>("signed"));
  ASSERT_TRUE(signed_opinion.current->signed_by.has_value());
  EXPECT_EQ(signed_opinion.current->signed_by->id, tutor.user_id);
  EXPECT_TRUE(signed_opinion.current->signed_at.has_value());
  EXPECT_EQ(signed_opinion.current->etag, "\"1.2\"");
  ASSERT_EQ(signed_opinion.history.size(), 1u);
  EXPECT_EQ(signed_opinion.history.front().version, 1);

  // A save after the signature starts version 2; the signed one stays in the history.
  const auto correction =
      opinions().save(tutor, file, signed_opinion.current->etag, demo::sampleOpinion(signed_opinion));
  EXPECT_EQ(correction.current->version, 2);
  EXPECT_EQ(correction.current->state, "draft");
  EXPECT_EQ(correction.current->etag, "\"2.1\"");
  ASSERT_EQ(correction.history.size(), 1u);
  EXPECT_EQ(correction.history.front().state, "signed");
}

TEST_P(CompanyOpinionRecordsTest, AStaleEtagCarriesTheCurrentOpinion) {
  const std::string file = fileInCompanyOpinion(client().login("centre"));
  const domain::Actor tutor = actorOf("entreprise");
  const auto empty = opinions().get(tutor, file);
  opinions().save(tutor, file, "\"1.0\"", demo::sampleOpinion(empty));
  for (const bool signing : {false, true}) {
    try {
      if (signing) {
        opinions().sign(tutor, file, "\"1.0\"");
      } else {
        opinions().save(tutor, file, "\"1.0\"", demo::sampleOpinion(empty));
      }
      ADD_FAILURE() << "a stale ETag was accepted, signing: " << signing;
    } catch (const opinion::StaleOpinion& stale) {
      EXPECT_EQ(stale.code(), ErrorCode::kPreconditionFailed);
      EXPECT_EQ(stale.field(), "If-Match");
      ASSERT_TRUE(stale.current().current.has_value());
      EXPECT_EQ(stale.current().current->etag, "\"1.1\"");
    }
  }
}

TEST_P(CompanyOpinionRecordsTest, AVaeFileHasNoOpinionToGive) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "Vae", "vae")->getValue<std::string>("id");
  const auto view = opinions().get(actorOf("centre"), file);
  EXPECT_FALSE(view.required);
  EXPECT_FALSE(view.editable);
  EXPECT_FALSE(view.state.has_value());
  EXPECT_FALSE(view.current.has_value());
  EXPECT_TRUE(view.history.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, CompanyOpinionRecordsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
