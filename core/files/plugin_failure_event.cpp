#include "files/plugin_failure_event.h"

#include <Poco/Logger.h>

#include "access/file_scope.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "files/file_events.h"
#include "store/candidate_file_store.h"
#include "store/event_store.h"

namespace cqpm::files {

using Poco::JSON::Object;

void recordPluginFailure(store::Database& db, const std::string& file_id, const domain::Actor& actor,
                         const Error& failure, const Clock& clock) {
  try {
    db.write([&](store::SqlSession& sql) {
      const auto file =
          store::candidate_file_store::find(sql, file_id, {access::FileScope::Kind::kEverything, {}});
      if (!file) return;
      Object::Ptr payload = new Object;
      payload->set("error", failure.what());
      store::event_store::append(
          sql, sameStateEvent(file->file, actor, "plugin_failed", payload, nowIso8601(clock)));
    });
  } catch (const std::exception& e) {
    Poco::Logger::get("plugins").error("could not record the plugin failure on file %s: %s", file_id,
                                       std::string(e.what()));
  }
  Poco::Logger::get("plugins").error("file %s: %s", file_id, std::string(failure.what()));
}

}  // namespace cqpm::files
