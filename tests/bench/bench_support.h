#pragma once

#include <Poco/Net/HTTPClientSession.h>

#include <functional>
#include <string>
#include <vector>

#include "bench_options.h"
#include "bench_result.h"
#include "store/database.h"

namespace cqpm::bench {

/// What the database promises on commit, read from the database itself, so a
/// benchmark prints the durability its figures were measured under.
std::string durabilityOf(store::Database& db);

/// A server's answer: status and whole body.
struct Answer {
  int status = 0;
  std::string body;
};

/// One request on a keep-alive `session`: `token` as a Bearer token when not
/// empty, the body the concatenation of `parts` (sent without copying them
/// into one string), `content_type` when not empty. Poco exceptions propagate.
Answer send(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
            const std::string& token, const std::string& content_type,
            const std::vector<const std::string*>& parts);
/// send() of a JSON body.
Answer sendJson(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
                const std::string& token, const std::string& json);
/// The string member `name` of a JSON object answer.
std::string field(const Answer& answer, const std::string& name);

/// Raises the soft limit of open descriptors to the hard one: enough for
/// thousands of connections on both sides (a server started as a child
/// process inherits it).
void raiseDescriptorLimit();

/// The body of a benchmark's main(): runs `body` (which parses the command
/// line, see BenchOptions), turning a bad command line into its message and the
/// usage on stderr and exit code 2, and any other failure into a message
/// prefixed with `name` on stderr and exit code 1.
int runBenchmark(const char* name, const std::function<int()>& body);

}  // namespace cqpm::bench
