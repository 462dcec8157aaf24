#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "auth/password_hasher.h"

namespace cqpm::app {

/// What `cqpm admin ...` reads besides its arguments: where the data is, and
/// the options of its sub-commands.
struct AdminCommandOptions {
  std::string data_dir = "var";
  std::string database_url;  ///< empty: SQLite in data_dir
  std::string public_base_url = "http://localhost:8080";
  auth::PasswordHashCost password_cost;
  std::string login;         ///< --login
  std::string email;         ///< --email
  std::string display_name;  ///< --name; default "Administrateur"
  bool invite = false;       ///< --invite: print a one-time link instead of reading a password
};

/// Exit codes of `cqpm admin`, documented in the README.
inline constexpr int kAdminDone = 0;     ///< the command did what it says
inline constexpr int kAdminRefused = 1;  ///< the data says no: login taken, unknown login, password refused
inline constexpr int kAdminUsage = 2;    ///< bad arguments, or the data folder / database cannot be opened

/// `cqpm admin create-admin --login L --email E [--name N] [--invite]`,
/// `cqpm admin list-users`, `cqpm admin disable-user L`, `cqpm admin
/// reset-password L`: the platform's first administrator and a way back in,
/// without a server and without touching the database by hand. Each act is
/// recorded in the administration log as done by the command line.
/// `read_password()` returns the new password (from stdin, never from argv).
/// Results go to `out`, refusals and errors to `err`; returns an exit code above.
int runAdminCommand(const std::vector<std::string>& args, const AdminCommandOptions& options,
                    const std::function<std::string()>& read_password, std::ostream& out, std::ostream& err);

}  // namespace cqpm::app
