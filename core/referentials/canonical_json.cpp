#include "referentials/canonical_json.h"

#include <Poco/JSON/Array.h>

#include <charconv>
#include <cmath>
#include <cstdint>

#include "common/error.h"
#include "referential_model/referential_fields.h"
#include "referentials/referential_keys.h"

namespace cqpm::referentials {

using referential_model::asArray;
using referential_model::asObject;
using referential_model::itemPath;
using referential_model::memberPath;

namespace {

using Poco::Dynamic::Var;

// Length of the UTF-8 sequence starting at text[at], or 0 when it is not a valid,
// shortest-form sequence of a scalar value (no surrogates, nothing above U+10FFFF).
std::size_t utf8SequenceLength(const std::string& text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  char32_t code = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  if ((length == 3 && code < 0x800) || (length == 4 && code < 0x10000)) return 0;
  if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return 0;
  return length;
}

void writeString(const std::string& text, const std::string& field, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t length = utf8SequenceLength(text, i);
    if (length == 0) throw Error(ErrorCode::kInvalidField, "Ce texte n'est pas de l'UTF-8 valide.", field);
    if (length > 1) {
      out.append(text, i, length);
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\b') {
      out += "\\b";
    } else if (c == '\f') {
      out += "\\f";
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    } else {
      out += static_cast<char>(c);
    }
    i += length;
  }
  out += '"';
}

void writeDouble(double value, const std::string& field, std::string& out) {
  if (!std::isfinite(value)) {
    throw Error(ErrorCode::kInvalidField, "Un nombre infini ou indéfini n'a pas de forme JSON.", field);
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, result.ptr);
  // Keep a fractional number fractional when read back ("2.0", not "2").
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  out += text;
}

class Writer {
 public:
  explicit Writer(bool known_order) : known_order_(known_order) {}

  void value(const Var& value, ObjectKind kind, const std::string& field, int depth, std::string& out) const {
    if (value.isEmpty()) {
      out += "null";
    } else if (auto object = asObject(value)) {
      writeObject(object, kind, field, depth, out);
    } else if (auto array = asArray(value)) {
      writeArray(array, kind, field, depth, out);
    } else if (value.type() == typeid(bool)) {
      out += value.extract<bool>() ? "true" : "false";
    } else if (value.isInteger()) {
      out += value.isSigned() ? std::to_string(value.convert<std::int64_t>())
                              : std::to_string(value.convert<std::uint64_t>());
    } else if (value.isNumeric()) {
      writeDouble(value.convert<double>(), field, out);
    } else if (value.isString()) {
      writeString(value.convert<std::string>(), field, out);
    } else {
      throw Error(ErrorCode::kInvalidField, "Cette valeur n'a pas de forme JSON.", field);
    }
  }

 private:
  static void newline(int depth, std::string& out) {
    out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
  }

  void writeObject(const Poco::JSON::Object::Ptr& object, ObjectKind kind, const std::string& field,
                   int depth, std::string& out) const {
    const auto keys = orderedKeys(object, known_order_ ? kind : ObjectKind::kOther);
    if (keys.empty()) {
      out += "{}";
      return;
    }
    out += '{';
    bool first = true;
    for (const auto& key : keys) {
      if (!first) out += ',';
      first = false;
      newline(depth + 1, out);
      const std::string child_field = memberPath(field, key);
      writeString(key, child_field, out);
      out += ": ";
      value(object->get(key), childKind(kind, key), child_field, depth + 1, out);
    }
    newline(depth, out);
    out += '}';
  }

  void writeArray(const Poco::JSON::Array::Ptr& array, ObjectKind item_kind, const std::string& field,
                  int depth, std::string& out) const {
    if (array->size() == 0) {
      out += "[]";
      return;
    }
    out += '[';
    for (std::size_t i = 0; i < array->size(); ++i) {
      if (i > 0) out += ',';
      newline(depth + 1, out);
      value(array->get(static_cast<unsigned>(i)), item_kind, itemPath(field, i), depth + 1, out);
    }
    newline(depth, out);
    out += ']';
  }

  bool known_order_;
};

}  // namespace

std::string canonicalReferentialJson(const Poco::JSON::Object::Ptr& referential) {
  if (!referential) throw Error(ErrorCode::kInvalidField, "Le référentiel est absent.");
  std::string out;
  Writer(true).value(Var(referential), ObjectKind::kReferential, "", 0, out);
  out += '\n';
  return out;
}

std::string canonicalJsonValue(const Poco::Dynamic::Var& value) {
  std::string out;
  Writer(false).value(value, ObjectKind::kOther, "", 0, out);
  return out;
}

}  // namespace cqpm::referentials
