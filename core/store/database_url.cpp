#include "store/database_url.h"

#include <Poco/Path.h>
#include <Poco/URI.h>

#include <algorithm>

#include "common/error.h"

namespace cqpm::store {
namespace {

// libpq conninfo values are quoted so spaces and quotes in passwords survive.
std::string conninfoValue(const std::string& value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "'";
}

DatabaseUrl parsePostgres(const std::string& url, const std::string& data_dir) {
  Poco::URI uri;
  try {
    uri = Poco::URI(url);
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidConfiguration, "database URL is malformed: " + e.message(), "database");
  }
  if (uri.getHost().empty()) {
    throw Error(ErrorCode::kInvalidConfiguration, "database URL has no host", "database");
  }
  std::string dbname = uri.getPath();
  if (!dbname.empty() && dbname.front() == '/') dbname.erase(0, 1);
  if (dbname.empty()) {
    throw Error(ErrorCode::kInvalidConfiguration, "database URL has no database name", "database");
  }
  std::string conninfo = "host=" + conninfoValue(uri.getHost());
  conninfo += " port=" + std::to_string(uri.getPort() == 0 ? 5432 : uri.getPort());
  conninfo += " dbname=" + conninfoValue(dbname);
  const std::string& user_info = uri.getUserInfo();
  std::string password;
  if (!user_info.empty()) {
    const auto colon = user_info.find(':');
    std::string user;
    Poco::URI::decode(user_info.substr(0, colon), user);
    conninfo += " user=" + conninfoValue(user);
    if (colon != std::string::npos) Poco::URI::decode(user_info.substr(colon + 1), password);
  }
  for (const auto& [key, value] : uri.getQueryParameters()) {
    if (key == "password") {
      password = value;
      continue;
    }
    conninfo += " " + key + "=" + conninfoValue(value);
  }
  DatabaseUrl parsed{Dialect::kPostgres, conninfo, password, ""};
  if (!password.empty()) {
    parsed.passfile = Poco::Path(data_dir).makeAbsolute().append(".pgpass").toString();
    if (parsed.passfile.find_first_of(" \t\n") != std::string::npos) {
      throw Error(ErrorCode::kInvalidConfiguration,
                  "the data folder's path must not contain spaces when the database has a password "
                  "(it holds the password file)",
                  "data");
    }
    parsed.connection += " passfile=" + conninfoValue(parsed.passfile);
  }
  return parsed;
}

}  // namespace

DatabaseUrl DatabaseUrl::parse(const std::string& url, const std::string& data_dir) {
  if (url.empty()) {
    return DatabaseUrl{Dialect::kSqlite, Poco::Path(data_dir).append("cqpm.db").toString(), {}, {}};
  }
  if (url.starts_with("sqlite:")) {
    const std::string path = url.substr(7);
    if (path.empty()) throw Error(ErrorCode::kInvalidConfiguration, "sqlite: URL has no path", "database");
    return DatabaseUrl{Dialect::kSqlite, path, {}, {}};
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return parsePostgres(url, data_dir);
  throw Error(ErrorCode::kInvalidConfiguration,
              "database URL must start with postgresql:// or sqlite: (got '" + url.substr(0, 16) + "...')",
              "database");
}

std::string DatabaseUrl::describe() const {
  if (dialect == Dialect::kSqlite) return "SQLite " + connection;
  // The password is a quoted conninfo value that may hold spaces and escaped
  // quotes: mask up to its closing quote.
  std::string masked = connection;
  const auto pos = masked.find("password='");
  if (pos != std::string::npos) {
    std::size_t end = pos + 10;
    while (end < masked.size() && masked[end] != '\'') end += masked[end] == '\\' ? 2 : 1;
    masked.replace(pos, std::min(end + 1, masked.size()) - pos, "password=***");
  }
  return "PostgreSQL " + masked;
}

}  // namespace cqpm::store
