#include "app/cqpm_application.h"

#include <Poco/AutoPtr.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <unistd.h>

#include <iostream>

#include "app/admin_command.h"
#include "app/audit_command.h"
#include "app/backup_command.h"
#include "app/password_prompt.h"
#include "app/plugin_command.h"
#include "app/server.h"
#include "app/settings.h"
#include "common/error.h"
#include "demo/demo_seed.h"
#include "observability/line_channel.h"
#include "store/account_store.h"

namespace cqpm::app {

using Poco::Util::Option;

void CqpmApplication::initialize(Poco::Util::Application& self) {
  Poco::AutoPtr<Poco::PatternFormatter> formatter(
      new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%S.%iZ %p %s: %t"));
  Poco::AutoPtr<Poco::FormattingChannel> channel(
      new Poco::FormattingChannel(formatter, new observability::LineChannel(STDERR_FILENO)));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel(Poco::Message::PRIO_INFORMATION);
  ServerApplication::initialize(self);
}

void CqpmApplication::defineOptions(Poco::Util::OptionSet& options) {
  ServerApplication::defineOptions(options);
  // Every option reaches handleOption(); a callback to it as well would recurse.
  options.addOption(Option("help", "h", "show this help"));
  options.addOption(Option("config", "", "a properties file with cqpm.* settings").argument("FILE"));
  // The server's settings: one table (app/settings.cpp) for options, file and docs.
  for (const Setting& setting : serverSettings()) {
    if (setting.option.empty()) continue;
    Option option(setting.option, "", setting.help);
    if (!setting.argument.empty()) option.argument(setting.argument);
    options.addOption(option.binding(setting.key));
  }
  options.addOption(
      Option("login", "", "admin commands: the account's login").argument("L").binding("cqpm.admin.login"));
  options.addOption(
      Option("email", "", "admin commands: the account's e-mail").argument("E").binding("cqpm.admin.email"));
  options.addOption(Option("name", "", "admin commands: the account's display name")
                        .argument("N")
                        .binding("cqpm.admin.name"));
  options.addOption(
      Option("invite", "", "create-admin: print a one-time link instead of reading a password from stdin")
          .binding("cqpm.admin.invite"));
  options.addOption(
      Option("public-key", "",
             "audit verify-bundle, verify-credential: the platform's public key (PEM) to check with")
          .argument("KEY.pem")
          .binding("cqpm.audit.public_key"));
}

void CqpmApplication::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    help_requested_ = true;
    stopOptionsProcessing();
  } else if (name == "config") {
    // Below the options' layer (PRIO_APPLICATION): command-line options win over the file.
    loadConfiguration(value, PRIO_DEFAULT);
  }
}

void CqpmApplication::printUsage() const {
  Poco::Util::HelpFormatter help(options());
  help.setCommand("cqpm");
  help.setUsage(
      "serve [options] | plugin check <folder>... | plugin list [folder] | admin create-admin --login L "
      "--email E "
      "[--name N] [--invite] | admin list-users | admin disable-user L | admin reset-password L | backup DIR "
      "| "
      "restore DIR | audit verify|public-key|verify-bundle FILE|verify-credential FILE | settings "
      "example|markdown");
  help.setHeader("CQPM Hub: candidate files, referentials and juries of the metallurgy CQPMs.");
  help.format(std::cout);
}

ServerConfig CqpmApplication::buildConfig() const { return configFrom(config()); }

bool CqpmApplication::readDataLocation(const std::string& command, std::string& data_dir,
                                       std::string& database_url) const {
  try {
    const ServerConfig server = buildConfig();
    data_dir = server.data_dir;
    database_url = server.database_url;
    return true;
  } catch (const Error& e) {
    std::cerr << "cqpm " << command << ": " << e.what() << "\n";
    return false;
  }
}

int CqpmApplication::main(const std::vector<std::string>& args) {
  if (help_requested_) {
    printUsage();
    return EXIT_OK;
  }
  if (!args.empty() && args[0] == "plugin") {
    return runPluginCommand(args, config().getString("cqpm.share", CQPM_SOURCE_ROOT), std::cout, std::cerr);
  }
  if (!args.empty() && args[0] == "admin") return runAdmin(args);
  if (!args.empty() && (args[0] == "backup" || args[0] == "restore")) {
    BackupOptions options;
    if (!readDataLocation(args[0], options.data_dir, options.database_url)) return kBackupUsage;
    return runBackupCommand(args, options, std::cout, std::cerr);
  }
  if (!args.empty() && args[0] == "audit") {
    AuditOptions options;
    if (!readDataLocation(args[0], options.data_dir, options.database_url)) return kAuditUsage;
    options.public_key_file = config().getString("cqpm.audit.public_key", "");
    return runAuditCommand(args, options, std::cout, std::cerr);
  }
  if (!args.empty() && args[0] == "settings") {
    // The example configuration file and the README's table, from the one table of settings.
    if (args.size() == 2 && args[1] == "example") {
      std::cout << exampleProperties();
      return EXIT_OK;
    }
    if (args.size() == 2 && args[1] == "markdown") {
      std::cout << settingsMarkdown();
      return EXIT_OK;
    }
    std::cerr << "cqpm settings example | cqpm settings markdown\n";
    return EXIT_USAGE;
  }
  if (args.empty() || args[0] != "serve") {
    std::cerr << (args.empty() ? "cqpm: no command given" : "cqpm: unknown command '" + args[0] + "'")
              << "\n";
    printUsage();
    return EXIT_USAGE;
  }
  try {
    return serve();
  } catch (const Error& e) {
    Poco::Logger::get("server").fatal("cannot start: %s", std::string(e.what()));
    // In use by another server: try again later (EX_TEMPFAIL); anything else is the set-up's.
    return e.code() == ErrorCode::kUnavailable ? EXIT_TEMPFAIL : EXIT_CONFIG;
  } catch (const Poco::Exception& e) {
    Poco::Logger::get("server").fatal("cannot start: %s", e.displayText());
    return EXIT_SOFTWARE;
  }
}

int CqpmApplication::runAdmin(const std::vector<std::string>& args) {
  const auto& c = config();
  AdminCommandOptions options;
  try {
    const ServerConfig server = buildConfig();
    options.data_dir = server.data_dir;
    options.database_url = server.database_url;
    options.public_base_url = server.http.public_base_url;
    options.password_cost = server.password_cost;
  } catch (const Error& e) {
    std::cerr << "cqpm admin: " << e.what() << "\n";
    return kAdminUsage;
  }
  options.login = c.getString("cqpm.admin.login", "");
  options.email = c.getString("cqpm.admin.email", "");
  options.display_name = c.getString("cqpm.admin.name", "");
  options.invite = c.hasProperty("cqpm.admin.invite") && c.getString("cqpm.admin.invite") != "false";
  return runAdminCommand(args, options, readPasswordFromStdin, std::cout, std::cerr);
}

int CqpmApplication::serve() {
  Poco::Logger& log = Poco::Logger::get("server");
  Server server(buildConfig());
  server.start();
  log.information("CQPM Hub listening on http://localhost:%d", server.port());
  if (server.database().read([](store::SqlSession& sql) { return store::account_store::countUsers(sql); }) ==
      0) {
    log.warning(
        "no account yet: create the platform administrator with `cqpm admin create-admin --login L --email "
        "E` "
        "(same --data/--database/--config), then log in");
  }
  if (config().hasProperty("cqpm.demo")) {
    std::cout << (server.demoAccountsCreated().empty() ? "Demo data kept as it was. " : "Demo data created. ")
              << "Demo accounts (password '" << demo::kDemoPassword << "'):\n"
              << "  centre, centre2        coordinateurs des deux centres\n"
              << "  entreprise             tuteur de la première entreprise\n"
              << "  candidat               candidat (Lucas Martin)\n"
              << "  evaluateur1, evaluateur2   évaluateurs\n"
              << "  jury-employeur, jury-salarie   membres du jury (collèges employeur, salarié)\n"
              << "  gtp-employeur, gtp-salarie     auditeurs du GTP\n"
              << "  gtp-admin              administratrice du GTP\n"
              << "  admin                  administrateur\n"
              << std::flush;
  }
  waitForTerminationRequest();
  log.information("stopping: finishing requests in progress");
  server.stop();
  log.information("stopped");
  return EXIT_OK;
}

}  // namespace cqpm::app
