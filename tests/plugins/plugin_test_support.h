#pragma once

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include "plugins/host_library.h"
#include "plugins/plugin_loader.h"

namespace cqpm::plugins::test_support {

inline const std::string kSourceRoot = CQPM_SOURCE_ROOT;
inline const std::vector<std::string> kPluginIds{"industrialisation", "maintenance-industrielle",
                                                 "fabrication-additive", "maintenance-productive", "qualite"};

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline PluginLoader realLoader() { return PluginLoader(kSourceRoot + "/schemas", hostLibrarySource()); }

/// Loads a plugin of plugins/ and fails the test if it is refused.
inline Plugin loadReal(const std::string& id) {
  auto loaded = realLoader().load(kSourceRoot + "/plugins/" + id);
  if (auto* failure = std::get_if<PluginLoadFailure>(&loaded)) {
    ADD_FAILURE() << failure->describe();
    return {};
  }
  return std::get<Plugin>(loaded);
}

/// A copy of plugins/<id> in a fresh temporary folder, to break it safely.
class PluginCopy {
 public:
  explicit PluginCopy(const std::string& id, const std::string& as = {}) {
    std::string pattern = Poco::Path::temp() + "cqpm-plugin-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp");
    root_ = pattern;
    dir_ = root_ + "/" + (as.empty() ? id : as);
    Poco::File(kSourceRoot + "/plugins/" + id).copyTo(dir_);
  }
  ~PluginCopy() { Poco::File(root_).remove(true); }

  const std::string& dir() const { return dir_; }
  const std::string& root() const { return root_; }
  std::string file(const std::string& name) const { return dir_ + "/" + name; }

  Poco::JSON::Object::Ptr json(const std::string& name) const {
    return Poco::JSON::Parser().parse(readFile(file(name))).extract<Poco::JSON::Object::Ptr>();
  }
  void setJson(const std::string& name, const Poco::JSON::Object::Ptr& object) const {
    std::ostringstream out;
    object->stringify(out, 2);
    writeFile(file(name), out.str());
  }

 private:
  std::string root_;
  std::string dir_;
};

}  // namespace cqpm::plugins::test_support
