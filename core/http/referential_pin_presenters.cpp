#include "http/referential_pin_presenters.h"

#include <Poco/JSON/Array.h>

#include "http/referential_presenters.h"

namespace cqpm::http {

Poco::JSON::Object::Ptr referentialPinJson(const files::ReferentialPinView& pin) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("file_id", pin.file_id);
  body->set("file_version", pin.file_version);
  body->set("state", pin.state);
  body->set("current", versionJson(pin.current));
  body->set("pinned", pin.pinned ? Poco::Dynamic::Var(versionJson(*pin.pinned)) : Poco::Dynamic::Var());
  body->set("changes", changesToJson(pin.changes));
  body->set("movable", pin.movable);
  return body;
}

}  // namespace cqpm::http
