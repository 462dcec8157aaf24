#pragma once

#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <Poco/UUIDGenerator.h>
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "auth/auth_service.h"
#include "common/clock.h"
#include "common/error.h"
#include "store/account_store.h"
#include "store/migrations.h"
#include "store/organisation_store.h"
#include "support/test_database.h"

namespace cqpm::testing {

/// A clock the test moves; callable from any thread.
class MovingClock {
 public:
  Clock clock() {
    return [this] {
      std::lock_guard lock(mutex_);
      return now_;
    };
  }
  void advance(const Poco::Timespan& by) {
    std::lock_guard lock(mutex_);
    now_ += by;
  }
  void advanceSeconds(int seconds) { advance(Poco::Timespan(seconds, 0)); }

 private:
  std::mutex mutex_;
  Poco::Timestamp now_ = Poco::Timestamp::fromEpochTime(1'900'000'000);  // 2030-03-17
};

/// Cheap Argon2 for tests that are not about its cost.
inline constexpr auth::PasswordHashCost kCheapHash{64, 1, 1};

/// A real database of the backend named by the test parameter, migrated, with
/// one centre whose coordinators log in with kPassword; an AuthService over it
/// on a clock the test moves.
class AuthTest : public ::testing::TestWithParam<std::string> {
 protected:
  static constexpr const char* kPassword = "Tôlerie fine 2030";

  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam());
    CQPM_REQUIRE_BACKEND(*database_);
    db_ = store::Database::open(database_->databaseUrl());
    store::applyMigrations(*db_, store::embeddedMigrations(), systemClock());
    centre_ = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    domain::Organisation centre{centre_, domain::OrganisationKind::kCentre, "Centre de test"};
    db_->write([&](store::SqlSession& sql) {
      store::organisation_store::insert(sql, centre, nowIso8601(systemClock()));
    });
    auth_ = makeService(*db_);
  }

  /// Another service over the same database (what another instance runs).
  std::unique_ptr<auth::AuthService> makeService(store::Database& db,
                                                 auth::PasswordHashCost cost = kCheapHash, int slots = 2) {
    return std::make_unique<auth::AuthService>(
        db, auth::PasswordHasher(cost, std::make_shared<auth::HashingSlots>(slots)), clock_.clock());
  }

  /// A coordinator of the centre whose password is kPassword.
  void addUser(const std::string& login, const auth::PasswordHasher& hasher) {
    domain::UserAccount user;
    user.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    user.login = login;
    user.display_name = login;
    user.email = login + "@centre.example";
    user.password_hash = hasher.hash(kPassword);
    user.role = domain::Role::kCentreCoordinator;
    user.organisation_id = centre_;
    db_->write([&](store::SqlSession& sql) {
      store::account_store::insertUser(sql, user, nowIso8601(systemClock()));
    });
  }
  void addUser(const std::string& login) { addUser(login, auth_->hasher()); }

  /// Applies `change` to the account `login` through the store, as an administrator's edit does.
  void changeUser(const std::string& login, const std::function<void(domain::UserAccount&)>& change) {
    db_->write([&](store::SqlSession& sql) {
      auto user = store::account_store::findUserByLogin(sql, login);
      ASSERT_TRUE(user);
      change(*user);
      store::account_store::updateUser(sql, *user, nowIso8601(systemClock()));
    });
  }

  /// The error code of a login attempt, or nullopt when it succeeded; `retry_after` gets details.retry_after.
  std::optional<ErrorCode> attempt(auth::AuthService& service, const std::string& login,
                                   const std::string& password, const std::string& address,
                                   int* retry_after = nullptr) {
    try {
      service.login(login, password, address);
      return std::nullopt;
    } catch (const Error& e) {
      if (retry_after && e.details() && e.details()->has("retry_after"))
        *retry_after = e.details()->getValue<int>("retry_after");
      return e.code();
    }
  }
  std::optional<ErrorCode> attempt(const std::string& login, const std::string& password,
                                   const std::string& address, int* retry_after = nullptr) {
    return attempt(*auth_, login, password, address, retry_after);
  }

  MovingClock clock_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<store::Database> db_;
  std::string centre_;
  std::unique_ptr<auth::AuthService> auth_;
};

}  // namespace cqpm::testing
