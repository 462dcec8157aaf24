#include <Poco/UUIDGenerator.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <tuple>

#include "audit/event_chain.h"
#include "common/clock.h"
#include "common/sha256.h"
#include "store/account_store.h"
#include "store/candidate_file_store.h"
#include "store/deadline_store.h"
#include "store/document_store.h"
#include "store/event_store.h"
#include "store/idempotency_store.h"
#include "store/migration_data_steps.h"
#include "store/migrations.h"
#include "store/organisation_store.h"
#include "store/row_reader.h"
#include "store/statistics_store.h"
#include "support/names_across_scripts.h"
#include "support/test_database.h"

namespace cqpm::store {
namespace {

using access::FileScope;
using domain::CandidateFile;

std::string newId() { return Poco::UUIDGenerator::defaultGenerator().createRandom().toString(); }

class StorageTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    test_db_ = std::make_unique<testing::TestDatabase>(GetParam());
    CQPM_REQUIRE_BACKEND(*test_db_);
    db_ = Database::open(test_db_->databaseUrl());
    applyMigrations(*db_, embeddedMigrations(), systemClock());
    centre_ = addOrganisation(domain::OrganisationKind::kCentre, "Centre A");
    other_centre_ = addOrganisation(domain::OrganisationKind::kCentre, "Centre B");
    company_ = addOrganisation(domain::OrganisationKind::kCompany, "Usinage SA");
    coordinator_ = addUser("coord", domain::Role::kCentreCoordinator, centre_);
  }

  std::string addOrganisation(domain::OrganisationKind kind, const std::string& name) {
    domain::Organisation organisation{newId(), kind, name};
    db_->write(
        [&](SqlSession& sql) { organisation_store::insert(sql, organisation, nowIso8601(systemClock())); });
    return organisation.id;
  }

  std::string addUser(const std::string& login, domain::Role role, const std::string& organisation) {
    domain::UserAccount user;
    user.id = newId();
    user.login = login;
    user.display_name = login;
    user.email = login + "@example.org";
    user.password_hash = "x";
    user.role = role;
    user.organisation_id = organisation;
    db_->write([&](SqlSession& sql) { account_store::insertUser(sql, user, nowIso8601(systemClock())); });
    return user.id;
  }

  CandidateFile addFile(const std::string& centre, const std::string& given, const std::string& family,
                        const std::string& created_at, const std::string& state = "draft") {
    CandidateFile file;
    file.id = newId();
    file.centre_id = centre;
    file.company_id = company_;
    file.cqpm = "qualite";
    file.pathway = domain::Pathway::kEmployee;
    file.candidate = {given, family, "c@example.org", "1990-01-01"};
    file.state = state;
    file.created_at = created_at;
    file.updated_at = created_at;
    db_->write([&](SqlSession& sql) { candidate_file_store::insert(sql, file); });
    return file;
  }

  std::unique_ptr<testing::TestDatabase> test_db_;
  std::unique_ptr<Database> db_;
  std::string centre_, other_centre_, company_, coordinator_;
};

TEST_P(StorageTest, MigrationsAreRecordedAndNotReapplied) {
  EXPECT_TRUE(applyMigrations(*db_, embeddedMigrations(), systemClock()).empty());
  const auto recorded = db_->read([](SqlSession& sql) {
    Poco::Int64 count = 0;
    auto stmt = sql.statement("SELECT COUNT(*) FROM schema_migrations");
    stmt, Poco::Data::Keywords::into(count);
    stmt.execute();
    return count;
  });
  EXPECT_EQ(recorded, static_cast<Poco::Int64>(embeddedMigrations().size()));
}

TEST_P(StorageTest, RefusesADatabaseNewerThanTheBinary) {
  std::vector<Migration> older;  // a binary that knows no migration at all
  EXPECT_THROW(applyMigrations(*db_, older, systemClock()), Error);
}

TEST_P(StorageTest, DuplicateLoginIsAConflictNamingTheField) {
  try {
    addUser("coord", domain::Role::kEvaluator, centre_);
    FAIL() << "expected a conflict";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
    EXPECT_EQ(e.field(), "login");
  }
}

TEST_P(StorageTest, ScopeHidesOtherCentresFiles) {
  const auto mine = addFile(centre_, "Ana", "Martin", "2026-01-01T00:00:00.000001Z");
  const auto theirs = addFile(other_centre_, "Bob", "Durand", "2026-01-01T00:00:00.000002Z");
  const FileScope scope{FileScope::Kind::kCentre, centre_};
  db_->read([&](SqlSession& sql) {
    EXPECT_TRUE(candidate_file_store::find(sql, mine.id, scope).has_value());
    EXPECT_FALSE(candidate_file_store::find(sql, theirs.id, scope).has_value());
    const auto listed = candidate_file_store::list(sql, scope, {}, std::nullopt, 100);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].file.id, mine.id);
    EXPECT_EQ(listed[0].centre_name, "Centre A");
    EXPECT_EQ(listed[0].company_name, "Usinage SA");
    EXPECT_TRUE(
        candidate_file_store::list(sql, {FileScope::Kind::kNothing, {}}, {}, std::nullopt, 100).empty());
  });
}

TEST_P(StorageTest, ListPagesNewestFirstWithACursor) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(
        addFile(centre_, "C" + std::to_string(i), "X", "2026-01-01T00:00:0" + std::to_string(i) + ".0Z").id);
  }
  const FileScope scope{FileScope::Kind::kCentre, centre_};
  db_->read([&](SqlSession& sql) {
    auto page1 = candidate_file_store::list(sql, scope, {}, std::nullopt, 2);
    ASSERT_EQ(page1.size(), 2u);
    EXPECT_EQ(page1[0].file.id, ids[4]);
    EXPECT_EQ(page1[1].file.id, ids[3]);
    FileCursor cursor{page1[1].file.created_at, page1[1].file.id};
    auto page2 = candidate_file_store::list(sql, scope, {}, cursor, 10);
    ASSERT_EQ(page2.size(), 3u);
    EXPECT_EQ(page2[0].file.id, ids[2]);
    EXPECT_EQ(page2[2].file.id, ids[0]);
  });
}

TEST_P(StorageTest, NameSearchIgnoresCaseAndAccents) {
  addFile(centre_, "Élodie", "Lefèvre", "2026-01-01T00:00:01.0Z");
  addFile(centre_, "Marc", "Dupont", "2026-01-01T00:00:02.0Z");
  addFile(centre_, "Zoé", "100%_sure", "2026-01-01T00:00:03.0Z");
  const FileScope scope{FileScope::Kind::kCentre, centre_};
  db_->read([&](SqlSession& sql) {
    FileFilter filter;
    filter.name_query = "lefevre";
    auto found = candidate_file_store::list(sql, scope, filter, std::nullopt, 10);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].file.candidate.given_name, "Élodie");
    filter.name_query = "ELODIE";
    EXPECT_EQ(candidate_file_store::list(sql, scope, filter, std::nullopt, 10).size(), 1u);
    filter.name_query = "%";  // a wildcard typed by a user is a literal
    EXPECT_EQ(candidate_file_store::list(sql, scope, filter, std::nullopt, 10).size(), 1u);
  });
}

TEST_P(StorageTest, NameSearchFindsEveryScriptTypedWithoutDiacritics) {
  const FileScope scope{FileScope::Kind::kCentre, centre_};
  int second = 1;
  for (const auto& name : testing::namesAcrossScripts()) {
    addFile(centre_, name.given_name, name.family_name,
            "2026-01-01T00:00:" + std::string(second < 10 ? "0" : "") + std::to_string(second) + ".0Z");
    ++second;
  }
  for (const auto& name : testing::namesAcrossScripts()) {
    const auto found = db_->read([&](SqlSession& sql) {
      FileFilter filter;
      filter.name_query = name.typed_plainly;
      return candidate_file_store::list(sql, scope, filter, std::nullopt, 20);
    });
    ASSERT_EQ(found.size(), 1u) << name.script << ": " << name.typed_plainly;
    EXPECT_EQ(found[0].file.candidate.family_name, name.family_name) << name.script;
  }
}

// Migration 25 refolds names stored by the earlier folding (a table of French letters that left
// « Łukasiewicz » as it was), in the search column, its SQLite index, and the jury's identity keys.
TEST_P(StorageTest, TheRefoldingStepRecomputesStoredFoldedNames) {
  ASSERT_NE(migrationDataStep(25), nullptr);
  EXPECT_EQ(migrationDataStep(24), nullptr);
  const auto file = addFile(centre_, "Zbigniew", "Łukasiewicz", "2026-01-01T00:00:01.0Z");
  db_->write([&](SqlSession& sql) {
    sql.query("UPDATE candidate_files SET search_name = 'zbigniew łukasiewicz' WHERE id = ?")
        .bind(file.id)
        .execute();
  });
  const FileScope scope{FileScope::Kind::kCentre, centre_};
  const auto found = [&](const std::string& query) {
    return db_->read([&](SqlSession& sql) {
      FileFilter filter;
      filter.name_query = query;
      return candidate_file_store::list(sql, scope, filter, std::nullopt, 10).size();
    });
  };
  EXPECT_EQ(found("lukasiewicz"), 0u);  // as stored before the migration
  db_->write([&](SqlSession& sql) { refoldStoredNames(sql); });
  EXPECT_EQ(found("lukasiewicz"), 1u);
  EXPECT_EQ(found("Łukasiewicz"), 1u);
  const std::string stored = db_->read([&](SqlSession& sql) {
    std::string name;
    sql.query("SELECT search_name FROM candidate_files WHERE id = ?")
        .bind(file.id)
        .forEachRow([&](const RowReader& row) { name = row.text("search_name"); });
    return name;
  });
  EXPECT_EQ(stored, "zbigniew lukasiewicz");
}

TEST_P(StorageTest, CountsFilesByState) {
  addFile(centre_, "A", "A", "2026-01-01T00:00:01.0Z", "draft");
  addFile(centre_, "B", "B", "2026-01-01T00:00:02.0Z", "draft");
  addFile(centre_, "C", "C", "2026-01-01T00:00:03.0Z", "registered");
  addFile(other_centre_, "D", "D", "2026-01-01T00:00:04.0Z", "registered");
  const auto counts = db_->read([&](SqlSession& sql) {
    return candidate_file_store::countByState(sql, {FileScope::Kind::kCentre, centre_}, {});
  });
  EXPECT_EQ(counts.at("draft"), 2);
  EXPECT_EQ(counts.at("registered"), 1);
}

TEST_P(StorageTest, NameSearchFindsAnySubstringThroughTheIndex) {
  const auto elodie = addFile(centre_, "Élodie", "Lefèvre-Guérin", "2026-01-01T00:00:01.0Z");
  addFile(centre_, "Marc", "Dupont", "2026-01-01T00:00:02.0Z");
  addFile(centre_, "Zoé", "d\"Artagnan", "2026-01-01T00:00:03.0Z");
  const FileScope scope{FileScope::Kind::kCentre, centre_};
  auto found = [&](const std::string& query) {
    return db_->read([&](SqlSession& sql) {
      FileFilter filter;
      filter.name_query = query;
      std::vector<std::string> names;
      for (const auto& view : candidate_file_store::list(sql, scope, filter, std::nullopt, 10))
        names.push_back(view.file.candidate.family_name);
      return names;
    });
  };
  EXPECT_EQ(found("FÈVRE-GUÉ"), std::vector<std::string>{"Lefèvre-Guérin"});  // inside the name, across parts
  EXPECT_EQ(found("odie lef"), std::vector<std::string>{"Lefèvre-Guérin"});   // given then family name
  EXPECT_EQ(found("du"), std::vector<std::string>{"Dupont"});                 // shorter than a trigram
  EXPECT_EQ(found("d\"art"), std::vector<std::string>{"d\"Artagnan"});        // a quote is a literal
  EXPECT_TRUE(found("guerin lefevre").empty());                               // words keep their order
  EXPECT_TRUE(found("zzz").empty());
  // A correction moves the file to its new name, and off the old one.
  domain::Candidate renamed = elodie.candidate;
  renamed.family_name = "Moreau";
  ASSERT_TRUE(db_->write([&](SqlSession& sql) {
    return candidate_file_store::correctCandidate(sql, elodie.id, 1, renamed, "{}",
                                                  nowIso8601(systemClock()));
  }));
  EXPECT_TRUE(found("lefevre").empty());
  EXPECT_EQ(found("elodie mor"), std::vector<std::string>{"Moreau"});
  const auto counts = db_->read([&](SqlSession& sql) {
    FileFilter filter;
    filter.name_query = "MOREAU";
    return candidate_file_store::countByState(sql, scope, filter);
  });
  EXPECT_EQ(counts, (std::map<std::string, std::int64_t>{{"draft", 1}}));
}

TEST_P(StorageTest, PagesOfANameOrOverdueDateManyFilesHoldComeNewestFirst) {
  // More files than the SQLite store looks up one by one (it then walks the
  // dates): the pages must be the same either way.
  std::vector<std::string> expected, overdue;  // newest first
  db_->write([&](SqlSession& sql) {
    for (int i = 0; i < 1600; ++i) {  // 1066 names, 1280 overdue: over 1000
      CandidateFile file;
      file.id = newId();
      file.centre_id = centre_;
      file.cqpm = "qualite";
      file.pathway = domain::Pathway::kEmployee;
      const bool common = i % 3 != 0;
      file.candidate = {common ? "Benoît" : "Anne", common ? "Lefèvre" : "Morel", "c@example.org",
                        "1990-01-01"};
      file.state = "draft";
      char at[32];
      std::snprintf(at, sizeof at, "2026-01-01T%02d:%02d:%02d.0Z", i / 3600, i / 60 % 60, i % 60);
      file.created_at = file.updated_at = at;
      candidate_file_store::insert(sql, file);
      if (common) expected.insert(expected.begin(), file.id);
      DeadlineRecord deadline;
      deadline.file_id = file.id;
      deadline.kind = "report";
      deadline.due_date = deadline.set_due_date = "2026-03-01";
      deadline.due_at = "2026-03-01T22:59:59Z";
      deadline.set_by = coordinator_;
      deadline.set_at = at;
      deadline_store::upsert(sql, deadline);
      if (i % 5 == 0) {
        document_store::insertDocument(sql, {newId(), file.id, "report", at, {}}, coordinator_);
      } else {
        overdue.insert(overdue.begin(), file.id);
      }
    }
  });
  const FileScope scope{FileScope::Kind::kCentre, centre_};
  FileFilter filter;
  filter.name_query = "BENOIT LEF";
  std::vector<std::string> seen;
  std::optional<FileCursor> after;
  for (int page = 0; page < 3; ++page) {
    const auto files =
        db_->read([&](SqlSession& sql) { return candidate_file_store::list(sql, scope, filter, after, 25); });
    ASSERT_EQ(files.size(), 25u);
    for (const auto& view : files) seen.push_back(view.file.id);
    after = FileCursor{files.back().file.created_at, files.back().file.id};
  }
  EXPECT_EQ(seen, std::vector<std::string>(expected.begin(), expected.begin() + 75));
  const auto counts =
      db_->read([&](SqlSession& sql) { return candidate_file_store::countByState(sql, scope, filter); });
  EXPECT_EQ(counts.at("draft"), static_cast<std::int64_t>(expected.size()));
  FileFilter late;
  late.overdue_at = "2026-03-02T00:00:00Z";
  const auto page = db_->read(
      [&](SqlSession& sql) { return candidate_file_store::list(sql, scope, late, std::nullopt, 30); });
  ASSERT_EQ(page.size(), 30u);
  for (std::size_t i = 0; i < page.size(); ++i) EXPECT_EQ(page[i].file.id, overdue[i]);
  const auto late_counts =
      db_->read([&](SqlSession& sql) { return candidate_file_store::countByState(sql, scope, late); });
  EXPECT_EQ(late_counts.at("draft"), static_cast<std::int64_t>(overdue.size()));
}

TEST_P(StorageTest, KeptCountsMatchTheFilesAfterEveryWrite) {
  // Counting the files themselves, as countByState did before the kept counts.
  auto counted = [&](const std::string& where, const std::string& value) {
    return db_->read([&](SqlSession& sql) {
      std::map<std::string, std::int64_t> counts;
      std::string bound = value;
      auto stmt = sql.statement("SELECT state, COUNT(*) AS n FROM candidate_files WHERE " + where +
                                " GROUP BY state");
      if (!value.empty()) stmt, Poco::Data::Keywords::use(bound);
      forEachRow(stmt, [&](const RowReader& row) { counts[row.text("state")] = row.integer("n"); });
      return counts;
    });
  };
  auto kept = [&](const FileScope& scope, const FileFilter& filter) {
    return db_->read([&](SqlSession& sql) { return candidate_file_store::countByState(sql, scope, filter); });
  };
  auto expectMatch = [&](const char* when) {
    SCOPED_TRACE(when);
    FileFilter none, vae;
    vae.pathway = "vae";
    EXPECT_EQ(kept({FileScope::Kind::kEverything, {}}, none), counted("1 = 1", ""));
    EXPECT_EQ(kept({FileScope::Kind::kCentre, centre_}, none), counted("centre_id = ?", centre_));
    EXPECT_EQ(kept({FileScope::Kind::kCentre, other_centre_}, none), counted("centre_id = ?", other_centre_));
    EXPECT_EQ(kept({FileScope::Kind::kCompany, company_}, none), counted("company_id = ?", company_));
    EXPECT_EQ(kept({FileScope::Kind::kEverything, {}}, vae), counted("pathway = 'vae'", ""));
  };
  const auto a = addFile(centre_, "A", "A", "2026-01-01T00:00:01.0Z");
  const auto b = addFile(centre_, "B", "B", "2026-01-01T00:00:02.0Z", "registered");
  addFile(other_centre_, "C", "C", "2026-01-01T00:00:03.0Z");
  db_->write([&](SqlSession& sql) {  // without company, on another pathway (as an import opens them)
    for (int i = 0; i < 3; ++i) {
      CandidateFile file = a;
      file.id = newId();
      file.company_id.reset();
      file.pathway = domain::Pathway::kVae;
      candidate_file_store::insert(sql, file);
    }
  });
  expectMatch("after creations");
  const std::string now = nowIso8601(systemClock());
  db_->write([&](SqlSession& sql) {
    EXPECT_TRUE(candidate_file_store::updateState(sql, a.id, 1, "registered", now));
    EXPECT_TRUE(candidate_file_store::updateState(sql, a.id, 2, "withdrawn", now));
    EXPECT_FALSE(candidate_file_store::updateState(sql, b.id, 7, "withdrawn", now));     // stale version
    EXPECT_FALSE(candidate_file_store::updateState(sql, newId(), 1, "withdrawn", now));  // no such file
    EXPECT_TRUE(candidate_file_store::moveToCentre(sql, b.id, 1, other_centre_, now));
    EXPECT_TRUE(
        candidate_file_store::updateModalityPlan(sql, b.id, 2, "{}", now));  // counted by nothing it changes
  });
  expectMatch("after transitions and a transfer");
  EXPECT_THROW(db_->write([&](SqlSession& sql) {
    candidate_file_store::updateState(sql, b.id, 3, "certified", now);
    throw Error(ErrorCode::kInternal, "boom");
  }),
               Error);
  expectMatch("after writes rolled back");
}

TEST_P(StorageTest, OverdueFilterFollowsDeadlinesExtensionsAndReports) {
  const auto late = addFile(centre_, "A", "A", "2026-01-01T00:00:01.0Z");
  const auto extended = addFile(centre_, "B", "B", "2026-01-01T00:00:02.0Z");
  const auto reported = addFile(centre_, "C", "C", "2026-01-01T00:00:03.0Z", "registered");
  addFile(centre_, "D", "D", "2026-01-01T00:00:04.0Z");  // no deadline
  db_->write([&](SqlSession& sql) {
    for (const auto* file : {&late, &extended, &reported}) {
      DeadlineRecord deadline;
      deadline.file_id = file->id;
      deadline.kind = "report";
      deadline.due_date = deadline.set_due_date = "2026-03-01";
      deadline.due_at = "2026-03-01T22:59:59Z";
      deadline.set_by = coordinator_;
      deadline.set_at = "2026-01-02T00:00:00Z";
      deadline_store::upsert(sql, deadline);
    }
  });
  const FileScope scope{FileScope::Kind::kCentre, centre_};
  auto overdue = [&](const std::string& now) {
    return db_->read([&](SqlSession& sql) {
      FileFilter filter;
      filter.overdue_at = now;
      std::vector<std::string> ids;
      for (const auto& view : candidate_file_store::list(sql, scope, filter, std::nullopt, 10))
        ids.push_back(view.file.id);
      std::int64_t counted = 0;
      for (const auto& [state, n] : candidate_file_store::countByState(sql, scope, filter)) counted += n;
      EXPECT_EQ(counted, static_cast<std::int64_t>(ids.size()));
      return ids;
    });
  };
  EXPECT_TRUE(overdue("2026-03-01T22:00:00Z").empty());
  EXPECT_EQ(overdue("2026-03-02T00:00:00Z"), (std::vector<std::string>{reported.id, extended.id, late.id}));
  db_->write([&](SqlSession& sql) {
    DeadlineExtension extension;
    extension.number = 1;
    extension.from_date = "2026-03-01";
    extension.until_date = "2026-04-01";
    extension.reason = "test";
    extension.extended_by = coordinator_;
    extension.extended_at = "2026-02-01T00:00:00Z";
    deadline_store::addExtension(sql, extended.id, "report", extension, "2026-04-01T21:59:59Z");
    document_store::insertDocument(sql, {newId(), reported.id, "report", "2026-02-01T00:00:00Z", {}},
                                   coordinator_);
    document_store::insertDocument(sql, {newId(), late.id, "other", "2026-02-01T00:00:00Z", {}},
                                   coordinator_);
  });
  EXPECT_EQ(overdue("2026-03-02T00:00:00Z"), std::vector<std::string>{late.id});
  EXPECT_EQ(overdue("2026-04-02T00:00:00Z"), (std::vector<std::string>{extended.id, late.id}));
}

// A database migrated up to (not including) migration `number`, for the
// tests of what a migration does to data written before it.
std::unique_ptr<Database> migratedBefore(const testing::TestDatabase& fresh, int number) {
  auto db = Database::open(fresh.databaseUrl());
  std::vector<Migration> before;
  for (const Migration& migration : embeddedMigrations())
    if (migration.number < number) before.push_back(migration);
  applyMigrations(*db, before, systemClock());
  return db;
}

// A centre and its coordinator, user "u1", written with the stores of today.
std::string addCentreAndCoordinatorU1(Database& db) {
  const std::string centre = newId();
  db.write([&](SqlSession& sql) {
    organisation_store::insert(sql, {centre, domain::OrganisationKind::kCentre, "Centre"}, "2026-01-01");
    domain::UserAccount user;
    user.id = "u1";
    user.login = user.display_name = "coord";
    user.email = "coord@example.org";
    user.password_hash = "x";
    user.role = domain::Role::kCentreCoordinator;
    user.organisation_id = centre;
    account_store::insertUser(sql, user, "2026-01-01");
  });
  return centre;
}

TEST_P(StorageTest, MigrationFillsCountsAndSearchOfExistingFiles) {
  testing::TestDatabase fresh(GetParam());
  auto db = migratedBefore(fresh, 20);
  const std::string centre = addCentreAndCoordinatorU1(*db);
  db->write([&](SqlSession& sql) {
    // Names folded as the migrations of that time did (migration 25 folds them again, alike).
    for (const auto& [id, state, given, family, name] :
         {std::tuple{"f1", "draft", "Élodie", "Lefèvre", "elodie lefevre"},
          std::tuple{"f2", "draft", "Marc", "Dupont", "marc dupont"},
          std::tuple{"f3", "registered", "Zoé", "Moreau", "zoe moreau"}}) {
      sql.query(
             "INSERT INTO candidate_files (id, centre_id, cqpm, pathway, given_name, family_name, email, "
             "birth_date, search_name, state, version, created_at, updated_at) VALUES (?, ?, 'qualite', "
             "'employee', ?, ?, 'e', '1990-01-01', ?, ?, 1, '2026-01-01', '2026-01-01')")
          .bind(id)
          .bind(centre)
          .bind(given)
          .bind(family)
          .bind(name)
          .bind(state)
          .execute();
    }
  });
  db->write([&](SqlSession& sql) {  // f2's report is late, f3's was given
    sql.statement(
           "INSERT INTO file_deadlines (file_id, kind, due_date, due_at, set_due_date, set_by, set_at) "
           "SELECT id, 'report', '2026-03-01', '2026-03-01T22:59:59Z', '2026-03-01', 'u1', '' FROM "
           "candidate_files WHERE id IN ('f2', 'f3')")
        .execute();
    sql.statement(
           "INSERT INTO documents (id, file_id, kind, created_at, created_by) VALUES ('d3', 'f3', "
           "'report', '2026-01-01', 'u1')")
        .execute();
  });
  EXPECT_EQ(applyMigrations(*db, embeddedMigrations(), systemClock()).front(), 20);
  db->read([&](SqlSession& sql) {
    const FileScope scope{FileScope::Kind::kCentre, centre};
    EXPECT_EQ(candidate_file_store::countByState(sql, scope, {}),
              (std::map<std::string, std::int64_t>{{"draft", 2}, {"registered", 1}}));
    FileFilter filter;
    filter.name_query = "Lefèvre";
    const auto found = candidate_file_store::list(sql, scope, filter, std::nullopt, 10);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].file.id, "f1");
    FileFilter overdue;
    overdue.overdue_at = "2026-03-02T00:00:00Z";
    const auto late = candidate_file_store::list(sql, scope, overdue, std::nullopt, 10);
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0].file.id, "f2");
  });
}

// A file's moves: created in draft, a note that moves nothing, two days later
// registered (a quarter second past the minute: whole seconds count), a day and
// a half later under evaluation. {from, to, at}.
const std::vector<std::tuple<std::optional<std::string>, std::string, std::string>> kMoves{
    {std::nullopt, "draft", "2026-02-01T08:00:00.000Z"},
    {"draft", "draft", "2026-02-01T09:00:00.000Z"},
    {"draft", "registered", "2026-02-03T08:00:00.250Z"},
    {"registered", "in_evaluation", "2026-02-04T20:00:00.000Z"}};

std::vector<StageStays> februaryStays(Database& db, const std::string& centre) {
  StatisticsScope scope;
  scope.start = "2026-02-01T00:00:00.000Z";
  scope.end = "2026-03-01T00:00:00.000Z";
  scope.first_day = "2026-02-01";
  scope.last_day = "2026-02-28";
  scope.centre_id = centre;
  return db.read([&](SqlSession& sql) {
    return statistics_store::stageStays(sql, scope, {"draft", "registered", "in_evaluation"});
  });
}

void expectFebruaryStays(const std::vector<StageStays>& stays) {
  ASSERT_EQ(stays.size(), 2u);
  EXPECT_EQ(stays[0].stage, "draft");
  EXPECT_EQ(stays[0].stays, 1);
  EXPECT_EQ(stays[0].median_seconds, 2 * 24 * 3600);  // from the creation, not from the note
  EXPECT_EQ(stays[1].stage, "registered");
  EXPECT_EQ(stays[1].median_seconds, 36 * 3600);
}

TEST_P(StorageTest, EachMoveKeepsTheStayItEndsForTheMedianDaysPerStage) {
  const auto file = addFile(centre_, "A", "A", "2026-02-01T08:00:00.000Z");
  db_->write([&](SqlSession& sql) {
    for (const auto& [from, to, at] : kMoves) {
      domain::FileEvent event;
      event.file_id = file.id;
      event.transition = to;
      event.from_state = from;
      event.to_state = to;
      event.actor_id = coordinator_;
      event.organisation_id = centre_;
      event.at = at;
      event_store::append(sql, event);
    }
  });
  expectFebruaryStays(februaryStays(*db_, centre_));
  EXPECT_TRUE(februaryStays(*db_, other_centre_).empty());
  // Transferred, the file's stays count for its new centre.
  ASSERT_TRUE(db_->write([&](SqlSession& sql) {
    return candidate_file_store::moveToCentre(sql, file.id, 1, other_centre_, "2026-03-01T00:00:00.000Z");
  }));
  EXPECT_TRUE(februaryStays(*db_, centre_).empty());
  expectFebruaryStays(februaryStays(*db_, other_centre_));
}

TEST_P(StorageTest, MigrationKeepsTheStaysOfEventsWrittenBefore) {
  testing::TestDatabase fresh(GetParam());
  auto db = migratedBefore(fresh, 27);
  const std::string centre = addCentreAndCoordinatorU1(*db);
  db->write([&](SqlSession& sql) {
    sql.query(
           "INSERT INTO candidate_files (id, centre_id, cqpm, pathway, given_name, family_name, email, "
           "birth_date, search_name, state, version, created_at, updated_at) VALUES ('f1', ?, 'qualite', "
           "'employee', 'A', 'A', 'e', '1990-01-01', 'a a', 'in_evaluation', 4, '2026-02-01', '2026-02-04')")
        .bind(centre)
        .execute();
    std::int64_t seq = 0;
    for (const auto& [from, to, at] : kMoves) {  // as written before 0027: no stay kept
      sql.query(
             "INSERT INTO file_events (file_id, seq, transition, from_state, to_state, actor_id, "
             "organisation_id, payload, at, prev_hash, hash) VALUES ('f1', ?, ?, ?, ?, 'u1', ?, '{}', ?, '', "
             "'')")
          .bind(++seq)
          .bind(to)
          .bind(from)
          .bind(to)
          .bind(centre)
          .bind(at)
          .execute();
    }
  });
  EXPECT_EQ(applyMigrations(*db, embeddedMigrations(), systemClock()).front(), 27);
  expectFebruaryStays(februaryStays(*db, centre));
}

TEST_P(StorageTest, UpdateStateIsACompareAndSwapOnTheVersion) {
  const auto file = addFile(centre_, "A", "A", "2026-01-01T00:00:01.0Z");
  EXPECT_TRUE(db_->write([&](SqlSession& sql) {
    return candidate_file_store::updateState(sql, file.id, 1, "registered", nowIso8601(systemClock()));
  }));
  EXPECT_FALSE(db_->write([&](SqlSession& sql) {
    return candidate_file_store::updateState(sql, file.id, 1, "withdrawn", nowIso8601(systemClock()));
  }));
  const auto stored = db_->read([&](SqlSession& sql) {
    return candidate_file_store::find(sql, file.id, {FileScope::Kind::kEverything, {}});
  });
  EXPECT_EQ(stored->file.state, "registered");
  EXPECT_EQ(stored->file.version, 2);
}

TEST_P(StorageTest, EventsFormAHashChain) {
  const auto file = addFile(centre_, "A", "A", "2026-01-01T00:00:01.0Z");
  db_->write([&](SqlSession& sql) {
    for (const char* to : {"draft", "registered", "withdrawn"}) {
      domain::FileEvent event;
      event.file_id = file.id;
      event.transition = to;
      event.to_state = to;
      event.actor_id = coordinator_;
      event.organisation_id = centre_;
      event.payload_json = R"({"reason":"test"})";
      event.at = nowIso8601(systemClock());
      event_store::append(sql, event);
    }
  });
  const auto events = db_->read([&](SqlSession& sql) { return event_store::listForFile(sql, file.id); });
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].seq, 1);
  EXPECT_EQ(events[0].prev_hash, event_store::genesisHash());
  EXPECT_EQ(events[1].prev_hash, events[0].hash);
  EXPECT_EQ(events[2].prev_hash, events[1].hash);
  EXPECT_EQ(events[2].actor_login, "coord");
  for (const auto& event : events) EXPECT_EQ(event_store::chainHash(event), event.hash);
  // The link covers the payload's hash: changing that hash breaks the link, and changing the payload
  // no longer matches the hash (the chain's check says both).
  auto tampered = events[1];
  tampered.payload_sha256 = sha256Hex(R"({"reason":"changed"})");
  EXPECT_NE(event_store::chainHash(tampered), events[1].hash);
  auto changed = events;
  changed[1].payload_json = R"({"reason":"changed"})";
  EXPECT_EQ(audit::checkFileChain(file.id, changed).broken_at.value_or(0), 2);
}

TEST_P(StorageTest, IdempotencyKeyReplaysAndRefusesADifferentRequest) {
  db_->write([&](SqlSession& sql) {
    // Not found: claimed by this transaction, which then saves its answer.
    EXPECT_FALSE(
        idempotency_store::find(sql, coordinator_, "k1", "hash-a", nowIso8601(systemClock())).has_value());
    idempotency_store::save(sql, coordinator_, "k1", "hash-a", {201, "{\"a\":1}"});
  });
  db_->write([&](SqlSession& sql) {
    auto replay = idempotency_store::find(sql, coordinator_, "k1", "hash-a", nowIso8601(systemClock()));
    ASSERT_TRUE(replay.has_value());
    EXPECT_EQ(replay->status, 201);
    EXPECT_EQ(replay->body, "{\"a\":1}");
    EXPECT_THROW(idempotency_store::find(sql, coordinator_, "k1", "hash-b", nowIso8601(systemClock())),
                 Error);
  });
  // A request refused after its claim leaves nothing: the key is free again.
  EXPECT_THROW(db_->write([&](SqlSession& sql) {
    EXPECT_FALSE(
        idempotency_store::find(sql, coordinator_, "k2", "hash-a", nowIso8601(systemClock())).has_value());
    throw Error(ErrorCode::kVersionConflict, "refused");
  }),
               Error);
  db_->write([&](SqlSession& sql) {
    EXPECT_FALSE(
        idempotency_store::find(sql, coordinator_, "k2", "hash-c", nowIso8601(systemClock())).has_value());
    idempotency_store::save(sql, coordinator_, "k2", "hash-c", {200, "{}"});
  });
  // An answer is only saved for a key its transaction claimed.
  EXPECT_THROW(db_->write([&](SqlSession& sql) {
    idempotency_store::save(sql, coordinator_, "k3", "h", {200, "{}"});
  }),
               Error);
}

TEST_P(StorageTest, FailedWriteRollsBackEverything) {
  EXPECT_THROW(db_->write([&](SqlSession& sql) {
    organisation_store::insert(sql, {newId(), domain::OrganisationKind::kCompany, "Ghost"},
                               nowIso8601(systemClock()));
    throw Error(ErrorCode::kInternal, "boom");
  }),
               Error);
  const auto companies = db_->read([&](SqlSession& sql) {
    return organisation_store::list(sql, {domain::OrganisationKind::kCompany}, std::nullopt, 1000);
  });
  ASSERT_EQ(companies.size(), 1u);
  EXPECT_EQ(companies[0].name, "Usinage SA");
}

// Privacy by design (migration 0031): a link of a file's chain covers its payload's SHA-256, so that
// the retention policy can erase a payload's personal data and the chain still verifies.
std::vector<domain::FileEvent> appendEvents(Database& db, const CandidateFile& file, const std::string& actor,
                                            const std::vector<std::string>& payloads) {
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    domain::FileEvent event;
    event.file_id = file.id;
    event.transition = i == 0 ? "create" : "file_corrected";
    event.to_state = "draft";
    if (i > 0) event.from_state = "draft";
    event.actor_id = actor;
    event.organisation_id = file.centre_id;
    event.payload_json = payloads[i];
    event.at = "2026-01-0" + std::to_string(i + 1) + "T10:00:00.000000Z";
    db.write([&](SqlSession& sql) { event_store::append(sql, event); });
  }
  return db.read([&](SqlSession& sql) { return event_store::listForFile(sql, file.id); });
}

TEST_P(StorageTest, AChainCoversEachPayloadsHashSoAnErasedPayloadStillVerifies) {
  const auto file = addFile(centre_, "Jean", "Dupont", "2026-01-01T10:00:00.000000Z");
  const auto events = appendEvents(*db_, file, coordinator_,
                                   {"{}", R"({"before":{"family_name":"Dupond"}})", R"({"reason":"Jean"})"});
  ASSERT_EQ(events.size(), 3u);
  for (const auto& event : events)
    EXPECT_EQ(event.payload_sha256, sha256Hex(event.payload_json)) << event.seq;
  EXPECT_TRUE(audit::checkFileChain(file.id, events).intact());

  // Retention erases the second payload and says so: the chain still holds.
  db_->write([&](SqlSession& sql) {
    sql.query("UPDATE file_events SET payload = '{}', payload_redacted_at = ? WHERE file_id = ? AND seq = 2")
        .bind("2032-01-01T00:00:00.000000Z")
        .bind(file.id)
        .execute();
  });
  auto stored = db_->read([&](SqlSession& sql) { return event_store::listForFile(sql, file.id); });
  EXPECT_EQ(stored[1].payload_json, "{}");
  EXPECT_TRUE(audit::checkFileChain(file.id, stored).intact());

  // A payload changed without that mark is an alteration, named at its event.
  db_->write([&](SqlSession& sql) {
    sql.query(R"(UPDATE file_events SET payload = '{"reason":"Paul"}' WHERE file_id = ? AND seq = 3)")
        .bind(file.id)
        .execute();
  });
  stored = db_->read([&](SqlSession& sql) { return event_store::listForFile(sql, file.id); });
  const auto check = audit::checkFileChain(file.id, stored);
  EXPECT_EQ(check.broken_at.value_or(0), 3);
  EXPECT_EQ(check.problem, "was altered");
}

TEST_P(StorageTest, MigrationThirtyOneRewritesIntactChainsAndLeavesABrokenOneAsItIs) {
  ASSERT_EQ(migrationDataStep(31), &hashEventPayloads);
  const auto intact = addFile(centre_, "Ana", "Intacte", "2026-01-01T10:00:00.000000Z");
  const auto broken = addFile(centre_, "Bob", "Casse", "2026-01-01T10:00:00.000000Z");
  // Both chains as written before 0031: each link covering the payload itself.
  std::map<std::string, std::string> old_heads;
  for (const auto* file : {&intact, &broken}) {
    auto events = appendEvents(*db_, *file, coordinator_, {"{}", R"({"reason":"x"})", R"({"reason":"y"})"});
    std::string previous = event_store::genesisHash();
    for (auto& event : events) {
      event.payload_sha256.clear();
      event.prev_hash = previous;
      event.hash = event_store::chainHash(event);
      previous = event.hash;
      db_->write([&](SqlSession& sql) {
        sql.query(
               "UPDATE file_events SET payload_sha256 = NULL, prev_hash = ?, hash = ? WHERE file_id = ? AND "
               "seq = ?")
            .bind(event.prev_hash)
            .bind(event.hash)
            .bind(file->id)
            .bind(event.seq)
            .execute();
      });
    }
    old_heads[file->id] = previous;
  }
  db_->write([&](SqlSession& sql) {
    sql.query(R"(UPDATE file_events SET payload = '{"reason":"forged"}' WHERE file_id = ? AND seq = 2)")
        .bind(broken.id)
        .execute();
  });
  EXPECT_TRUE(audit::checkFileChain(intact.id, db_->read([&](SqlSession& sql) {
                return event_store::listForFile(sql, intact.id);
              })).intact());  // the old scheme still verifies as such

  db_->write([&](SqlSession& sql) { hashEventPayloads(sql); });

  const auto rewritten = db_->read([&](SqlSession& sql) { return event_store::listForFile(sql, intact.id); });
  for (const auto& event : rewritten) EXPECT_EQ(event.payload_sha256, sha256Hex(event.payload_json));
  EXPECT_TRUE(audit::checkFileChain(intact.id, rewritten).intact());
  EXPECT_NE(rewritten.back().hash, old_heads[intact.id]);
  const auto left = db_->read([&](SqlSession& sql) { return event_store::listForFile(sql, broken.id); });
  for (const auto& event : left) EXPECT_TRUE(event.payload_sha256.empty());
  EXPECT_EQ(audit::checkFileChain(broken.id, left).broken_at.value_or(0), 2);  // still shows, not laundered

  std::map<std::string, std::tuple<std::string, std::string, std::string>> records;  // old, new, problem
  db_->read([&](SqlSession& sql) {
    sql.query("SELECT file_id, old_head, new_head, problem FROM event_chain_rehashes")
        .forEachRow([&](const RowReader& row) {
          records[row.text("file_id")] = {row.text("old_head"), row.optionalText("new_head").value_or(""),
                                          row.optionalText("problem").value_or("")};
        });
  });
  EXPECT_EQ(records[intact.id], std::make_tuple(old_heads[intact.id], rewritten.back().hash, std::string()));
  EXPECT_EQ(records[broken.id],
            std::make_tuple(old_heads[broken.id], std::string(), std::string("event 2 was altered")));
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest, ::testing::ValuesIn(testing::storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::store
