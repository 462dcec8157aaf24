#include "files/plugin_failure_event.h"

#include <Poco/Logger.h>

#include "access/file_scope.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "store/candidate_file_store.h"
#include "store/event_store.h"

namespace cqpm::files {

void recordPluginFailure(store::Database& db, const std::string& file_id, const domain::Actor& actor,
                         const Error& failure) {
  try {
    db.write([&](store::SqlSession& sql) {
      const auto file =
          store::candidate_file_store::find(sql, file_id, {access::FileScope::Kind::kEverything, {}});
      if (!file) return;
      domain::FileEvent event;
      event.file_id = file_id;
      event.transition = "plugin_failed";
      event.from_state = file->file.state;
      event.to_state = file->file.state;
      event.actor_id = actor.user_id;
      event.organisation_id = actor.organisation_id;
      Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
      payload->set("error", failure.what());
      event.payload_json = toJsonText(payload);
      event.at = nowIso8601();
      store::event_store::append(sql, event);
    });
  } catch (const std::exception& e) {
    Poco::Logger::get("plugins").error("could not record the plugin failure on file %s: %s", file_id,
                                       std::string(e.what()));
  }
  Poco::Logger::get("plugins").error("file %s: %s", file_id, std::string(failure.what()));
}

}  // namespace cqpm::files
