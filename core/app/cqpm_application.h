#pragma once

#include <Poco/Util/ServerApplication.h>

#include "app/server_config.h"

namespace cqpm::app {

/// The `cqpm` command: `cqpm serve [--data DIR] [--port N] [--database URL]
/// [--demo] [--config FILE] ...`. Reads options and the optional properties
/// file, starts the Server, waits for SIGTERM/SIGINT and stops it gracefully.
class CqpmApplication : public Poco::Util::ServerApplication {
 protected:
  void initialize(Poco::Util::Application& self) override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  int main(const std::vector<std::string>& args) override;

 private:
  void handleOption(const std::string& name, const std::string& value) override;
  ServerConfig buildConfig() const;
  /// The data folder and database the configuration names, for the commands
  /// that work on the data without serving; false (said on stderr) when the
  /// configuration is wrong.
  bool readDataLocation(const std::string& command, std::string& data_dir, std::string& database_url) const;
  int serve();
  int runAdmin(const std::vector<std::string>& args);
  void printUsage() const;

  bool help_requested_ = false;
};

}  // namespace cqpm::app
