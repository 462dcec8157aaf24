#pragma once

#include <Poco/DateTimeParser.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/server.h"
#include "statistics_seed.h"
#include "support/instance.h"
#include "support/test_database.h"

// The statistics service over a fresh database (no demo) holding a small set
// of files, events and jury sessions written row by row, so that each test
// can work its expected figures out by hand from the seed below.
//
// "Now" is 2026-07-15 12:00 UTC; the tests ask for 2026-01-01 .. 2026-06-30
// (Paris days: 2025-12-31T23:00Z .. 2026-06-30T22:00Z in UTC).
//
// | file | centre | cqpm | pathway | created (UTC) | moves (from -> to, at) |
// | A1 | A | qualite | employee | 01-10 09:00 | draft->registered 01-12 09:00; (plan saved, same state,
// 01-13); registered->modalities_agreed 01-16 09:00; modalities_agreed->in_deliberation 02-15 09:00;
// in_deliberation->certified 03-01 09:00 | | A2 | A | qualite | employee | 02-05 09:00 | draft->registered
// 02-11 09:00; registered->in_deliberation 03-01 09:00; in_deliberation->not_certified 03-11 21:00 | | A3 | A
// | qualite | vae | 02-20 09:00 | draft->registered 02-21 09:00; registered->in_deliberation 03-21 09:00;
// in_deliberation->blocs_awarded 04-01 09:00; (correction, same state, 04-02) | | A4 | A |
// fabrication-additive | employee | 2025-12-20 09:00 | draft->registered 2025-12-30 09:00;
// registered->in_deliberation 01-09 09:00; in_deliberation->certified 01-20 09:00 | | A5 | A |
// fabrication-additive | employee | 03-03 09:00 | draft->registered 03-06 09:00; report due 05-31 22:00, none
// uploaded | | A6 | A | fabrication-additive | job_seeker | 06-30 21:00 | none; report due 07-10 22:00 (after
// the period) | | A7 | A | qualite | employee | 06-30 22:30 (July 1st in Paris) | none | | B1 | B | qualite |
// employee | 01-05 09:00 | draft->registered 01-07 09:00; registered->in_deliberation 01-27 09:00;
// in_deliberation->certified 02-06 09:00; report due 04-30 22:00 |
//
// Jury sessions: S1 (A, 03-01, opened; decisions on A1, A2 and a revoked
// one), S2 (A, 03-20, opened; A3), S3 (A, 04-15, never opened), S4 (A,
// 07-02, opened, after the period), S5 (B, 02-06, opened; B1).

namespace cqpm::testing {

inline const char* kCentreA = "centre-a";
inline const char* kCentreB = "centre-b";

class StatisticsServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam());
    CQPM_REQUIRE_BACKEND(*database_);
    app::ServerConfig config = instanceConfig(*database_);
    config.demo = false;
    const Poco::Timestamp now = timeAt("2026-07-15T12:00:00.000000Z");
    config.clock = [now] { return now; };
    server_ = std::make_unique<app::Server>(config);
    seedStatistics(server_->database());
  }
  void TearDown() override {
    server_.reset();
    database_.reset();
  }

  statistics::Statistics compute(const domain::Actor& actor, std::optional<std::string> centre = {},
                                 std::string from = "2026-01-01", std::string to = "2026-06-30") {
    return server_->statistics().compute(actor, {std::move(from), std::move(to), std::move(centre)});
  }

  static domain::Actor actorOf(domain::Role role, const std::string& organisation,
                               domain::OrganisationKind kind) {
    domain::Actor actor;
    actor.user_id = "u-1";
    actor.login = "someone";
    actor.role = role;
    actor.organisation_id = organisation;
    actor.organisation_name = organisation == kCentreA ? "Centre A" : organisation;
    actor.organisation_kind = kind;
    return actor;
  }
  static domain::Actor coordinatorOfA() {
    return actorOf(domain::Role::kCentreCoordinator, kCentreA, domain::OrganisationKind::kCentre);
  }
  static domain::Actor admin() {
    return actorOf(domain::Role::kAdmin, "platform", domain::OrganisationKind::kPlatform);
  }

  /// One more file of centre A, opened at `opened_at` (UTC) and still a draft.
  void openDraftOfA(const std::string& id, const std::string& opened_at) {
    server_->database().write([&](store::SqlSession& sql) {
      statistics_seed::file(sql, id, kCentreA, "qualite", "employee", {{std::nullopt, "draft", opened_at}});
    });
  }

  static Poco::Timestamp timeAt(const std::string& iso) {
    int tz = 0;
    return Poco::DateTimeParser::parse("%Y-%m-%dT%H:%M:%S.%FZ", iso, tz).timestamp();
  }

 private:
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<app::Server> server_;
};

}  // namespace cqpm::testing
