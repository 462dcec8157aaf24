#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "referentials/canonical_json.h"

namespace cqpm::referentials::test_support {

inline const std::string kSourceRoot = CQPM_SOURCE_ROOT;
inline const std::vector<std::string> kReferentialIds{"industrialisation", "maintenance-industrielle",
                                                      "fabrication-additive", "maintenance-productive",
                                                      "qualite"};

inline std::string referentialPath(const std::string& id) {
  return kSourceRoot + "/plugins/" + id + "/referential.json";
}

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Parses a JSON object; keys come back in Poco's default (sorted) order.
inline Poco::JSON::Object::Ptr parseObject(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

/// plugins/<id>/referential.json, parsed.
inline Poco::JSON::Object::Ptr loadReferential(const std::string& id) {
  return parseObject(readFile(referentialPath(id)));
}

/// A deep copy, safe to edit.
inline Poco::JSON::Object::Ptr copyOf(const Poco::JSON::Object::Ptr& referential) {
  return parseObject(canonicalReferentialJson(referential));
}

inline Poco::JSON::Array::Ptr blocs(const Poco::JSON::Object::Ptr& referential) {
  return referential->getArray("blocs");
}

inline Poco::JSON::Object::Ptr bloc(const Poco::JSON::Object::Ptr& referential, unsigned index) {
  return blocs(referential)->getObject(index);
}

/// The bloc's competency array and the index of competency `number` in it.
inline std::pair<Poco::JSON::Array::Ptr, unsigned> competencySlot(const Poco::JSON::Object::Ptr& referential,
                                                                  int number) {
  for (unsigned b = 0; b < blocs(referential)->size(); ++b) {
    auto competencies = bloc(referential, b)->getArray("competencies");
    for (unsigned c = 0; c < competencies->size(); ++c) {
      if (competencies->getObject(c)->getValue<int>("number") == number) return {competencies, c};
    }
  }
  throw std::runtime_error("no competency " + std::to_string(number));
}

inline Poco::JSON::Object::Ptr competency(const Poco::JSON::Object::Ptr& referential, int number) {
  const auto [competencies, index] = competencySlot(referential, number);
  return competencies->getObject(index);
}

inline Poco::JSON::Array::Ptr criteria(const Poco::JSON::Object::Ptr& referential, int number,
                                       const std::string& group) {
  return competency(referential, number)->getObject("criteria")->getArray(group);
}

/// Inserts `value` before position `index` (Poco's Array has no insert).
inline void insertAt(Poco::JSON::Array::Ptr array, unsigned index, const Poco::Dynamic::Var& value) {
  std::vector<Poco::Dynamic::Var> items;
  for (unsigned i = 0; i < array->size(); ++i) items.push_back(array->get(i));
  items.insert(items.begin() + index, value);
  array->clear();
  for (const auto& item : items) array->add(item);
}

}  // namespace cqpm::referentials::test_support
