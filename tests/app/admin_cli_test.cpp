#include <Poco/File.h>
#include <gtest/gtest.h>

#include "app/command_run.h"
#include "support/test_database.h"

// `cqpm admin` as an operator runs it on a fresh install: the real binary, a
// new data folder, the password on standard input.

namespace cqpm::testing {
namespace {

CommandRun admin(std::vector<std::string> args, const std::string& data_dir, const std::string& input = "") {
  args.insert(args.begin(), "admin");
  args.emplace_back("--data");
  args.push_back(data_dir);
  return runCqpm(args, input);
}

class AdminCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = makeTempDir("cqpm-admin-cli"); }
  void TearDown() override { Poco::File(dir_).remove(true); }
  std::string dir_;
};

TEST_F(AdminCliTest, CreatesTheFirstAdministratorOnAnEmptyDataFolder) {
  const auto created =
      admin({"create-admin", "--login", "root", "--email", "root@exemple.fr", "--name", "Exploitation"}, dir_,
            "Tournevis cruciforme 7\n");
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_NE(created.out.find("Administrator 'root' created"), std::string::npos) << created.out;
  EXPECT_EQ(created.out.find("Tournevis"), std::string::npos);  // the password is never echoed

  const auto again = admin({"create-admin", "--login", "root", "--email", "other@exemple.fr"}, dir_,
                           "Tournevis cruciforme 8\n");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("the login 'root' already exists"), std::string::npos) << again.err;

  const auto listed = admin({"list-users"}, dir_);
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("root"), std::string::npos);
  EXPECT_NE(listed.out.find("admin"), std::string::npos);
  EXPECT_NE(listed.out.find("CQPM Hub (exploitation)"), std::string::npos);
  EXPECT_NE(listed.out.find("1 account(s)"), std::string::npos) << listed.out;
}

TEST_F(AdminCliTest, RefusesAWeakPasswordAndBadArguments) {
  const auto weak = admin({"create-admin", "--login", "root", "--email", "root@exemple.fr"}, dir_, "court\n");
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_NE(weak.err.find("12 caractères"), std::string::npos) << weak.err;
  EXPECT_EQ(admin({"list-users"}, dir_).out.find("root"), std::string::npos);  // nothing created

  EXPECT_EQ(admin({"create-admin", "--login", "root"}, dir_).exit_code, 2);
  EXPECT_EQ(admin({"create-admin", "--login", "root", "--email", "pas-une-adresse"}, dir_).exit_code, 2);
  EXPECT_EQ(admin({"frobnicate"}, dir_).exit_code, 2);
  EXPECT_EQ(admin({"disable-user"}, dir_).exit_code, 2);
  EXPECT_EQ(admin({"disable-user", "nobody"}, dir_).exit_code, 1);
  EXPECT_EQ(admin({"reset-password", "nobody"}, dir_).exit_code, 1);
}

TEST_F(AdminCliTest, InviteAndResetPrintOneTimeLinksAndDisableLocksOut) {
  const auto invited =
      admin({"create-admin", "--login", "ops", "--email", "ops@exemple.fr", "--invite"}, dir_, "ignored\n");
  ASSERT_EQ(invited.exit_code, 0) << invited.err;
  EXPECT_NE(invited.out.find("http://localhost:8080/invitation/"), std::string::npos) << invited.out;
  EXPECT_NE(admin({"list-users"}, dir_).out.find("invited"), std::string::npos);

  const auto reset = admin({"reset-password", "ops"}, dir_);
  ASSERT_EQ(reset.exit_code, 0) << reset.err;
  EXPECT_NE(reset.out.find("/mot-de-passe/"), std::string::npos) << reset.out;

  ASSERT_EQ(admin({"disable-user", "ops"}, dir_).exit_code, 0);
  EXPECT_NE(admin({"list-users"}, dir_).out.find("inactive"), std::string::npos);
  EXPECT_EQ(admin({"disable-user", "ops"}, dir_).exit_code, 0);  // already so: nothing to do, still fine
  EXPECT_EQ(admin({"reset-password", "ops"}, dir_).exit_code, 1);
}

}  // namespace
}  // namespace cqpm::testing
