#include "http/static_files.h"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <fstream>
#include <map>
#include <sstream>

#include "common/file_text.h"

namespace cqpm::http {
namespace {

std::string contentTypeOf(const std::string& extension) {
  static const std::map<std::string, std::string> kTypes{{"html", "text/html; charset=utf-8"},
                                                         {"js", "text/javascript; charset=utf-8"},
                                                         {"css", "text/css; charset=utf-8"},
                                                         {"json", "application/json"},
                                                         {"svg", "image/svg+xml"},
                                                         {"png", "image/png"},
                                                         {"ico", "image/x-icon"},
                                                         {"woff2", "font/woff2"},
                                                         {"txt", "text/plain; charset=utf-8"},
                                                         {"webmanifest", "application/manifest+json"}};
  const auto found = kTypes.find(extension);
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

}  // namespace

std::optional<Response> StaticFiles::serve(const std::string& path) const {
  if (root_.empty()) return std::nullopt;
  // Refuse anything that could climb out of the root before touching the disk.
  const bool suspicious = path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
                          path.find('\0') != std::string::npos;
  // Source maps would publish the front end's sources: never served, even
  // when a build left some in the folder.
  if (path.ends_with(".map")) return std::nullopt;
  std::string relative = suspicious || path == "/" ? "index.html" : path.substr(1);
  Poco::Path file_path(root_);
  file_path.append(Poco::Path(relative, Poco::Path::PATH_UNIX));
  bool is_index = relative == "index.html";
  Poco::File file(file_path);
  if (!file.exists() || !file.isFile()) {
    file_path = Poco::Path(root_).append("index.html");
    is_index = true;
  }
  auto content = readWholeFile(file_path.toString());
  if (!content) return std::nullopt;
  Response response = Response::text(200, std::move(*content), contentTypeOf(file_path.getExtension()));
  // Vite fingerprints everything under assets/: cache it for good; never cache the page itself.
  response.headers.emplace_back("Cache-Control", !is_index && relative.starts_with("assets/")
                                                     ? "public, max-age=31536000, immutable"
                                                     : "no-cache");
  return response;
}

}  // namespace cqpm::http
