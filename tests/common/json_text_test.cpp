#include "common/json_text.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <gtest/gtest.h>

#include <limits>
#include <sstream>

// Every JSON answer goes through toJsonText, which writes the text itself for speed: it must write
// exactly what Poco's Stringifier writes, escaping included, or clients would see a different answer.

namespace cqpm {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string pocoText(const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(value, out);
  return out.str();
}

Object::Ptr awkwardObject() {
  Object::Ptr object = new Object;
  object->set("quote", std::string("say \"bonjour\" \\ now"));
  object->set("controls", std::string("tab\there\nline\r\b\f") + '\x01' + '\x1f');
  object->set("slash", std::string("a/b </script>"));
  object->set("accents", std::string("Élodie Nguyễn – l’œuvre 日本 😀"));
  object->set("empty", std::string());
  object->set("int", 42);
  object->set("negative", -7);
  object->set("int64", std::numeric_limits<Poco::Int64>::max());
  object->set("uint64", std::numeric_limits<Poco::UInt64>::max());
  object->set("double", 3.25);
  object->set("tiny", 1e-9);
  object->set("yes", true);
  object->set("no", false);
  object->set("null", Poco::Dynamic::Var());
  object->set("letter", 'x');
  object->set("empty_object", Object::Ptr(new Object));
  object->set("empty_array", Array::Ptr(new Array));
  Array::Ptr mixed = new Array;
  mixed->add(1);
  mixed->add(std::string("two"));
  mixed->add(Poco::Dynamic::Var());
  Object::Ptr inner = new Object;
  inner->set("b", 2);
  inner->set("a", Array::Ptr(new Array));
  mixed->add(inner);
  Array::Ptr nested = new Array;
  nested->add(false);
  mixed->add(nested);
  object->set("mixed", mixed);
  object->set("z-last", std::string("keys come sorted"));
  return object;
}

TEST(JsonTextTest, WritesWhatPocosStringifierWrites) {
  const Object::Ptr object = awkwardObject();
  EXPECT_EQ(toJsonText(object), pocoText(object));
  EXPECT_EQ(toJsonText(Poco::Dynamic::Var(object)), pocoText(object));
}

TEST(JsonTextTest, ParsedTextComesOutAsPocoWritesIt) {
  const std::string text =
      R"({"registration":{"habilitations":["B1V","H0B0"],"family":"acier","note":"l\u2019avis \"signé\"",)"
      R"("count":3,"ratio":0.5,"flag":true,"nothing":null},"bloc_scope":{"blocs":[1,2],"carried":[]}})";
  const Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(text);
  EXPECT_EQ(toJsonText(parsed), pocoText(parsed));
  const Poco::Dynamic::Var array = Poco::JSON::Parser().parse(R"([{"a":1},[],"x",null,-2.5e3])");
  EXPECT_EQ(toJsonText(array), pocoText(array));
}

TEST(JsonTextTest, ScalarsAndNullPointers) {
  EXPECT_EQ(toJsonText(Poco::Dynamic::Var(std::string("a\"b"))), R"("a\"b")");
  EXPECT_EQ(toJsonText(Poco::Dynamic::Var(12)), "12");
  EXPECT_EQ(toJsonText(Poco::Dynamic::Var()), "null");
  EXPECT_EQ(toJsonText(Object::Ptr()), "{}");
  // Poco's Stringifier dereferences a null member and throws; the writer says null.
  Object::Ptr object = new Object;
  object->set("company", Object::Ptr());
  object->set("items", Array::Ptr());
  EXPECT_EQ(toJsonText(object), R"({"company":null,"items":null})");
}

TEST(JsonTextTest, ObjectsHeldByValueAreWrittenToo) {
  Object object;
  object.set("k", std::string("v"));
  Array array;
  array.add(object);
  EXPECT_EQ(toJsonText(Poco::Dynamic::Var(array)), pocoText(Poco::Dynamic::Var(array)));
  EXPECT_EQ(toJsonText(Poco::Dynamic::Var(array)), R"([{"k":"v"}])");
}

TEST(JsonTextTest, StoredJsonIsWrittenAsItIs) {
  Object::Ptr object = new Object;
  object->set("registration", StoredJson{R"({"habilitations":["B1V"],"family":"acier"})"});
  object->set("bloc_scope", StoredJson{});
  Array::Ptr items = new Array;
  items->add(StoredJson{"[1,2]"});
  object->set("items", items);
  EXPECT_EQ(
      toJsonText(object),
      R"({"bloc_scope":null,"items":[[1,2]],"registration":{"habilitations":["B1V"],"family":"acier"}})");
}

}  // namespace
}  // namespace cqpm
