// The typed referential the services read: parsed once per commit by the
// referential store and shared, one model per published version.

#include "referential_api_fixture.h"

namespace cqpm::testing {
namespace {

using ReferentialModelCacheTest = ReferentialApiTest;

TEST_P(ReferentialModelCacheTest, ACommitIsParsedOnceAndEachVersionHasItsOwnModel) {
  auto& store = server_->server().referentials();
  const std::string v1 = versions(kFabrication)->getObject(0)->getValue<std::string>("commit");
  const auto first = store.modelAt(kFabrication, v1);
  ASSERT_TRUE(first);
  EXPECT_EQ(store.modelAt(kFabrication, v1).get(), first.get()) << "a second read is the cached model";
  ASSERT_EQ(first->blocs.size(), 2u);
  EXPECT_FALSE(first->blocs[1].code);

  ASSERT_EQ(proposeApproveAndPublish(kFabrication, withFilledCode(), kFillReason).status, 200);
  const std::string v2 = versions(kFabrication)->getObject(1)->getValue<std::string>("commit");
  const auto second = store.modelAt(kFabrication, v2);
  ASSERT_TRUE(second);
  EXPECT_NE(second.get(), first.get());
  EXPECT_EQ(second->blocs[1].code, std::optional<std::string>(kFilledCode));
  EXPECT_FALSE(store.modelAt(kFabrication, v1)->blocs[1].code) << "version 1 is unchanged";
}

TEST_P(ReferentialModelCacheTest, AnUnknownCommitIsAnErrorNotAModel) {
  EXPECT_THROW(server_->server().referentials().modelAt(kFabrication, std::string(40, '0')), Error);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferentialModelCacheTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
