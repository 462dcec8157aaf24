#pragma once

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <optional>
#include <string>

#include "support/demo_services.h"
#include "todo/todo_service.h"

namespace cqpm::testing {

/// The to-do service over a fresh demo database, with what tests need to move
/// a file on through the real services and read the lists again.
class TodoServiceTest : public DemoServicesTest {
 protected:
  todo::TodoList todoOf(const std::string& login, const todo::TodoQuery& query = {}) {
    return server().todo().list(actor(login), query);
  }

  /// The item of `kind` about `file` in `list` (a copy: lists are often temporaries), or nullopt.
  static std::optional<todo::TodoItem> find(const todo::TodoList& list, const std::string& kind,
                                            const std::string& file) {
    return findIf(list,
                  [&](const todo::TodoItem& item) { return item.kind == kind && item.file_id == file; });
  }

  /// The first item of `kind` in `list`, or nullopt.
  static std::optional<todo::TodoItem> findKind(const todo::TodoList& list, const std::string& kind) {
    return findIf(list, [&](const todo::TodoItem& item) { return item.kind == kind; });
  }

  template <typename Predicate>
  static std::optional<todo::TodoItem> findIf(const todo::TodoList& list, Predicate&& predicate) {
    const auto found = std::find_if(list.items.begin(), list.items.end(), predicate);
    if (found == list.items.end()) return std::nullopt;
    return *found;
  }

  /// True when some item of `list` is about `file`.
  static bool mentions(const todo::TodoList& list, const std::string& file) {
    return std::any_of(list.items.begin(), list.items.end(),
                       [&](const todo::TodoItem& item) { return item.file_id == file; });
  }

  /// The items of `list` of `kind`.
  static std::size_t countOf(const todo::TodoList& list, const std::string& kind) {
    return static_cast<std::size_t>(std::count_if(
        list.items.begin(), list.items.end(), [&](const todo::TodoItem& item) { return item.kind == kind; }));
  }

  /// Fires `transition` on `file` as `login`, at the file's current version.
  void fire(const std::string& login, const std::string& file, const std::string& transition) {
    const domain::Actor who = actor(login);
    server().database().write([&](store::SqlSession& sql) {
      const auto view = store::candidate_file_store::find(sql, file, access::fileScopeFor(who));
      if (!view) throw std::runtime_error("no file " + file + " for " + login);
      server().transitions().fireIn(sql, who, {file, transition, view->file.version, new Poco::JSON::Object});
    });
  }
};

}  // namespace cqpm::testing
