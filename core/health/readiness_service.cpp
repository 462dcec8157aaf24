#include "health/readiness_service.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <exception>
#include <functional>

namespace cqpm::health {

namespace {

Probe run(const char* name, const char* failure, const std::function<void()>& probe) {
  try {
    probe();
    return {name, true, ""};
  } catch (const std::exception& e) {
    Poco::Logger::get("readyz").error("%s: %s", std::string(name), std::string(e.what()));
    return {name, false, failure};
  }
}

}  // namespace

bool Readiness::ready() const {
  return std::all_of(required.begin(), required.end(), [](const Probe& probe) { return probe.ok; });
}

Readiness ReadinessService::probe() const {
  Readiness readiness;
  readiness.required.push_back(run("database", "unreachable", [&] { db_.ping(); }));
  readiness.required.push_back(
      run("referentials", "a published version cannot be read", [&] { referentials_.checkStore(); }));
  readiness.required.push_back(
      run("documents", "the documents folder is not writable", [&] { documents_.blobs().checkWritable(); }));
  if (auto* scanner = documents_.scanner()) {
    readiness.antivirus =
        run("antivirus", "unreachable: uploads are refused until it answers", [&] { scanner->ping(); });
  }
  return readiness;
}

}  // namespace cqpm::health
