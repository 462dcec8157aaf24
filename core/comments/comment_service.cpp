#include "comments/comment_service.h"

#include <Poco/String.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <cctype>

#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/input_rules.h"
#include "common/json_text.h"
#include "files/file_events.h"
#include "store/candidate_file_store.h"
#include "store/event_store.h"

namespace cqpm::comments {

using Poco::JSON::Object;

namespace {

constexpr std::size_t kMaxBody = 4000;

std::size_t characterCount(const std::string& text) {
  std::size_t count = 0;
  for (const unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

bool isNumber(const std::string& text) {
  return !text.empty() && text.size() <= 9 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::optional<std::string> competencyOf(const Object::Ptr& body) {
  if (!body->has("competency") || body->isNull("competency")) return std::nullopt;
  const auto value = body->get("competency");
  if (value.isInteger() && !value.isBoolean()) return std::to_string(value.convert<long long>());
  if (value.isString()) return Poco::trim(checkedText(value, "competency", TextLimit{32}));
  throw Error(ErrorCode::kInvalidField, "competency must be a competency number or null", "competency");
}

std::string bodyOf(const Object::Ptr& request) {
  if (!request->has("body") || !request->get("body").isString()) {
    throw Error(ErrorCode::kInvalidField, "body is required: the text of the comment", "body");
  }
  std::string text = Poco::trim(request->getValue<std::string>("body"));
  if (text.empty()) throw Error(ErrorCode::kUnprocessable, "the comment is empty: write something", "body");
  if (characterCount(text) > kMaxBody) {
    throw Error(ErrorCode::kUnprocessable,
                "the comment is longer than " + std::to_string(kMaxBody) + " characters", "body");
  }
  checkText(text, "body", TextLimit{kMaxBody, true});
  return text;
}

}  // namespace

std::vector<store::CommentRecord> CommentService::list(const domain::Actor& actor, const std::string& file_id,
                                                       const std::optional<std::string>& competency) {
  if (competency && !isNumber(*competency)) {
    throw Error(ErrorCode::kInvalidField, "competency must be a competency number", "competency");
  }
  const auto scope = access::fileScopeFor(actor);
  return db_.read([&](store::SqlSession& sql) {
    if (!store::candidate_file_store::find(sql, file_id, scope)) {
      throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    }
    return store::comment_store::listForFile(sql, file_id, competency);
  });
}

store::CommentRecord CommentService::add(const domain::Actor& actor, const std::string& file_id,
                                         const Object::Ptr& body) {
  // The GTP reads the files that went before a jury to audit them, and writes nothing on them.
  access::require(actor, access::Permission::kCommentOnFiles, "comment on a file");
  const auto scope = access::fileScopeFor(actor);
  const auto file = db_.read(
      [&](store::SqlSession& sql) { return store::candidate_file_store::find(sql, file_id, scope); });
  if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
  const std::string text = bodyOf(body);
  const std::optional<std::string> competency = competencyOf(body);
  if (competency) {
    const auto referential = rules_.referentialFor(file->file);
    if (!referential->findCompetency(*competency)) {
      throw Error(ErrorCode::kUnprocessable,
                  "competency " + *competency + " is not a competency of the file's referential (" +
                      std::to_string(referential->competencyCount()) + " competencies)",
                  "competency");
    }
  }
  const std::string id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  return db_.write([&](store::SqlSession& sql) {
    const auto current = store::candidate_file_store::find(sql, file_id, scope);
    if (!current) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    const std::string now = nowIso8601(clock_);
    store::comment_store::insert(sql, {id, file_id, 0, competency, text, actor.user_id, "", "", now});
    Object::Ptr payload = new Object;
    payload->set("comment_id", id);
    payload->set("competency", nullable(competency));
    store::event_store::append(sql,
                               files::sameStateEvent(current->file, actor, "comment_added", payload, now));
    return *store::comment_store::find(sql, id);
  });
}

}  // namespace cqpm::comments
