#include "common/entity_tag.h"

#include <Poco/String.h>

namespace cqpm {

std::string bareEntityTag(std::string tag) {
  tag = Poco::trim(tag);
  if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') tag = tag.substr(1, tag.size() - 2);
  return tag;
}

}  // namespace cqpm
