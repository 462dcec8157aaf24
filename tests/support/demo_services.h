#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "access/file_scope.h"
#include "app/server.h"
#include "common/error.h"
#include "store/account_store.h"
#include "store/candidate_file_store.h"
#include "support/instance.h"
#include "support/test_database.h"

// Service-level tests: the server's services over a fresh demo database,
// called in process (no HTTP, no listening socket), answering typed records.

namespace cqpm::testing {

/// How a service call ended: "accepted", or the code and field of the Error it
/// threw ("unprocessable result", "forbidden " when it names no field).
inline std::string outcomeOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& e) {
    return std::string(errorCodeName(e.code())) + " " + e.field();
  }
  return "accepted";
}

class DemoServicesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam());
    CQPM_REQUIRE_BACKEND(*database_);
    server_ = std::make_unique<app::Server>(instanceConfig(*database_));
  }
  void TearDown() override {
    server_.reset();
    database_.reset();
  }

  app::Server& server() { return *server_; }

  /// The demo account `login` as the services see it once signed in.
  domain::Actor actor(const std::string& login) {
    return server_->database().read([&](store::SqlSession& sql) {
      const auto user = store::account_store::findUserByLogin(sql, login);
      if (!user) throw std::runtime_error("no demo account " + login);
      return *store::account_store::actorOfUser(sql, user->id);
    });
  }

  /// The id of the demo file of the candidate named `name` ("Léa Mercier").
  std::string demoFile(const std::string& name) {
    const domain::Actor admin = actor("admin");
    return server_->database().read([&](store::SqlSession& sql) {
      for (const auto& view :
           store::candidate_file_store::list(sql, access::fileScopeFor(admin), {}, std::nullopt, 200)) {
        if (view.file.candidate.given_name + " " + view.file.candidate.family_name == name)
          return view.file.id;
      }
      throw std::runtime_error("no demo file of " + name);
    });
  }

 private:
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<app::Server> server_;
};

}  // namespace cqpm::testing
