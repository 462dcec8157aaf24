#pragma once

#include <optional>
#include <string>

#include "plugins/plugin_catalog.h"
#include "store/todo_store.h"
#include "todo/todo_records.h"
#include "workflow/workflow_definition.h"

namespace cqpm::todo {

/// What an item's label and urgency are read against. Borrowed references:
/// they outlive the call.
struct ItemContext {
  const workflow::WorkflowDefinition& workflow;
  const plugins::PluginCatalog& catalog;  ///< CQPM titles: people never read a plugin id
  std::string now;                        ///< ISO-8601 UTC
  std::string today;                      ///< the Paris calendar day, YYYY-MM-DD
};

/// The item a to-do row stands for, its French label made here: nullopt when
/// the row turns out to ask nothing (an evaluator who signed every planned
/// competency, an evaluation not signed through yet). Pure.
std::optional<TodoItem> itemOf(const store::TodoRow& row, const ItemContext& context);

}  // namespace cqpm::todo
