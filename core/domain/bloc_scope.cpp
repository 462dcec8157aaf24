#include "domain/bloc_scope.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "common/error.h"
#include "common/json_text.h"

namespace cqpm::domain {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Array::Ptr arrayMember(const Object::Ptr& object, const std::string& name) {
  if (!object || !object->has(name) || object->isNull(name)) return new Array;
  const auto array = object->getArray(name);
  return array ? array : Array::Ptr(new Array);
}

}  // namespace

bool BlocScope::targets(int bloc) const {
  return targeted.empty() || std::find(targeted.begin(), targeted.end(), bloc) != targeted.end();
}

bool BlocScope::carries(int bloc) const {
  return std::any_of(carried_over.begin(), carried_over.end(),
                     [bloc](const CarriedOverBloc& carried) { return carried.bloc == bloc; });
}

BlocScope parseBlocScope(const std::string& json) {
  BlocScope scope;
  try {
    const auto object = Poco::JSON::Parser().parse(json.empty() ? "{}" : json).extract<Object::Ptr>();
    const auto targeted = arrayMember(object, "targeted");
    for (std::size_t i = 0; i < targeted->size(); ++i) scope.targeted.push_back(targeted->getElement<int>(i));
    const auto carried = arrayMember(object, "carried_over");
    for (std::size_t i = 0; i < carried->size(); ++i) {
      const auto item = carried->getObject(static_cast<unsigned>(i));
      scope.carried_over.push_back({item->getValue<int>("bloc"), item->getValue<std::string>("decision_id"),
                                    item->getValue<std::string>("confirmed_by"),
                                    item->getValue<std::string>("confirmed_at")});
    }
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kStorage, "a file's stored bloc scope is unreadable: " + e.displayText());
  }
  return scope;
}

Object::Ptr carriedOverJson(const CarriedOverBloc& bloc) {
  Object::Ptr item = new Object;
  item->set("bloc", bloc.bloc);
  item->set("decision_id", bloc.decision_id);
  item->set("confirmed_by", bloc.confirmed_by);
  item->set("confirmed_at", bloc.confirmed_at);
  return item;
}

std::string blocScopeJson(const BlocScope& scope) {
  Object::Ptr json = new Object;
  if (!scope.targeted.empty()) {
    Array::Ptr targeted = new Array;
    for (int bloc : scope.targeted) targeted->add(bloc);
    json->set("targeted", targeted);
  }
  if (!scope.carried_over.empty()) {
    json->set("carried_over", arrayOf(scope.carried_over, carriedOverJson));
  }
  return toJsonText(json);
}

std::vector<std::string> competenciesInScope(const BlocScope& scope,
                                             const referential_model::Referential& referential) {
  std::vector<std::string> numbers;
  for (std::size_t i = 0; i < referential.blocs.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    if (!scope.targets(index) || scope.carries(index)) continue;
    for (const auto& competency : referential.blocs[i].competencies) numbers.push_back(competency.key());
  }
  return numbers;
}

}  // namespace cqpm::domain
