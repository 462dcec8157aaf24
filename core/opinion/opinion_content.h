#pragma once

#include <Poco/JSON/Object.h>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "opinion/referential_items.h"

namespace cqpm::opinion {

/// The company's possible opinions on an activity or a competency, with their
/// French labels, in the order forms show them.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kOpinionValues{{
    {"favourable", "Favorable"},
    {"reserved", "Réservé"},
    {"unfavourable", "Défavorable"},
}};

/// What the company says about one activity or competency.
struct OpinionAnswer {
  std::optional<std::string> value;  ///< one of kOpinionValues, or none yet (a draft)
  std::string comment;
};

/// The activities and competencies an opinion covers: those of the file's
/// pinned referential.
struct OpinionForm {
  std::vector<ReferentialItem> activities;
  std::vector<ReferentialItem> competencies;
};

/// The content of one version of an opinion, keyed like the form.
struct OpinionContent {
  std::map<std::string, OpinionAnswer> activities;
  std::map<std::string, OpinionAnswer> competencies;
  std::string text;
};

/// Reads a PUT body {activities: [{index, value, comment}], competencies:
/// [{number, value, comment}], text}; absent lists and entries leave answers
/// empty. Throws Error{kInvalidField} naming the field: "activities[0].index"
/// (not an activity of the form, or given twice), "activities.2.value",
/// "competencies.3.comment", "text".
OpinionContent parseOpinionRequest(const Poco::JSON::Object::Ptr& body, const OpinionForm& form);

/// The stored JSON text of `content`, and back. A stored text that is not an
/// object reads as an empty content.
std::string storedJson(const OpinionContent& content);
OpinionContent parseStoredJson(const std::string& json);

/// The first activity, then competency, without a value, as "activities.2" or
/// "competencies.3"; nullopt when the opinion is complete. `title` receives its title.
std::optional<std::string> firstMissing(const OpinionContent& content, const OpinionForm& form,
                                        std::string* title = nullptr);

}  // namespace cqpm::opinion
