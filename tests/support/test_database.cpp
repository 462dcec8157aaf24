#include "support/test_database.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/UUIDGenerator.h>

#include <cstdlib>
#include <stdexcept>

namespace cqpm::testing {

std::vector<std::string> storageBackends() { return {"sqlite", "postgresql"}; }

namespace {

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

}  // namespace

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

}  // namespace

TestDatabase::TestDatabase(const std::string& backend) : backend_(backend) {
  data_dir_ = makeTempDir("cqpm-test");
  if (backend == "sqlite") return;
  const std::string base = postgresTestUrl();
  if (base.empty()) {
    available_ = false;
    reason_ = "PostgreSQL cases skipped: CQPM_TEST_POSTGRES_URL is empty";
    return;
  }
  Poco::Data::PostgreSQL::Connector::registerConnector();
  std::string uuid = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  schema_ = "t_" + uuid.substr(0, 8) + uuid.substr(9, 4);
  try {
    Poco::Data::Session admin("postgresql", adminConninfo(base));
    admin << "CREATE SCHEMA " + schema_, Poco::Data::Keywords::now;
  } catch (const Poco::Exception& e) {
    available_ = false;
    reason_ = "PostgreSQL unreachable at " + base +
              " (ctest starts it: run the tests through ctest): " + e.displayText();
    return;
  }
  url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
}

TestDatabase::~TestDatabase() {
  if (!schema_.empty() && available_) {
    try {
      Poco::Data::Session admin("postgresql", adminConninfo(postgresTestUrl()));
      admin << "DROP SCHEMA " + schema_ + " CASCADE", Poco::Data::Keywords::now;
    } catch (const Poco::Exception&) {
      // The cluster is thrown away at the end of the run anyway.
    }
  }
  try {
    Poco::File(data_dir_).remove(true);
  } catch (const Poco::Exception&) {
  }
}

}  // namespace cqpm::testing
