#pragma once

#include <string>

#include "accrochage/holder_report.h"
#include "auth/password_hasher.h"
#include "common/clock.h"
#include "documents/clamd_scanner.h"
#include "http/api_context.h"
#include "net/connection_limits.h"
#include "notifications/smtp_mailer.h"
#include "plugins/lua_sandbox.h"
#include "retention/retention_policy.h"

namespace cqpm::app {

/// Everything the server needs to start, from the command line and the
/// optional configuration file (keys `cqpm.*`, see deploy/cqpm.properties.example).
struct ServerConfig {
  std::string data_dir = "var";  ///< SQLite file, and later the git store and documents
  std::string database_url;      ///< empty: SQLite in data_dir
  /// PostgreSQL: writes running at once, each on its own connection
  /// (store::DatabaseOptions::max_write_sessions); SQLite has one writer.
  int database_write_sessions = 8;
  std::string bind = "0.0.0.0";
  int port = 8080;    ///< 0 picks a free port (tests)
  bool demo = false;  ///< seed the demo data into an empty database
  /// Start on an empty database although the data folder holds referentials or
  /// documents (refused otherwise: the database was probably lost or replaced).
  bool adopt_data = false;
  std::string share_dir = CQPM_SOURCE_ROOT;  ///< holds workflows/ and schemas/
  std::string plugins_dir;                   ///< the CQPM plugins; empty: share_dir/plugins
  plugins::SandboxLimits sandbox_limits;     ///< defaults in plugins/lua_sandbox.h
  net::ConnectionLimits connections;         ///< workers, deadlines and caps of the HTTP server
  /// On stop (SIGTERM): how long requests in flight may take before their
  /// connections are cut; below systemd's TimeoutStopSec (30 s).
  int drain_seconds = 25;
  auth::PasswordHashCost password_cost;
  /// Argon2 computations at once (each holds password_cost.memory_kib and a
  /// core); a login that finds none free within 200 ms gets 503.
  int password_max_concurrent = auth::HashingSlots::defaultSlots();
  http::HttpSettings http;
  /// Live streams (SSE) open at once, and per account; beyond, 503 with
  /// Retry-After. Streams hold a socket each, no thread (see live::StreamPump).
  int max_streams = 512;
  int max_streams_per_user = 8;
  /// The scheduler thread: deadline reminders and housekeeping (expired
  /// sessions, idempotency keys older than 24 h) every scheduler_interval_seconds;
  /// notifications from the event log, and their e-mails, every notify_interval_ms.
  bool scheduler_enabled = true;  ///< false: nothing runs in the background (tests call runOnce)
  int scheduler_interval_seconds = 60;
  int notify_interval_ms = 2000;
  /// Hour (Europe/Paris, 0-23) from which each day's e-mail digests are sent.
  int digest_hour = 7;
  notifications::SmtpSettings smtp;  ///< no host: notifications are in-app only
  std::string sso_ca_file;  ///< extra CAs trusted for identity providers (PEM); empty: the system's only
  documents::ClamdSettings antivirus;        ///< no socket: uploads are not scanned for malware
  retention::RetentionPolicy retention;      ///< how long personal data is kept once a file is closed
  accrochage::CertifierIdentity accrochage;  ///< the certifier at the Caisse des Dépôts; empty: no XML flux
  Clock clock;                               ///< "now" for the whole server; empty: the system clock
};

}  // namespace cqpm::app
