#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cqpm::todo {

/// One thing the actor has to do next (GET /api/v1/me/todo).
struct TodoItem {
  std::string kind;                         ///< stable snake_case id ("form_commission")
  std::optional<std::string> file_id;       ///< the candidate file, when the item is about one
  std::optional<std::string> session_id;    ///< the jury session, for session items
  std::optional<std::int64_t> proposal_id;  ///< the referential proposal, for the GTP's items
  std::string label;                        ///< French, for people, without trailing punctuation
  std::optional<std::string> due;           ///< YYYY-MM-DD (Paris calendar day), when there is one
  bool overdue = false;                     ///< `due` has passed (only with a due date)
};

/// The actor's to-do list: the items, most urgent first, and what they add up to.
struct TodoList {
  std::vector<TodoItem> items;                  ///< at most the requested limit
  std::map<std::string, std::int64_t> by_kind;  ///< every item counted, beyond the limit too
  std::int64_t total = 0;                       ///< every item
  std::int64_t overdue_count = 0;               ///< items whose due date has passed
};

}  // namespace cqpm::todo
