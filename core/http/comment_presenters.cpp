#include "http/comment_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr commentJson(const store::CommentRecord& comment) {
  Object::Ptr json = new Object;
  json->set("id", comment.id);
  json->set("file_id", comment.file_id);
  json->set("competency", nullable(comment.competency));
  json->set("body", comment.body);
  Object::Ptr author = new Object;
  author->set("id", comment.author_id);
  author->set("display_name", comment.author_name);
  author->set("role", comment.author_role);
  json->set("author", author);
  json->set("created_at", comment.created_at);
  return json;
}

Object::Ptr commentListJson(const std::vector<store::CommentRecord>& comments) {
  Array::Ptr items = arrayOf(comments, commentJson);
  Object::Ptr json = new Object;
  json->set("items", items);
  return json;
}

}  // namespace cqpm::http
