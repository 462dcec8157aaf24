#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <functional>
#include <string>
#include <vector>

#include "app/server_config.h"

namespace cqpm::app {

/// One setting of the server, declared once: its key in the properties file,
/// its command-line option (if any), its help, the value the example file
/// shows, and how it reaches ServerConfig. The table feeds the options
/// (`cqpm --help`), the configuration read at start, the example file
/// (`cqpm settings example` = deploy/cqpm.properties.example) and the README's
/// table (`cqpm settings markdown`); tests keep the two files in step.
struct Setting {
  std::string key;       ///< "cqpm.http.max_threads"
  std::string option;    ///< "max-threads"; empty: configuration file only
  std::string argument;  ///< "N", "DIR"...; empty: a flag (present = on, "false" = off)
  std::string help;      ///< one paragraph, English
  std::string example;   ///< the value deploy/cqpm.properties.example gives; empty: left empty
  /// Parses `value` into `config`. Throws Error{kInvalidConfiguration} naming the key.
  std::function<void(ServerConfig& config, const std::string& value)> apply;
  /// The built-in default, as text.
  std::function<std::string(const ServerConfig& defaults)> default_value;
};

/// Every setting of `cqpm serve`, in the order the example file lists them.
const std::vector<Setting>& serverSettings();

/// The configuration from `properties` (options and file merged, options
/// first): every key present applied in table order, then the defaults that
/// derive from others (web folder from the share folder, Secure cookies from
/// an https public URL). Throws Error{kInvalidConfiguration} naming the key.
ServerConfig configFrom(const Poco::Util::AbstractConfiguration& properties);

/// deploy/cqpm.properties.example, generated from the table.
std::string exampleProperties();
/// The README's table of settings (key, option, default, meaning), in Markdown.
std::string settingsMarkdown();

}  // namespace cqpm::app
