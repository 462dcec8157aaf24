#include "bench_support.h"

#include <Poco/Exception.h>

#include <iostream>

#include "common/error.h"
#include "support/crash_report.h"

namespace cqpm::bench {

std::string durabilityOf(store::Database& db) {
  if (db.dialect() != store::Dialect::kSqlite) {
    return db.write([](store::SqlSession& sql) {
      std::string value;
      auto stmt = sql.statement("SHOW synchronous_commit");
      stmt, Poco::Data::Keywords::into(value);
      stmt.execute();
      return "PostgreSQL synchronous_commit=" + value;
    });
  }
  return db.write([](store::SqlSession& sql) {
    std::string mode;
    Poco::Int64 synchronous = -1;
    auto journal = sql.statement("PRAGMA journal_mode");
    journal, Poco::Data::Keywords::into(mode);
    journal.execute();
    auto sync = sql.statement("PRAGMA synchronous");
    sync, Poco::Data::Keywords::into(synchronous);
    sync.execute();
    static const char* kNames[] = {"OFF", "NORMAL", "FULL", "EXTRA"};
    const std::string name =
        synchronous >= 0 && synchronous <= 3 ? kNames[synchronous] : std::to_string(synchronous);
    return "SQLite journal_mode=" + mode + " synchronous=" + name;
  });
}

int runBenchmark(const char* name, const std::function<int()>& body) {
  // A benchmark runs the server in process under load: if it crashes, every
  // thread's stack is printed (tests/support/crash_report.h).
  cqpm::testing::installCrashReport();
  try {
    return body();
  } catch (const cqpm::Error& e) {
    std::cerr << name << ": " << e.what() << "\n";
  } catch (const Poco::Exception& e) {
    std::cerr << name << ": " << e.displayText() << "\n";
  } catch (const std::exception& e) {
    std::cerr << name << ": " << e.what() << "\n";
  }
  return 1;
}

}  // namespace cqpm::bench
