#include "support/test_database.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/URI.h>
#include <Poco/UUIDGenerator.h>

#include <cstdlib>
#include <stdexcept>

#include "support/seeded_snapshot.h"

namespace cqpm::testing {

std::vector<std::string> storageBackends() { return {"sqlite", "postgresql"}; }

// The throwaway cluster ctest starts (tests/CMakeLists.txt); the environment
// variable overrides it, and an empty value skips the PostgreSQL cases.
std::string postgresTestUrl() {
  if (const char* url = std::getenv("CQPM_TEST_POSTGRES_URL")) return url;
#ifdef CQPM_TEST_POSTGRES_URL_DEFAULT
  return CQPM_TEST_POSTGRES_URL_DEFAULT;
#else
  return {};
#endif
}

bool backendRequired() { return !postgresTestUrl().empty(); }

std::string makeTempDir(const std::string& prefix) {
  std::string pattern = Poco::Path::temp() + prefix + "-XXXXXX";
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
  return pattern;
}

namespace {

std::string adminConninfo(const std::string& url) {
  return store::DatabaseUrl::parse(url, "/nonexistent").connection;
}

std::string newDatabaseName() {
  const std::string uuid = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  return "t_" + uuid.substr(0, 8) + uuid.substr(9, 4);
}

}  // namespace

std::string withDatabase(const std::string& url, const std::string& database) {
  Poco::URI uri(url);
  uri.setPath("/" + database);
  return uri.toString();
}

void runOnTestCluster(const std::string& sql) {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  Poco::Data::Session admin("postgresql", adminConninfo(postgresTestUrl()));
  admin << sql, Poco::Data::Keywords::now;
}

void TestDatabase::runAsAdmin(const std::string& sql) {
  if (!admin_) {
    Poco::Data::PostgreSQL::Connector::registerConnector();
    admin_ = std::make_unique<Poco::Data::Session>("postgresql", adminConninfo(postgresTestUrl()));
  }
  *admin_ << sql, Poco::Data::Keywords::now;
}

TestDatabase::TestDatabase(const std::string& backend) : backend_(backend) {
  data_dir_ = makeTempDir("cqpm-test");
  if (backend == "sqlite") return;
  const std::string base = postgresTestUrl();
  if (base.empty()) {
    available_ = false;
    reason_ = "PostgreSQL cases skipped: CQPM_TEST_POSTGRES_URL is empty";
    return;
  }
  schema_ = newDatabaseName();
  try {
    runAsAdmin("CREATE SCHEMA " + schema_);
  } catch (const Poco::Exception& e) {
    available_ = false;
    reason_ = "PostgreSQL unreachable at " + base +
              " (ctest starts it: run the tests through ctest): " + e.displayText();
    return;
  }
  url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
}

TestDatabase::TestDatabase(const std::string& backend, const SeededSnapshot& snapshot) : backend_(backend) {
  data_dir_ = makeTempDir("cqpm-test");
  copyFolderContents(snapshot.data_dir, data_dir_);
  if (backend == "sqlite") return;
  database_ = newDatabaseName();
  // Nobody else may be connected to the template; the process that seeded it
  // closed its sessions, and PostgreSQL waits a few seconds for their exit.
  // FILE_COPY copies the template's files (its checkpoints cost little on this
  // cluster without fsync) rather than writing every page to the WAL: 0.19 s
  // against 0.30 s a copy of the demo here, a few hundred times a run.
  runAsAdmin("CREATE DATABASE " + database_ + " TEMPLATE " + snapshot.template_database +
             " STRATEGY = FILE_COPY");
  url_ = withDatabase(postgresTestUrl(), database_);
}

TestDatabase::~TestDatabase() {
  try {
    if (available_ && !schema_.empty()) runAsAdmin("DROP SCHEMA " + schema_ + " CASCADE");
    if (available_ && !database_.empty()) runAsAdmin("DROP DATABASE " + database_ + " WITH (FORCE)");
  } catch (const Poco::Exception&) {
    // The cluster is thrown away at the end of the run anyway.
  }
  try {
    Poco::File(data_dir_).remove(true);
  } catch (const Poco::Exception&) {
  }
}

}  // namespace cqpm::testing
