#include "files/file_events.h"

#include "common/json_text.h"

namespace cqpm::files {

domain::FileEvent sameStateEvent(const domain::CandidateFile& file, const domain::Actor& actor,
                                 const std::string& kind, const Poco::JSON::Object::Ptr& payload,
                                 const std::string& at) {
  domain::FileEvent event;
  event.file_id = file.id;
  event.transition = kind;
  event.from_state = file.state;
  event.to_state = file.state;
  event.actor_id = actor.user_id;
  event.organisation_id = actor.organisation_id;
  event.payload_json = toJsonText(payload);
  event.at = at;
  return event;
}

}  // namespace cqpm::files
