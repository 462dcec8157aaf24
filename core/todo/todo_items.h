#pragma once

#include <optional>
#include <string>

#include "plugins/plugin_catalog.h"
#include "store/todo_store.h"
#include "todo/todo_records.h"
#include "workflow/workflow_definition.h"

namespace cqpm::todo {

/// What an item's label is made with. Borrowed references: they outlive the call.
struct ItemContext {
  const workflow::WorkflowDefinition& workflow;
  const plugins::PluginCatalog& catalog;  ///< CQPM titles: people never read a plugin id
  bool for_candidate = false;             ///< labels speak to the candidate (« votre rapport »)
};

/// The item a to-do row stands for, its French label made here; nullopt for a
/// kind it does not know, or a next step the workflow no longer has. Pure.
std::optional<TodoItem> itemOf(const store::TodoRow& row, const ItemContext& context);

}  // namespace cqpm::todo
