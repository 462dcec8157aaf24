#include "http/todo_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

namespace {

// Every member present, null when absent: pages test `file === null`, not its absence.
Poco::JSON::Object::Ptr todoItemJson(const todo::TodoItem& record) {
  Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
  item->set("kind", record.kind);
  item->set("file", nullable(record.file_id));
  item->set("session_id", nullable(record.session_id));
  item->set("proposal_id", nullable(record.proposal_id));
  item->set("label", record.label);
  item->set("due", nullable(record.due));
  item->set("overdue", record.overdue);
  return item;
}

}  // namespace

Poco::JSON::Object::Ptr todoListJson(const todo::TodoList& list) {
  Poco::JSON::Object::Ptr by_kind = new Poco::JSON::Object;
  for (const auto& [kind, count] : list.by_kind) by_kind->set(kind, count);
  Poco::JSON::Object::Ptr summary = new Poco::JSON::Object;
  summary->set("total", list.total);
  summary->set("overdue_count", list.overdue_count);
  summary->set("by_kind", by_kind);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& record : list.items) items->add(todoItemJson(record));
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("items", items);
  json->set("summary", summary);
  return json;
}

}  // namespace cqpm::http
