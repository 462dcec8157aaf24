// The referential loader, as plugin folders and the referential store read a
// referential.json: parseJson(), the repository's schemas/referential.schema.json,
// then for a schema-valid one its typed model (parseReferential), the rules a
// schema cannot say (checkReferentialRules), the canonical JSON kept in git and the Markdown
// rendering published next to it.

#include <memory>

#include "common/file_text.h"
#include "common/json_schema.h"
#include "fuzz_support.h"
#include "referential_model/referential_rules.h"
#include "referentials/canonical_json.h"
#include "referentials/referential_markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cqpm::JsonSchema schema = cqpm::JsonSchema::parse(
      cqpm::readRequiredFile(cqpm::fuzz::sourceRoot() + "/schemas/referential.schema.json"),
      "referential.schema.json");
  const std::string text = cqpm::fuzz::asText(data, size);
  cqpm::fuzz::expectRefusals([&] {
    const Poco::Dynamic::Var document = cqpm::parseJson(text, "referential.json");
    if (!schema.validate(document).empty()) return;  // refused with the violations
    const auto referential = document.extract<Poco::JSON::Object::Ptr>();
    const auto model = cqpm::referential_model::parseReferential(referential);
    cqpm::referential_model::ReferentialCounts counts;
    if (cqpm::referential_model::checkReferentialRules(model, model.id, counts)) return;
    cqpm::referentials::canonicalReferentialJson(referential);
    cqpm::referentials::renderReferentialMarkdown(referential, "v1");
  });
  return 0;
}
