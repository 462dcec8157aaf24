#include "http/json_body.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <limits>

#include "common/error.h"

namespace cqpm::http {

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr std::size_t kMaxDepth = 32;
// The document-wide rule for strings: the field readers then apply each field's own limit.
constexpr TextLimit kAnyDocumentString{std::numeric_limits<std::size_t>::max(), true};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Poco 1.11 reads an integer literal past 64 bits wrongly (18446744073709551616 as 0,
// -9223372036854775809 as INT64_MIN) and one in (INT64_MAX, UINT64_MAX] as an unsigned
// the rest of core would overflow converting. A lexical pass (strings skipped, no
// parsing) appends ".0" to every integer literal outside int64, so Poco reads it as
// the double it is and the integer readers refuse it as out of range.
std::string widenHugeIntegers(const std::string& text) {
  static const std::string kMax = "9223372036854775807";
  static const std::string kMinMagnitude = "9223372036854775808";
  std::string out;
  std::size_t copied = 0;
  bool in_string = false;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (in_string) {
      if (c == '\\')
        ++at;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
      continue;
    }
    if (c != '-' && !isDigit(c)) continue;
    const bool negative = c == '-';
    std::size_t end = negative ? at + 1 : at;
    while (end < text.size() && isDigit(text[end])) ++end;
    const std::size_t digits_start = negative ? at + 1 : at;
    std::size_t token_end = end;
    while (token_end < text.size() &&
           (isDigit(text[token_end]) || text[token_end] == '.' || text[token_end] == 'e' ||
            text[token_end] == 'E' || text[token_end] == '+' || text[token_end] == '-')) {
      ++token_end;
    }
    const std::string_view digits(text.data() + digits_start, end - digits_start);
    const std::string& limit = negative ? kMinMagnitude : kMax;
    const bool integer_literal = token_end == end && !digits.empty();
    if (integer_literal &&
        (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit))) {
      out.append(text, copied, end - copied);
      out += ".0";
      copied = end;
    }
    at = token_end - 1;
  }
  if (copied == 0) return text;
  out.append(text, copied, std::string::npos);
  return out;
}

// The path of the member holding byte `offset` of a JSON text, found by following its
// structure (brackets, keys, commas) up to there, without parsing values: used only to
// name the field where a body stops being valid UTF-8, before any parser can read it.
std::string pathAtOffset(std::string_view text, std::size_t offset) {
  struct Level {
    bool object;
    std::string path;
    std::string key;
    std::size_t index = 0;
    bool expecting_key = false;
  };
  std::vector<Level> levels;
  auto member = [&](const Level& level) {
    if (level.object) return level.path.empty() ? level.key : level.path + "." + level.key;
    return level.path + "[" + std::to_string(level.index) + "]";
  };
  for (std::size_t at = 0; at < offset && at < text.size(); ++at) {
    const char c = text[at];
    if (c == '"') {
      std::size_t end = at + 1;
      while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
      const bool is_key = !levels.empty() && levels.back().object && levels.back().expecting_key;
      if (is_key) {
        levels.back().key = std::string(text.substr(at + 1, std::min(end, offset) - at - 1));
        levels.back().expecting_key = false;
      }
      at = end;
    } else if (c == '{' || c == '[') {
      const std::string path = levels.empty() ? std::string() : member(levels.back());
      levels.push_back(Level{c == '{', path, {}, 0, c == '{'});
    } else if ((c == '}' || c == ']') && !levels.empty()) {
      levels.pop_back();
    } else if (c == ',' && !levels.empty()) {
      if (levels.back().object)
        levels.back().expecting_key = true;
      else
        ++levels.back().index;
    }
  }
  return levels.empty() ? std::string() : member(levels.back());
}

// Poco 1.11 hands a key to the handler as a C string, so a key escaping NUL ("a\u0000b")
// arrives cut ("a"). Such a key is found in the text (a string followed by ':') and named
// as it is written, escapes included: nothing raw is echoed.
std::optional<std::string> keyEscapingNul(std::string_view text) {
  if (text.find("\\u0000") == std::string_view::npos) return std::nullopt;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] != '"') continue;
    std::size_t end = at + 1;
    while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
    std::size_t next = end + 1;
    while (next < text.size() &&
           (text[next] == ' ' || text[next] == '\t' || text[next] == '\n' || text[next] == '\r')) {
      ++next;
    }
    const std::string_view written = text.substr(at + 1, std::min(end, text.size()) - at - 1);
    if (next < text.size() && text[next] == ':' && written.find("\\u0000") != std::string_view::npos) {
      return std::string(written);
    }
    at = end;
  }
  return std::nullopt;
}

// Builds the document as Poco's own handler does, and notes the first member that breaks
// a document-wide rule: a duplicate key, or a string with a control character or bad
// UTF-8. It never throws (an exception out of a handler would leave Poco's parser state
// unreleased); parseJsonObject throws once the parse is over.
class CheckingHandler : public Poco::JSON::ParseHandler {
 public:
  using Ptr = Poco::SharedPtr<CheckingHandler>;

  void reset() override {
    ParseHandler::reset();
    frames_.clear();
    failure_.reset();
  }

  void startObject() override {
    openFrame(true);
    ParseHandler::startObject();
  }
  void endObject() override {
    if (!frames_.empty()) frames_.pop_back();
    ParseHandler::endObject();
  }
  void startArray() override {
    openFrame(false);
    ParseHandler::startArray();
  }
  void endArray() override {
    if (!frames_.empty()) frames_.pop_back();
    ParseHandler::endArray();
  }

  void key(const std::string& k) override {
    if (!frames_.empty()) {
      Frame& frame = frames_.back();
      frame.key = k;
      checkString(k, memberPath(frame.path, k), "'s name");
      if (!frame.keys.insert(k).second) {
        note(Error(ErrorCode::kInvalidField, memberPath(frame.path, k) + " is given twice in one object",
                   memberPath(frame.path, k)));
      }
    }
    ParseHandler::key(k);
  }

  void value(const std::string& s) override {
    checkString(s, nextPath(), "");
    ParseHandler::value(s);
  }
  void value(int v) override {
    scalar([&] { ParseHandler::value(v); });
  }
  void value(unsigned v) override {
    scalar([&] { ParseHandler::value(v); });
  }
  void value(Poco::Int64 v) override {
    scalar([&] { ParseHandler::value(v); });
  }
  void value(Poco::UInt64 v) override {
    scalar([&] { ParseHandler::value(v); });
  }
  void value(double v) override {
    scalar([&] { ParseHandler::value(v); });
  }
  void value(bool v) override {
    scalar([&] { ParseHandler::value(v); });
  }
  void null() override {
    scalar([&] { ParseHandler::null(); });
  }

  const std::optional<Error>& failure() const { return failure_; }

 private:
  struct Frame {
    bool object = false;
    std::string path;
    std::string key;
    std::size_t index = 0;
    std::set<std::string> keys;
  };

  static std::string memberPath(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
  }

  // The path of the value arriving now; moves an array's index past it.
  std::string nextPath() {
    if (frames_.empty()) return {};
    Frame& frame = frames_.back();
    if (frame.object) return memberPath(frame.path, frame.key);
    return frame.path + "[" + std::to_string(frame.index++) + "]";
  }

  void openFrame(bool object) {
    Frame frame;
    frame.object = object;
    frame.path = nextPath();
    frames_.push_back(std::move(frame));
  }

  template <typename Deliver>
  void scalar(Deliver deliver) {
    nextPath();
    deliver();
  }

  void checkString(const std::string& text, const std::string& path, const std::string& what) {
    if (failure_) return;
    try {
      checkText(text, path.empty() ? "the body" : path + what, kAnyDocumentString, true);
    } catch (const Error& e) {
      note(Error(ErrorCode::kInvalidField, e.what(), path));
    }
  }

  void note(Error error) {
    if (!failure_) failure_.emplace(std::move(error));
  }

  std::vector<Frame> frames_;
  std::optional<Error> failure_;
};

[[noreturn]] void refuseMember(const std::string& path, const std::string& what) {
  throw Error(ErrorCode::kInvalidField, path + " " + what, path);
}

std::string knownList(std::initializer_list<std::string_view> known) {
  std::string list;
  for (std::string_view name : known) list += (list.empty() ? "" : ", ") + std::string(name);
  return list;
}

}  // namespace

Poco::JSON::Object::Ptr parseJsonObject(const std::string& body) {
  if (body.empty())
    throw Error(ErrorCode::kInvalidJson, "the request body must be a JSON object; it is empty");
  if (const std::size_t valid = validUtf8Prefix(body); valid != body.size()) {
    const std::string field = printable(pathAtOffset(body, valid), 200);
    if (field.empty()) {
      throw Error(ErrorCode::kInvalidJson,
                  "the request body is not valid UTF-8 (byte " + std::to_string(valid) + ")");
    }
    throw Error(ErrorCode::kInvalidField, field + " is not valid UTF-8 (byte " + std::to_string(valid) + ")",
                field);
  }
  if (const auto key = keyEscapingNul(body)) {
    const std::string field = printable(*key, 100);
    throw Error(ErrorCode::kInvalidField, "the member name " + field + " holds a NUL character", field);
  }
  CheckingHandler::Ptr handler = new CheckingHandler;
  Var parsed;
  try {
    Poco::JSON::Parser parser(handler);
    parser.setDepth(kMaxDepth);
    parsed = parser.parse(widenHugeIntegers(body));
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInvalidJson, "the request body is not valid JSON: " + printable(e.message()));
  }
  if (handler->failure()) throw *handler->failure();
  if (parsed.type() != typeid(Object::Ptr) || parsed.extract<Object::Ptr>().isNull()) {
    throw Error(ErrorCode::kInvalidJson, "the request body must be a JSON object");
  }
  return parsed.extract<Object::Ptr>();
}

JsonFields::JsonFields(Poco::JSON::Object::Ptr object, std::initializer_list<std::string_view> known,
                       std::string prefix)
    : object_(std::move(object)), prefix_(std::move(prefix)) {
  if (!object_) object_ = new Object;
  for (const auto& [name, member] : *object_) {
    bool listed = false;
    for (std::string_view candidate : known) listed = listed || candidate == name;
    if (!listed) {
      refuseMember(path(printable(name)), known.size() == 0
                                              ? "is not a field here: this object takes none"
                                              : "is not a field here; the fields are " + knownList(known));
    }
  }
}

std::string JsonFields::text(const std::string& name, TextLimit limit) const {
  if (!given(name)) refuseMember(path(name), "is required");
  return checkedText(object_->get(name), path(name), limit);
}

std::optional<std::string> JsonFields::optionalText(const std::string& name, TextLimit limit,
                                                    bool allow_blank) const {
  if (!given(name)) return std::nullopt;
  return checkedText(object_->get(name), path(name), limit, allow_blank);
}

std::int64_t JsonFields::integer(const std::string& name, IntegerRange range) const {
  if (!given(name)) refuseMember(path(name), "is required");
  return checkedInteger(object_->get(name), path(name), range);
}

std::optional<std::int64_t> JsonFields::optionalInteger(const std::string& name, IntegerRange range) const {
  if (!given(name)) return std::nullopt;
  return checkedInteger(object_->get(name), path(name), range);
}

std::optional<bool> JsonFields::optionalBool(const std::string& name) const {
  if (!given(name)) return std::nullopt;
  const Var value = object_->get(name);
  if (value.type() != typeid(bool)) refuseMember(path(name), "must be true or false");
  return value.extract<bool>();
}

bool JsonFields::boolean(const std::string& name) const {
  const auto value = optionalBool(name);
  if (!value) refuseMember(path(name), "is required: true or false");
  return *value;
}

std::optional<std::vector<std::string>> JsonFields::optionalTextArray(const std::string& name,
                                                                      TextLimit limit,
                                                                      std::size_t max_items) const {
  const auto array = freeArray(name, max_items);
  if (!array) return std::nullopt;
  std::vector<std::string> values;
  for (std::size_t i = 0; i < array->size(); ++i) {
    values.push_back(
        checkedText(array->get(static_cast<unsigned>(i)), path(name) + "[" + std::to_string(i) + "]", limit));
  }
  return values;
}

std::optional<std::vector<std::int64_t>> JsonFields::optionalIntegerArray(const std::string& name,
                                                                          IntegerRange range,
                                                                          std::size_t max_items) const {
  const auto array = freeArray(name, max_items);
  if (!array) return std::nullopt;
  std::vector<std::int64_t> values;
  for (std::size_t i = 0; i < array->size(); ++i) {
    values.push_back(checkedInteger(array->get(static_cast<unsigned>(i)),
                                    path(name) + "[" + std::to_string(i) + "]", range));
  }
  return values;
}

JsonFields JsonFields::object(const std::string& name, std::initializer_list<std::string_view> known,
                              bool optional) const {
  const auto nested = freeObject(name);
  if (!nested) {
    if (optional) return JsonFields(new Object, known, path(name));
    refuseMember(path(name), "is required");
  }
  return JsonFields(nested, known, path(name));
}

std::vector<JsonFields> JsonFields::objects(const std::string& name,
                                            std::initializer_list<std::string_view> known,
                                            std::size_t max_items) const {
  std::vector<JsonFields> items;
  const auto array = freeArray(name, max_items);
  if (!array) return items;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string at = path(name) + "[" + std::to_string(i) + "]";
    const Var item = array->get(static_cast<unsigned>(i));
    if (item.type() != typeid(Object::Ptr) || item.extract<Object::Ptr>().isNull()) {
      refuseMember(at, "must be an object");
    }
    items.emplace_back(item.extract<Object::Ptr>(), known, at);
  }
  return items;
}

Poco::JSON::Object::Ptr JsonFields::freeObject(const std::string& name) const {
  if (!given(name)) return nullptr;
  const Var value = object_->get(name);
  if (value.type() != typeid(Object::Ptr)) refuseMember(path(name), "must be an object");
  return value.extract<Object::Ptr>();
}

Poco::JSON::Array::Ptr JsonFields::freeArray(const std::string& name, std::size_t max_items) const {
  if (!given(name)) return nullptr;
  const Var value = object_->get(name);
  if (value.type() != typeid(Array::Ptr)) refuseMember(path(name), "must be an array");
  const auto array = value.extract<Array::Ptr>();
  if (array->size() > max_items) {
    refuseMember(path(name), "holds more than " + std::to_string(max_items) + " items");
  }
  return array;
}

Poco::Dynamic::Var JsonFields::value(const std::string& name) const {
  return given(name) ? object_->get(name) : Var();
}

}  // namespace cqpm::http
