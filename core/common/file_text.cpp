#include "common/file_text.h"

#include <fstream>
#include <sstream>

#include "common/error.h"

namespace cqpm {

std::optional<std::string> readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string readRequiredFile(const std::string& path) {
  auto content = readWholeFile(path);
  if (!content) throw Error(ErrorCode::kInvalidConfiguration, "cannot read " + path);
  return std::move(*content);
}

}  // namespace cqpm
