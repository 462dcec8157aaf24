#include "store/referential_object_store.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include <sstream>

namespace cqpm::store::referential_object_store {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::use;

namespace {

// Base64 keeps binary trees and commits in a TEXT column on both databases.
std::string encode(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

std::string decode(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  return std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
}

}  // namespace

void insertBundle(SqlSession& sql, const std::string& bundle, const std::vector<GitObjectRow>& objects) {
  Poco::Int64 position = 0;
  for (const GitObjectRow& object : objects) {
    std::string key = bundle, id = object.id, type = object.type, content = encode(object.content);
    auto stmt = sql.query(
        "INSERT INTO referential_git_objects (bundle, position, object_id, object_type, content) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    stmt.bind(key).bind(position).bind(id).bind(type).bind(content);
    stmt.execute();
    ++position;
  }
}

std::vector<GitObjectRow> loadBundle(SqlSession& sql, const std::string& bundle) {
  std::string key = bundle;
  std::vector<std::string> ids, types, contents;
  auto stmt = sql.statement(
      "SELECT object_id, object_type, content FROM referential_git_objects WHERE bundle = ? ORDER BY "
      "position");
  stmt, use(key), into(ids), into(types), into(contents);
  stmt.execute();
  std::vector<GitObjectRow> objects;
  for (std::size_t i = 0; i < ids.size(); ++i) objects.push_back({ids[i], types[i], decode(contents[i])});
  return objects;
}

std::map<std::string, std::string> listRefs(SqlSession& sql) {
  std::vector<std::string> names, targets;
  auto stmt = sql.statement("SELECT name, target FROM referential_git_refs ORDER BY name");
  stmt, into(names), into(targets);
  stmt.execute();
  std::map<std::string, std::string> refs;
  for (std::size_t i = 0; i < names.size(); ++i) refs.emplace(names[i], targets[i]);
  return refs;
}

std::optional<std::string> findRef(SqlSession& sql, const std::string& name) {
  std::string key = name;
  std::vector<std::string> targets;
  auto stmt = sql.statement("SELECT target FROM referential_git_refs WHERE name = ?");
  stmt, into(targets), use(key);
  stmt.execute();
  if (targets.empty()) return std::nullopt;
  return targets.front();
}

bool moveRef(SqlSession& sql, const std::string& name, const std::optional<std::string>& expected,
             const std::string& target, const std::string& at) {
  std::string key = name, to = target, when = at;
  if (!expected) {
    auto stmt = sql.query(
        "INSERT INTO referential_git_refs (name, target, updated_at) VALUES (?, ?, ?) ON CONFLICT DO "
        "NOTHING");
    stmt.bind(key).bind(to).bind(when);
    return stmt.execute() == 1;
  }
  std::string from = *expected;
  auto stmt =
      sql.query("UPDATE referential_git_refs SET target = ?, updated_at = ? WHERE name = ? AND target = ?");
  stmt.bind(to).bind(when).bind(key).bind(from);
  return stmt.execute() == 1;
}

}  // namespace cqpm::store::referential_object_store
