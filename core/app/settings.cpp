#include "app/settings.h"

#include <Poco/NumberParser.h>

#include <sstream>

#include "common/error.h"
#include "http/client_address.h"

namespace cqpm::app {

namespace {

/// How a setting is named in a refusal: its option when it has one, else its key.
std::string nameOf(const std::string& key, const std::string& option) {
  return option.empty() ? key : "--" + option;
}

long long parseInteger(const std::string& name, const std::string& value, long long min, long long max) {
  Poco::Int64 parsed = 0;
  if (!Poco::NumberParser::tryParse64(value, parsed) || parsed < min || parsed > max) {
    throw Error(ErrorCode::kInvalidConfiguration,
                name + " must be between " + std::to_string(min) + " and " + std::to_string(max) + " (got '" +
                    value + "')",
                name.starts_with("--") ? name.substr(2) : name);
  }
  return parsed;
}

template <typename Access>
Setting text(std::string key, std::string option, std::string argument, std::string help, std::string example,
             Access access) {
  return {std::move(key),
          std::move(option),
          std::move(argument),
          std::move(help),
          std::move(example),
          [access](ServerConfig& config, const std::string& value) { access(config) = value; },
          [access](const ServerConfig& defaults) {
            ServerConfig copy = defaults;
            return std::string(access(copy));
          }};
}

// `setting` refusing a non-empty value of fewer than `min` or more than `max` bytes.
Setting lengthBounded(Setting setting, std::size_t min, std::size_t max) {
  setting.apply = [apply = setting.apply, key = setting.key, min, max](ServerConfig& config,
                                                                       const std::string& value) {
    if (!value.empty() && (value.size() < min || value.size() > max)) {
      throw Error(ErrorCode::kInvalidConfiguration,
                  key + (min == max ? " must have " + std::to_string(min) + " characters"
                                    : " must have at most " + std::to_string(max) + " characters"));
    }
    apply(config, value);
  };
  return setting;
}

template <typename Access>
Setting integer(std::string key, std::string option, std::string help, std::string example, long long min,
                long long max, Access access) {
  const std::string name = nameOf(key, option);
  return {std::move(key),
          std::move(option),
          "N",
          std::move(help),
          std::move(example),
          [access, name, min, max](ServerConfig& config, const std::string& value) {
            using Target = std::remove_reference_t<decltype(access(config))>;
            access(config) = static_cast<Target>(parseInteger(name, value, min, max));
          },
          [access](const ServerConfig& defaults) {
            ServerConfig copy = defaults;
            return std::to_string(access(copy));
          }};
}

template <typename Access>
Setting flag(std::string key, std::string option, std::string help, std::string example, Access access) {
  return {std::move(key),
          std::move(option),
          "",
          std::move(help),
          std::move(example),
          [access](ServerConfig& config, const std::string& value) { access(config) = value != "false"; },
          [access](const ServerConfig& defaults) {
            ServerConfig copy = defaults;
            return std::string(access(copy) ? "true" : "false");
          }};
}

std::vector<Setting> makeSettings() {
  std::vector<Setting> all;
  all.push_back(
      text("cqpm.data", "data", "DIR",
           "Data folder: the SQLite database (when cqpm.database is empty), the referential git "
           "repository (referentials.git) and the document bytes (documents/). One server per folder "
           "(it holds cqpm.lock). Must be writable by the cqpm user; the systemd unit only allows "
           "writes under /var/lib/cqpm. Back this folder up (see deploy/README.md).",
           "/var/lib/cqpm", [](ServerConfig& c) -> std::string& { return c.data_dir; }));
  all.push_back(integer("cqpm.port", "port", "TCP port the HTTP server listens on; 0 picks a free one.",
                        "8080", 0, 65535, [](ServerConfig& c) -> int& { return c.port; }));
  all.push_back(
      text("cqpm.bind", "bind", "ADDR",
           "Address to bind. Keep 127.0.0.1 when nginx runs on the same host; use the host's private "
           "address (never a public one) when nginx runs elsewhere and balances several instances.",
           "127.0.0.1", [](ServerConfig& c) -> std::string& { return c.bind; }));
  all.push_back(
      text("cqpm.database", "database", "URL",
           "Database. Empty: SQLite (WAL) in the data folder; fine for one instance. For several "
           "instances use PostgreSQL, with the URL deploy/postgresql/setup.sh prints, for example "
           "postgresql://cqpm:PASSWORD@db.example.internal:5432/cqpm (percent-encode the password's "
           "reserved characters; any character works). Migrations run at start.",
           "", [](ServerConfig& c) -> std::string& { return c.database_url; }));
  all.push_back(integer("cqpm.database.write_sessions", "",
                        "PostgreSQL: writes running at once, each in its own transaction on its own "
                        "connection (reads use others); a write that loses a race with another is run "
                        "again. Count them, per instance, in the server's max_connections. SQLite has one "
                        "writer, which commits concurrent writes together.",
                        "8", 1, 256, [](ServerConfig& c) -> int& { return c.database_write_sessions; }));
  all.push_back(
      text("cqpm.web", "web", "DIR", "Built web front end (the content of web/dist), served under /.",
           "/usr/local/share/cqpm/web", [](ServerConfig& c) -> std::string& { return c.http.web_root; }));
  all.push_back(text("cqpm.public_url", "public-url", "URL",
                     "Where the public reaches this server: certificates and bloc attestations print (and "
                     "encode in their QR code) PUBLIC_URL/verify/CODE. An https URL makes the session cookie "
                     "Secure.",
                     "https://cqpm.example.fr",
                     [](ServerConfig& c) -> std::string& { return c.http.public_base_url; }));
  all.push_back(text("cqpm.share", "share", "DIR",
                     "Read-only shared data: workflows/, schemas/ and plugins/ are read from this folder at "
                     "start.",
                     "/usr/local/share/cqpm", [](ServerConfig& c) -> std::string& { return c.share_dir; }));
  all.push_back(text("cqpm.plugins", "plugins", "DIR", "Folder of the CQPM plugins, one sub-folder per CQPM.",
                     "", [](ServerConfig& c) -> std::string& { return c.plugins_dir; }));
  all.push_back(flag("cqpm.demo", "demo",
                     "Seed the demonstration accounts and files into an empty database. Never in production.",
                     "false", [](ServerConfig& c) -> bool& { return c.demo; }));
  all.push_back(flag("cqpm.adopt_data", "adopt-data",
                     "Start on an empty database although the data folder already holds referentials or "
                     "documents (refused otherwise: the database was probably lost or replaced; restore it "
                     "instead).",
                     "false", [](ServerConfig& c) -> bool& { return c.adopt_data; }));
  all.push_back(
      integer("cqpm.http.max_threads", "",
              "Worker threads of the HTTP server. A worker serves one request whose head has fully "
              "arrived; connections waiting for their first or next request, and live streams, hold none.",
              "64", 2, 4096, [](ServerConfig& c) -> int& { return c.connections.max_threads; }));
  all.push_back(integer("cqpm.http.max_queued", "",
                        "Requests (their head arrived) waiting for a free worker; beyond, 503.", "256", 1,
                        65536, [](ServerConfig& c) -> int& { return c.connections.max_queued; }));
  all.push_back(integer("cqpm.http.keep_alive_seconds", "",
                        "Seconds an idle keep-alive connection is kept open. Keep it above nginx's upstream "
                        "keepalive_timeout, so nginx, not the server, closes idle connections.",
                        "15", 1, 3600,
                        [](ServerConfig& c) -> int& { return c.connections.keep_alive_seconds; }));
  all.push_back(
      integer("cqpm.http.head_deadline_seconds", "",
              "Seconds a request head (request line and headers) may take to arrive, from its first "
              "byte or from the connection's opening; beyond, 408 and the connection closes.",
              "10", 1, 3600, [](ServerConfig& c) -> int& { return c.connections.head_deadline_seconds; }));
  all.push_back(integer("cqpm.http.max_head_bytes", "",
                        "Largest request head (request line and headers), in bytes; beyond, 431.", "32768",
                        1024, 1 << 20,
                        [](ServerConfig& c) -> std::size_t& { return c.connections.max_head_bytes; }));
  all.push_back(integer("cqpm.http.max_connections_per_client", "",
                        "Connections one client address may hold open at once; beyond, 429. The trusted "
                        "proxies (cqpm.http.trusted_proxies) are exempt: nginx limits each client itself.",
                        "64", 1, 65536,
                        [](ServerConfig& c) -> int& { return c.connections.max_connections_per_client; }));
  all.push_back(integer("cqpm.http.read_timeout_seconds", "",
                        "Seconds one socket read may wait for the client.", "15", 1, 3600,
                        [](ServerConfig& c) -> int& { return c.connections.read_timeout_seconds; }));
  all.push_back(integer("cqpm.http.request_deadline_seconds", "",
                        "Seconds a whole request body may take to arrive (a slow client is cut after it).",
                        "30", 1, 3600,
                        [](ServerConfig& c) -> int& { return c.http.request_deadline_seconds; }));
  all.push_back(integer("cqpm.http.drain_seconds", "",
                        "On stop (SIGTERM), seconds the requests in flight may take before their connections "
                        "are cut. Keep it below systemd's TimeoutStopSec (30 s).",
                        "25", 0, 3600, [](ServerConfig& c) -> int& { return c.drain_seconds; }));
  all.push_back(integer("cqpm.http.max_body_bytes", "",
                        "Largest JSON request body, in bytes; a larger one is refused with 413 before it is "
                        "read. Document uploads have their own limit.",
                        "1048576", 1024, 1LL << 30,
                        [](ServerConfig& c) -> std::size_t& { return c.http.max_body_bytes; }));
  all.push_back(integer("cqpm.http.max_upload_bytes", "",
                        "Largest document upload, in bytes (nginx's client_max_body_size must allow it).",
                        "26214400", 1024, 1LL << 34,
                        [](ServerConfig& c) -> std::uint64_t& { return c.http.max_upload_bytes; }));
  all.push_back(
      integer("cqpm.http.max_streams", "",
              "Live updates (server-sent events) open at once. Each holds a connection, not a thread; "
              "beyond it a page gets 503 and retries.",
              "512", 0, 65536, [](ServerConfig& c) -> int& { return c.max_streams; }));
  all.push_back(integer("cqpm.http.max_streams_per_user", "",
                        "Live updates one account may hold open at once (one per open page); beyond, 503.",
                        "8", 1, 4096, [](ServerConfig& c) -> int& { return c.max_streams_per_user; }));
  all.push_back({"cqpm.http.trusted_proxies", "", "LIST",
                 "Comma-separated addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For and "
                 "X-Real-IP give the client's address (logs, throttles). Empty: the peer's address.",
                 "127.0.0.1, ::1",
                 [](ServerConfig& c, const std::string& value) {
                   c.http.trusted_proxies = http::TrustedProxies::parse(value);
                 },
                 [](const ServerConfig&) { return std::string(); }});
  all.push_back(integer("cqpm.session.ttl_hours", "",
                        "Lifetime of a login session, in hours. Sessions can also be revoked by logging out.",
                        "12", 1, 24 * 365, [](ServerConfig& c) -> int& { return c.http.session_ttl_hours; }));
  all.push_back(flag("cqpm.session.secure_cookie", "",
                     "Set Secure on the session cookie (it then travels over HTTPS only).", "true",
                     [](ServerConfig& c) -> bool& { return c.http.secure_cookies; }));
  all.push_back(integer("cqpm.password.memory_kib", "",
                        "Argon2id memory per password hash, in KiB (OWASP: 19456). Lower only for tests.",
                        "19456", 8, 4 << 20,
                        [](ServerConfig& c) -> std::uint32_t& { return c.password_cost.memory_kib; }));
  all.push_back(integer("cqpm.password.iterations", "", "Argon2id passes per password hash (OWASP: 2).", "2",
                        1, 64, [](ServerConfig& c) -> std::uint32_t& { return c.password_cost.iterations; }));
  all.push_back(
      integer("cqpm.password.max_concurrent", "",
              "Password hashes computed at once (logins, git clients, password changes). Each holds "
              "cqpm.password.memory_kib and a core while it runs; a login that finds none free "
              "within 200 ms is answered 503 with Retry-After, so a flood of logins cannot exhaust "
              "the memory or starve other requests.",
              "2", 1, 1024, [](ServerConfig& c) -> int& { return c.password_max_concurrent; }));
  all.push_back(integer("cqpm.sandbox.memory_bytes", "",
                        "Memory one CQPM plugin's Lua state may use, in bytes; beyond, the call fails.",
                        std::to_string(plugins::SandboxLimits{}.memory_bytes), 1 << 20, 1LL << 32,
                        [](ServerConfig& c) -> std::size_t& { return c.sandbox_limits.memory_bytes; }));
  all.push_back(integer(
      "cqpm.sandbox.instructions", "", "Lua instructions one plugin call may run before it is stopped.",
      std::to_string(plugins::SandboxLimits{}.instructions_per_call), 1000, 1LL << 40,
      [](ServerConfig& c) -> std::uint64_t& { return c.sandbox_limits.instructions_per_call; }));
  all.push_back(
      {"cqpm.sandbox.time_ms", "", "N", "Milliseconds one plugin call may last before it is stopped.",
       std::to_string(plugins::SandboxLimits{}.deadline_per_call.count()),
       [](ServerConfig& c, const std::string& value) {
         c.sandbox_limits.deadline_per_call =
             std::chrono::milliseconds(parseInteger("cqpm.sandbox.time_ms", value, 10, 60000));
       },
       [](const ServerConfig& c) { return std::to_string(c.sandbox_limits.deadline_per_call.count()); }});
  all.push_back(
      integer("cqpm.scheduler.interval_seconds", "scheduler-interval",
              "Seconds between two rounds of deadline reminders and housekeeping (expired sessions, "
              "idempotency keys older than 24 h).",
              "60", 1, 86400, [](ServerConfig& c) -> int& { return c.scheduler_interval_seconds; }));
  all.push_back(
      integer("cqpm.notifications.interval_ms", "",
              "Milliseconds between two rounds of notifications from the file histories, and of their "
              "e-mails.",
              "2000", 100, 3600000, [](ServerConfig& c) -> int& { return c.notify_interval_ms; }));
  all.push_back(integer("cqpm.notifications.digest_hour", "",
                        "Hour of the day (Europe/Paris, 0-23) from which the daily e-mail digests go out, "
                        "for the users who chose one e-mail a day.",
                        "7", 0, 23, [](ServerConfig& c) -> int& { return c.digest_hour; }));
  all.push_back(integer(
      "cqpm.retention.documents_years", "",
      "Years a closed file keeps its documents' bytes (reports, evidence), counted from its move into its "
      "final state; then the scheduler removes them and keeps their name, size and SHA-256. 0: kept for "
      "ever.",
      "5", 0, 100, [](ServerConfig& c) -> int& { return c.retention.documents_years; }));
  all.push_back(integer(
      "cqpm.retention.unsuccessful_identity_years", "",
      "Years the identity of a candidate whose file closed without a certification (not certified, "
      "withdrawn) is kept; then the scheduler erases it, the registration answers and what was written "
      "about the candidate, and removes the documents. The file's hash chain stays verifiable. 0: kept for "
      "ever.",
      "3", 0, 100, [](ServerConfig& c) -> int& { return c.retention.unsuccessful_identity_years; }));
  all.push_back(lengthBounded(
      text("cqpm.accrochage.client_id", "", "ID",
           "The certifier's client number at the Caisse des Dépôts (8 characters), which the Accrochage flux "
           "of certified holders names as emitter and certifier (docs/accrochage.md). Empty: the holders' "
           "CSV only.",
           "", [](ServerConfig& c) -> std::string& { return c.accrochage.client_id; }),
      8, 8));
  all.push_back(
      lengthBounded(text("cqpm.accrochage.contract_id", "", "ID",
                         "The certifier's contract number with the Caisse des Dépôts (at most 20 "
                         "characters), named in the Accrochage flux.",
                         "", [](ServerConfig& c) -> std::string& { return c.accrochage.contract_id; }),
                    1, 20));
  all.push_back(
      text("cqpm.smtp.host", "smtp-host", "HOST",
           "SMTP relay for e-mail notifications (no authentication: a relay on the host or the private "
           "network). Empty: notifications stay in-app only.",
           "", [](ServerConfig& c) -> std::string& { return c.smtp.host; }));
  all.push_back(integer("cqpm.smtp.port", "smtp-port", "Port of the SMTP relay.", "25", 1, 65535,
                        [](ServerConfig& c) -> int& { return c.smtp.port; }));
  all.push_back(text("cqpm.smtp.from", "smtp-from", "ADDRESS", "Sender of the e-mails.",
                     "CQPM Hub <no-reply@example.org>",
                     [](ServerConfig& c) -> std::string& { return c.smtp.from; }));
  all.push_back(
      text("cqpm.antivirus.clamd_socket", "", "PATH",
           "Unix socket of ClamAV's daemon, its LocalSocket (Debian's clamav-daemon: "
           "/run/clamav/clamd.ctl). When set, every uploaded document is streamed to clamd before it "
           "is kept: malware is refused (422 infected), and while clamd gives no verdict uploads are "
           "refused (503) rather than kept unscanned. clamd's StreamMaxLength must be at least "
           "cqpm.http.max_upload_bytes (see deploy/README.md). Empty: no malware scanning.",
           "", [](ServerConfig& c) -> std::string& { return c.antivirus.socket_path; }));
  all.push_back(integer("cqpm.antivirus.timeout_seconds", "",
                        "Seconds clamd may take to accept the connection, each part of a document, and its "
                        "verdict; beyond, the upload is refused with 503.",
                        "30", 1, 600, [](ServerConfig& c) -> int& { return c.antivirus.timeout_seconds; }));
  all.push_back(
      text("cqpm.sso.ca_file", "", "PATH",
           "PEM file of certificate authorities trusted for identity providers besides the system's "
           "(a centre's provider certified by a private CA). Empty: the system's only.",
           "", [](ServerConfig& c) -> std::string& { return c.sso_ca_file; }));
  // Defaults that derive from another setting or from the build, said in words
  // (the generated files must not depend on where the source tree was built).
  const auto describe = [&all](const std::string& key, const std::string& text) {
    for (Setting& setting : all) {
      if (setting.key == key) setting.default_value = [text](const ServerConfig&) { return text; };
    }
  };
  describe("cqpm.share", "the source tree the binary was built from");
  describe("cqpm.web", "web/dist of the share folder");
  describe("cqpm.plugins", "plugins/ of the share folder");
  describe("cqpm.session.secure_cookie", "true when cqpm.public_url starts with https://");
  describe("cqpm.http.trusted_proxies", "none");
  describe("cqpm.password.max_concurrent", "the number of cores");
  return all;
}

/// `text` as '#' comment lines of at most 78 columns.
std::string commentLines(const std::string& text) {
  std::istringstream words(text);
  std::string out, line = "#";
  for (std::string word; words >> word;) {
    if (line.size() + 1 + word.size() > 78 && line != "#") {
      out += line + "\n";
      line = "#";
    }
    line += " " + word;
  }
  return out + line + "\n";
}

}  // namespace

const std::vector<Setting>& serverSettings() {
  static const std::vector<Setting> settings = makeSettings();
  return settings;
}

ServerConfig configFrom(const Poco::Util::AbstractConfiguration& properties) {
  ServerConfig config;
  bool web_given = false, secure_cookie_given = false;
  for (const Setting& setting : serverSettings()) {
    if (!properties.hasProperty(setting.key)) continue;
    setting.apply(config, properties.getString(setting.key));
    web_given = web_given || setting.key == "cqpm.web";
    secure_cookie_given = secure_cookie_given || setting.key == "cqpm.session.secure_cookie";
  }
  if (!web_given) config.http.web_root = config.share_dir + "/web/dist";
  // Behind TLS the session cookie must never travel in clear.
  if (!secure_cookie_given)
    config.http.secure_cookies = config.http.public_base_url.rfind("https://", 0) == 0;
  return config;
}

std::string exampleProperties() {
  std::string out =
      "# CQPM Hub server configuration (Poco Util properties format).\n"
      "#\n"
      "# Installed as /etc/cqpm/cqpm.properties and read by\n"
      "#   cqpm serve --config /etc/cqpm/cqpm.properties\n"
      "# Syntax: one \"key = value\" per line; lines starting with # or ! are comments\n"
      "# (a # after a value is NOT a comment, it is part of the value). A backslash\n"
      "# starts an escape (\\t, \\n, line continuation): write \\\\ for a backslash.\n"
      "# Options given on the command line (--data, --port, --database...) win over\n"
      "# the values below. Restart the service after a change:\n"
      "#   systemctl restart cqpm\n"
      "#\n"
      "# This file may hold the database password: keep it root:cqpm, mode 0640.\n"
      "# Generated from core/app/settings.cpp by `cqpm settings example`.\n";
  const ServerConfig defaults;
  for (const Setting& setting : serverSettings()) {
    out += "\n" +
           commentLines(
               setting.help + " Default: " +
               (setting.default_value(defaults).empty() ? "empty" : setting.default_value(defaults)) + ".");
    out += setting.key + " = " + setting.example + "\n";
  }
  return out;
}

std::string settingsMarkdown() {
  const ServerConfig defaults;
  std::string out = "| key | option | default | meaning |\n|---|---|---|---|\n";
  for (const Setting& setting : serverSettings()) {
    const std::string value = setting.default_value(defaults);
    out += "| `" + setting.key + "` | " +
           (setting.option.empty()
                ? ""
                : "`--" + setting.option + (setting.argument.empty() ? "" : " " + setting.argument) + "`") +
           " | " + (value.empty() ? "" : "`" + value + "`") + " | " + setting.help + " |\n";
  }
  return out;
}

}  // namespace cqpm::app
