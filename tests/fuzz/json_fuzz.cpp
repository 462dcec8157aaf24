// The JSON reader every handler uses: parseJsonObject() on a request body, then
// JsonFields reading a few typed members as a handler would (texts, integers,
// booleans, arrays, a nested object, an array of objects).

#include "fuzz_support.h"
#include "http/json_body.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using cqpm::http::JsonFields;
  const std::string body = cqpm::fuzz::asText(data, size);
  cqpm::fuzz::expectRefusals([&] {
    const JsonFields fields(
        cqpm::http::parseJsonObject(body),
        {"name", "place", "count", "flag", "tags", "blocs", "candidate", "items", "payload", "competency"});
    // Each reader on its own: a refusal of one must not hide the others.
    cqpm::fuzz::expectRefusals([&] { fields.optionalText("name", cqpm::TextLimit{.max_chars = 100}); });
    cqpm::fuzz::expectRefusals(
        [&] { fields.optionalText("place", cqpm::TextLimit{.max_chars = 200, .multi_line = true}, true); });
    cqpm::fuzz::expectRefusals([&] { fields.optionalInteger("count", cqpm::IntegerRange{0, 1000}); });
    cqpm::fuzz::expectRefusals([&] { fields.optionalBool("flag"); });
    cqpm::fuzz::expectRefusals(
        [&] { fields.optionalTextArray("tags", cqpm::TextLimit{.max_chars = 50}, 20); });
    cqpm::fuzz::expectRefusals([&] { fields.optionalIntegerArray("blocs", cqpm::IntegerRange{1, 20}, 20); });
    cqpm::fuzz::expectRefusals([&] {
      const JsonFields candidate = fields.object("candidate", {"email", "birth_date", "year"}, true);
      candidate.optionalText("email", cqpm::TextLimit{.max_chars = 254});
      candidate.integer("year", cqpm::IntegerRange{1900, 2100});
    });
    cqpm::fuzz::expectRefusals([&] {
      for (const JsonFields& item : fields.objects("items", {"number", "reason"}, 50)) {
        item.integer("number", cqpm::IntegerRange{1, 99});
        item.text("reason", cqpm::TextLimit{.max_chars = 2000, .multi_line = true});
      }
    });
    cqpm::fuzz::expectRefusals([&] { fields.freeObject("payload"); });
    cqpm::fuzz::expectRefusals([&] { fields.value("competency"); });
  });
  return 0;
}
