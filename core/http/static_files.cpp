#include "http/static_files.h"

#include <Poco/Path.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <map>
#include <sstream>
#include <system_error>

#include "common/file_text.h"
#include "http/accept_encoding.h"

namespace cqpm::http {
namespace {

namespace fs = std::filesystem;

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

/// The types the web build compresses (web/scripts/compress-dist.mjs): their
/// answers vary with Accept-Encoding even when no variant was worth writing.
bool isCompressible(const std::string& extension) {
  static const std::array<std::string, 7> kCompressible{"html", "js",  "css",        "json",
                                                        "svg",  "txt", "webmanifest"};
  return std::find(kCompressible.begin(), kCompressible.end(), extension) != kCompressible.end();
}

struct Coding {
  const char* name;    ///< Content-Encoding value
  const char* suffix;  ///< of the file beside the original
};
// Brotli first: smaller, so it wins a tie of q-values.
constexpr std::array<Coding, 2> kCodings{{{"br", ".br"}, {"gzip", ".gz"}}};

/// The size and modification time of a regular file, or nullopt.
struct FileStamp {
  std::uintmax_t size = 0;
  fs::file_time_type modified;
};
std::optional<FileStamp> stampOf(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return std::nullopt;
  FileStamp stamp{fs::file_size(path, error), fs::last_write_time(path, error)};
  if (error) return std::nullopt;
  return stamp;
}

/// Whether If-None-Match (a list of entity tags, or "*") names `etag`; weak
/// comparison, as RFC 9110 §13.1.2 asks for GET.
bool noneMatchNames(const std::string& if_none_match, const std::string& etag) {
  std::istringstream list(if_none_match);
  std::string tag;
  while (std::getline(list, tag, ',')) {
    const auto first = tag.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    tag = tag.substr(first, tag.find_last_not_of(" \t") - first + 1);
    if (tag.starts_with("W/")) tag = tag.substr(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

}  // namespace

std::optional<Response> StaticFiles::serve(const Request& request) const {
  if (root_.empty()) return std::nullopt;
  const std::string& path = request.path;
  // Refuse anything that could climb out of the root before touching the disk.
  const bool suspicious = path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
                          path.find('\0') != std::string::npos;
  // Source maps would publish the front end's sources: never served, even
  // when a build left some in the folder.
  if (path.ends_with(".map")) return std::nullopt;
  std::string relative = suspicious || path == "/" || path.empty() ? "index.html" : path.substr(1);
  Poco::Path file_path(root_);
  file_path.append(Poco::Path(relative, Poco::Path::PATH_UNIX));
  bool is_index = relative == "index.html";
  auto stamp = stampOf(file_path.toString());
  if (!stamp) {
    file_path = Poco::Path(root_).append("index.html");
    is_index = true;
    stamp = stampOf(file_path.toString());
    if (!stamp) return std::nullopt;
  }
  const std::string extension = file_path.getExtension();
  const std::string original = file_path.toString();

  // The variant: the best accepted coding with a fresh file beside the original.
  std::string served = original;
  const Coding* coding = nullptr;
  double best = 0.0;
  if (isCompressible(extension)) {
    const std::string accept_encoding = request.header("Accept-Encoding");
    for (const Coding& candidate : kCodings) {
      const double quality = acceptedQuality(accept_encoding, candidate.name);
      if (quality <= best) continue;
      const auto variant = stampOf(original + candidate.suffix);
      if (!variant || variant->modified < stamp->modified) continue;
      best = quality;
      coding = &candidate;
      served = original + candidate.suffix;
    }
  }

  // One tag per file version and coding: a cache must never answer a gzip
  // body to a revalidation of the identity one.
  std::ostringstream etag;
  const auto modified = std::chrono::file_clock::to_sys(stamp->modified).time_since_epoch();
  etag << '"' << std::hex << stamp->size << '-'
       << std::chrono::duration_cast<std::chrono::microseconds>(modified).count()
       << (coding ? std::string("-") + coding->name : std::string()) << '"';

  Response response;
  if (noneMatchNames(request.header("If-None-Match"), etag.str())) {
    response = Response::text(304, "", "");
  } else {
    auto content = readWholeFile(served);
    if (!content) return std::nullopt;
    response = Response::text(200, std::move(*content), contentTypeOf(extension));
    if (coding) response.headers.emplace_back("Content-Encoding", coding->name);
  }
  response.headers.emplace_back("ETag", etag.str());
  if (isCompressible(extension)) response.headers.emplace_back("Vary", "Accept-Encoding");
  // Vite fingerprints everything under assets/: cache it for good; never cache the page itself.
  response.headers.emplace_back("Cache-Control", !is_index && relative.starts_with("assets/")
                                                     ? "public, max-age=31536000, immutable"
                                                     : "no-cache");
  return response;
}

}  // namespace cqpm::http
