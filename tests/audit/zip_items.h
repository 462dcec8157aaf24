#pragma once

// Reading and rewriting a zip item by item, as someone who tampers with a bundle would.

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <map>
#include <sstream>
#include <string>

namespace cqpm::testing {

/// Every file of `zip` (folders left out), by name.
inline std::map<std::string, std::string> zipItems(const std::string& zip) {
  std::istringstream in(zip);
  const Poco::Zip::ZipArchive archive(in);
  std::map<std::string, std::string> items;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    if (it->second.isDirectory()) continue;
    in.clear();
    Poco::Zip::ZipInputStream item(in, it->second);
    Poco::StreamCopier::copyToString(item, items[it->first]);
  }
  return items;
}

/// A zip of `items` as they are.
inline std::string zipOf(const std::map<std::string, std::string>& items) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, bytes] : items) {
    std::istringstream in(bytes);
    zip.addFile(in, Poco::DateTime(1980, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  zip.close();
  return out.str();
}

}  // namespace cqpm::testing
