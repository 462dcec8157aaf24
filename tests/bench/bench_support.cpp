#include "bench_support.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <sys/resource.h>

#include <iostream>

#include "common/error.h"
#include "support/crash_report.h"

namespace cqpm::bench {

void raiseDescriptorLimit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

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

Answer send(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
            const std::string& token, const std::string& content_type,
            const std::vector<const std::string*>& parts) {
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setKeepAlive(true);
  if (!token.empty()) request.set("Authorization", "Bearer " + token);
  std::size_t length = 0;
  for (const auto* part : parts) length += part->size();
  if (!content_type.empty()) request.setContentType(content_type);
  if (method != "GET") request.setContentLength64(static_cast<Poco::Int64>(length));
  std::ostream& out = session.sendRequest(request);
  for (const auto* part : parts) out.write(part->data(), static_cast<std::streamsize>(part->size()));
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Answer answer;
  answer.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(in, answer.body);
  return answer;
}

Answer sendJson(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
                const std::string& token, const std::string& json) {
  return send(session, method, path, token, "application/json", {&json});
}

std::string field(const Answer& answer, const std::string& name) {
  return Poco::JSON::Parser()
      .parse(answer.body)
      .extract<Poco::JSON::Object::Ptr>()
      ->getValue<std::string>(name);
}

int runBenchmark(const char* name, const std::function<int()>& body) {
  // A benchmark runs the server in process under load: if it crashes, every
  // thread's stack is printed (tests/support/crash_report.h).
  cqpm::testing::installCrashReport();
  try {
    return body();
  } catch (const CommandLineError& e) {
    std::cerr << name << ": " << e.what() << "\n" << e.usage();
    return 2;
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
