#include "http/carry_over_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr carryOverJson(const juries::CarryOverView& view) {
  Object::Ptr json = new Object;
  json->set("file_id", view.file.file.id);
  json->set("file_version", view.file.file.version);
  json->set("state", view.file.file.state);
  json->set("editable", view.editable);
  json->set("whole_cqpm", view.scope.wholeCqpm());
  Array::Ptr targeted = arrayOf(view.targeted, juries::blocJson);
  json->set("targeted_blocs", targeted);
  Array::Ptr offered = new Array;
  for (const auto& bloc : view.offered) {
    Object::Ptr item = new Object;
    item->set("bloc", juries::blocJson(bloc.bloc));
    item->set("decision_id", bloc.decision_id);
    item->set("decided_at", bloc.decided_at);
    item->set("earlier_file_id", bloc.earlier_file_id);
    item->set("earlier_birth_place", bloc.earlier_birth_place.empty()
                                         ? Poco::Dynamic::Var()
                                         : Poco::Dynamic::Var(bloc.earlier_birth_place));
    item->set("confirmed", bloc.confirmed);
    offered->add(item);
  }
  json->set("offered", offered);
  json->set("carried_over", arrayOf(view.scope.carried_over, domain::carriedOverJson));
  return json;
}

}  // namespace cqpm::http
