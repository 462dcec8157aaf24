#include "app/cqpm_application.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>

#include "app/admin_command.h"
#include "app/password_prompt.h"
#include "app/plugin_command.h"
#include "app/server.h"
#include "common/error.h"
#include "demo/demo_seed.h"
#include "store/account_store.h"

namespace cqpm::app {

using Poco::Util::Option;

void CqpmApplication::initialize(Poco::Util::Application& self) {
  Poco::AutoPtr<Poco::PatternFormatter> formatter(
      new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%S.%iZ %p %s: %t"));
  Poco::AutoPtr<Poco::FormattingChannel> channel(
      new Poco::FormattingChannel(formatter, new Poco::ConsoleChannel(std::cerr)));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel(Poco::Message::PRIO_INFORMATION);
  ServerApplication::initialize(self);
}

void CqpmApplication::defineOptions(Poco::Util::OptionSet& options) {
  ServerApplication::defineOptions(options);
  // Every option reaches handleOption(); a callback to it as well would recurse.
  options.addOption(Option("help", "h", "show this help"));
  options.addOption(Option("data", "", "data folder (SQLite file, git store, documents); default var")
                        .argument("DIR")
                        .binding("cqpm.data"));
  options.addOption(
      Option("port", "", "HTTP port; default 8080, 0 picks a free one").argument("N").binding("cqpm.port"));
  options.addOption(
      Option("bind", "", "address to listen on; default 0.0.0.0").argument("ADDR").binding("cqpm.bind"));
  options.addOption(
      Option("database", "", "postgresql://user:password@host:port/db; default SQLite in the data folder")
          .argument("URL")
          .binding("cqpm.database"));
  options.addOption(Option("demo", "", "seed the demo data into an empty database").binding("cqpm.demo"));
  options.addOption(Option("web", "", "folder of the built web pages; default web/dist of the source tree")
                        .argument("DIR")
                        .binding("cqpm.web"));
  options.addOption(Option("public-url", "",
                           "where the public reaches this server, printed on certificates as "
                           "URL/verify/CODE; default http://localhost:8080")
                        .argument("URL")
                        .binding("cqpm.public_url"));
  options.addOption(
      Option("share", "", "folder holding workflows/ and schemas/").argument("DIR").binding("cqpm.share"));
  options.addOption(Option("config", "", "a properties file with cqpm.* settings").argument("FILE"));
  options.addOption(Option("scheduler-interval", "",
                           "seconds between two rounds of deadline reminders and housekeeping; default 60")
                        .argument("N")
                        .binding("cqpm.scheduler.interval_seconds"));
  options.addOption(Option("smtp-host", "", "SMTP server for e-mail notifications; default none (in-app)")
                        .argument("HOST")
                        .binding("cqpm.smtp.host"));
  options.addOption(
      Option("smtp-port", "", "port of the SMTP server; default 25").argument("N").binding("cqpm.smtp.port"));
  options.addOption(Option("smtp-from", "", "sender of the e-mails, e.g. 'CQPM Hub <no-reply@example.org>'")
                        .argument("ADDRESS")
                        .binding("cqpm.smtp.from"));
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
  options.addOption(Option("plugins", "", "folder of the CQPM plugins; default plugins/ of the share folder")
                        .argument("DIR")
                        .binding("cqpm.plugins"));
}

void CqpmApplication::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    help_requested_ = true;
    stopOptionsProcessing();
  } else if (name == "config") {
    loadConfiguration(value, PRIO_APPLICATION - 1);  // command-line options win over the file
  }
}

void CqpmApplication::printUsage() const {
  Poco::Util::HelpFormatter help(options());
  help.setCommand("cqpm");
  help.setUsage(
      "serve [options] | plugin check <folder>... | plugin list [folder] | admin create-admin --login L "
      "--email E "
      "[--name N] [--invite] | admin list-users | admin disable-user L | admin reset-password L");
  help.setHeader("CQPM Hub: candidate files, referentials and juries of the metallurgy CQPMs.");
  help.format(std::cout);
}

ServerConfig CqpmApplication::buildConfig() const {
  const auto& c = config();
  ServerConfig server;
  server.data_dir = c.getString("cqpm.data", server.data_dir);
  server.database_url = c.getString("cqpm.database", "");
  server.bind = c.getString("cqpm.bind", server.bind);
  server.port = c.getInt("cqpm.port", server.port);
  if (server.port < 0 || server.port > 65535) {
    throw Error(ErrorCode::kInvalidConfiguration, "--port must be between 0 and 65535", "port");
  }
  server.demo = c.hasProperty("cqpm.demo") && c.getString("cqpm.demo") != "false";
  server.share_dir = c.getString("cqpm.share", server.share_dir);
  server.http.web_root = c.getString("cqpm.web", server.share_dir + "/web/dist");
  server.http.public_base_url = c.getString("cqpm.public_url", server.http.public_base_url);
  server.plugins_dir = c.getString("cqpm.plugins", "");
  server.max_threads = c.getInt("cqpm.http.max_threads", server.max_threads);
  server.max_queued = c.getInt("cqpm.http.max_queued", server.max_queued);
  server.keep_alive_seconds = c.getInt("cqpm.http.keep_alive_seconds", server.keep_alive_seconds);
  server.http.max_body_bytes = static_cast<std::size_t>(c.getInt64("cqpm.http.max_body_bytes", 1024 * 1024));
  server.http.max_upload_bytes = static_cast<std::uint64_t>(
      c.getInt64("cqpm.http.max_upload_bytes", static_cast<Poco::Int64>(25) << 20));
  server.http.session_ttl_hours = c.getInt("cqpm.session.ttl_hours", server.http.session_ttl_hours);
  server.http.secure_cookies = c.getBool("cqpm.session.secure_cookie", false);
  // Tests and benchmarks may lower the hash cost; production keeps the default.
  server.password_cost.memory_kib =
      static_cast<std::uint32_t>(c.getInt("cqpm.password.memory_kib", 19 * 1024));
  server.password_cost.iterations = static_cast<std::uint32_t>(c.getInt("cqpm.password.iterations", 2));
  server.max_streams = c.getInt("cqpm.http.max_streams", server.max_streams);
  server.scheduler_interval_seconds =
      c.getInt("cqpm.scheduler.interval_seconds", server.scheduler_interval_seconds);
  if (server.scheduler_interval_seconds < 1) {
    throw Error(ErrorCode::kInvalidConfiguration, "--scheduler-interval must be at least 1 second",
                "scheduler-interval");
  }
  server.notify_interval_ms = c.getInt("cqpm.notifications.interval_ms", server.notify_interval_ms);
  server.smtp.host = c.getString("cqpm.smtp.host", "");
  server.smtp.port = c.getInt("cqpm.smtp.port", server.smtp.port);
  server.smtp.from = c.getString("cqpm.smtp.from", server.smtp.from);
  return server;
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
    return EXIT_CONFIG;
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
