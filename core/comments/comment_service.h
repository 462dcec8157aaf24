#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/actor.h"
#include "plugins/plugin_rules.h"
#include "store/comment_store.h"
#include "store/database.h"

namespace cqpm::comments {

/// Comments on a candidate file, general or about one competency of its
/// pinned referential. Anyone who sees the file (its tenancy: 404 outside it)
/// reads and writes them; a comment is never edited nor deleted, and each one
/// records a file event ("comment_added"). Thread-safe.
class CommentService {
 public:
  CommentService(store::Database& db, Clock clock, plugins::PluginRules& rules)
      : db_(db), clock_(std::move(clock)), rules_(rules) {}

  /// The file's comments, oldest first, with their authors' names and roles;
  /// only those on `competency` (a number as text) when set. Error{kNotFound};
  /// Error{kInvalidField, "competency"} when the filter is not a number.
  std::vector<store::CommentRecord> list(const domain::Actor& actor, const std::string& file_id,
                                         const std::optional<std::string>& competency);

  /// Adds {body, competency} and returns it as list() reads it. body is trimmed and
  /// must hold 1 to 4000 characters (Error{kUnprocessable, "body"}; not text:
  /// kInvalidField); competency is null, or a competency number (text or
  /// integer) of the file's pinned referential (Error{kUnprocessable,
  /// "competency"}; another type: kInvalidField). Error{kNotFound} outside scope.
  store::CommentRecord add(const domain::Actor& actor, const std::string& file_id,
                           const Poco::JSON::Object::Ptr& body);

 private:
  store::Database& db_;
  Clock clock_;
  plugins::PluginRules& rules_;
};

}  // namespace cqpm::comments
