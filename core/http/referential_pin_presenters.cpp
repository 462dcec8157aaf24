#include "http/referential_pin_presenters.h"

#include <Poco/JSON/Array.h>

#include "referentials/referential_service.h"

namespace cqpm::http {

Poco::JSON::Object::Ptr referentialPinJson(const files::ReferentialPinView& pin) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("file_id", pin.file_id);
  body->set("file_version", pin.file_version);
  body->set("state", pin.state);
  body->set("current", referentials::versionJson(pin.current));
  body->set("pinned",
            pin.pinned ? Poco::Dynamic::Var(referentials::versionJson(*pin.pinned)) : Poco::Dynamic::Var());
  body->set("changes", pin.changes ? pin.changes : Poco::JSON::Array::Ptr(new Poco::JSON::Array));
  body->set("movable", pin.movable);
  return body;
}

}  // namespace cqpm::http
