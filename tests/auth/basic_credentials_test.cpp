// HTTP Basic for git clients: a pair verified once is accepted for a minute
// without Argon2, but never a wrong one, and never after the account's
// password changed or the account was deactivated.
//
// "Without Argon2" is observed through the hashing slots: while the test
// holds the only slot, a verification that reaches Argon2 is refused with
// kUnavailable instead of waiting.

#include "auth_fixture.h"

namespace cqpm::testing {
namespace {

class BasicCredentialsTest : public AuthTest {
 protected:
  void SetUp() override {
    AuthTest::SetUp();
    if (IsSkipped()) return;
    slots_ = std::make_shared<auth::HashingSlots>(1, std::chrono::milliseconds(20));
    auth_ =
        std::make_unique<auth::AuthService>(*db_, auth::PasswordHasher(kCheapHash, slots_), clock_.clock());
    addUser("gtp.audit");
  }

  /// The error code of verifyBasic, or nullopt when it succeeded.
  std::optional<ErrorCode> basic(const std::string& password) {
    try {
      auth_->verifyBasic("gtp.audit", password, kAddress);
      return std::nullopt;
    } catch (const Error& e) {
      return e.code();
    }
  }
  /// basic() while the only hashing slot is taken: Argon2 cannot run.
  std::optional<ErrorCode> basicWithoutArgon2(const std::string& password) {
    auto held = slots_->acquire();
    return basic(password);
  }
  void updateUser(const std::function<void(domain::UserAccount&)>& change) {
    changeUser("gtp.audit", change);
  }

  static constexpr const char* kAddress = "127.0.0.1";
  std::shared_ptr<auth::HashingSlots> slots_;
};

TEST_P(BasicCredentialsTest, AVerifiedPairIsAcceptedWithoutArgon2ForAMinute) {
  // Not yet verified: Argon2 is needed, and refused for want of a slot.
  EXPECT_EQ(basicWithoutArgon2(kPassword), ErrorCode::kUnavailable);
  EXPECT_EQ(basic(kPassword), std::nullopt);
  for (int request = 0; request < 20; ++request) ASSERT_EQ(basicWithoutArgon2(kPassword), std::nullopt);
  clock_.advanceSeconds(59);
  EXPECT_EQ(basicWithoutArgon2(kPassword), std::nullopt);
  clock_.advanceSeconds(2);
  EXPECT_EQ(basicWithoutArgon2(kPassword), ErrorCode::kUnavailable);  // expired: Argon2 again
  EXPECT_EQ(basic(kPassword), std::nullopt);
}

TEST_P(BasicCredentialsTest, AWrongPasswordIsNeverRemembered) {
  EXPECT_EQ(basic("wrong"), ErrorCode::kUnauthenticated);
  EXPECT_EQ(basic("wrong"), ErrorCode::kUnauthenticated);
  EXPECT_EQ(basicWithoutArgon2("wrong"), ErrorCode::kUnavailable);  // each attempt pays Argon2
  // A right pair remembered does not open the account to a wrong one.
  EXPECT_EQ(basic(kPassword), std::nullopt);
  EXPECT_EQ(basic(std::string(kPassword) + " "), ErrorCode::kUnauthenticated);
  EXPECT_THROW(auth_->verifyBasic("gtp.audi", std::string("t") + kPassword, kAddress), Error);
}

TEST_P(BasicCredentialsTest, AChangedPasswordRefusesTheRememberedPairAtOnce) {
  ASSERT_EQ(basic(kPassword), std::nullopt);
  const std::string new_hash = auth_->hasher().hash("Nouveau mot de passe 2031");
  updateUser([&](domain::UserAccount& user) { user.password_hash = new_hash; });
  EXPECT_EQ(basic(kPassword), ErrorCode::kUnauthenticated);
  EXPECT_EQ(basic("Nouveau mot de passe 2031"), std::nullopt);
  EXPECT_EQ(basicWithoutArgon2("Nouveau mot de passe 2031"), std::nullopt);
  // The same password set again (a new salt): the remembered pair is stale, verified afresh.
  const std::string same_again = auth_->hasher().hash("Nouveau mot de passe 2031");
  updateUser([&](domain::UserAccount& user) { user.password_hash = same_again; });
  EXPECT_EQ(basicWithoutArgon2("Nouveau mot de passe 2031"), ErrorCode::kUnavailable);
  EXPECT_EQ(basic("Nouveau mot de passe 2031"), std::nullopt);
}

TEST_P(BasicCredentialsTest, ADeactivatedAccountIsRefusedAtOnce) {
  ASSERT_EQ(basic(kPassword), std::nullopt);
  updateUser([](domain::UserAccount& user) { user.active = false; });
  EXPECT_EQ(basicWithoutArgon2(kPassword), ErrorCode::kUnavailable);  // not taken from the cache
  EXPECT_EQ(basic(kPassword), ErrorCode::kUnauthenticated);
  updateUser([](domain::UserAccount& user) { user.active = true; });
  EXPECT_EQ(basic(kPassword), std::nullopt);
}

TEST_P(BasicCredentialsTest, TheCacheStaysBounded) {
  auth::CredentialCache cache(clock_.clock(), std::chrono::seconds(60), 3);
  for (int i = 0; i < 10; ++i) {
    cache.remember("user" + std::to_string(i), "secret", {"id" + std::to_string(i), "hash"});
    clock_.advanceSeconds(1);
  }
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_FALSE(cache.find("user0", "secret"));  // the oldest went first
  ASSERT_TRUE(cache.find("user9", "secret"));
  EXPECT_EQ(cache.find("user9", "secret")->user_id, "id9");
  EXPECT_FALSE(cache.find("user9", "other"));
}

INSTANTIATE_TEST_SUITE_P(Backends, BasicCredentialsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
