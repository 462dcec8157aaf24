#pragma once

#include <Poco/JSON/Object.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "referential_model/certification_identity.h"

namespace cqpm::referential_model {

/// The four groups of measurable and observable criteria of a competency, in
/// the referential's order (schemas/referential.schema.json).
struct Criteria {
  std::vector<std::string> methods;
  std::vector<std::string> means;
  std::vector<std::string> relations;
  std::vector<std::string> environment;

  /// The group named `name` ("methods", "means", "relations", "environment"), or null.
  const std::vector<std::string>* group(std::string_view name) const;
};

/// One competency: its number runs 1..N across the whole CQPM.
struct Competency {
  int number = 0;
  std::string title;
  std::vector<std::string> conditions;
  Criteria criteria;
  std::vector<std::string> expected_results;

  /// "3": how the API, the plugins and the stored grids key a competency.
  std::string key() const { return std::to_string(number); }
};

/// One bloc of competencies.
struct Bloc {
  std::optional<std::string> code;       ///< "BDC0198"; absent where the source prints none
  std::optional<std::string> rncp_code;  ///< "RNCP37854BC01", filled by the GTP
  std::string title;
  std::vector<std::string> knowledge;
  std::vector<Competency> competencies;
};

/// One activity of the job (1.1 of the referential).
struct Activity {
  std::string title;
  std::vector<std::string> description;
};

/// One evaluation modality the referential allows.
struct Modality {
  std::string id;     ///< "real_situation", ...
  std::string label;  ///< as printed ("ÉVALUATION EN SITUATION RÉELLE.")
  std::vector<std::string> description;
  std::vector<std::string> excluded_pathways;
  bool exceptional = false;
};

/// A referential document read once into records: everything C++ asks of a
/// referential. Immutable once parsed, shared between threads as
/// shared_ptr<const Referential>. Blocs are indexed from 1 where the API says
/// "bloc index" and from 0 in `blocs`.
struct Referential {
  std::string id;
  std::string title;
  CertificationIdentity identity;  ///< identity.title repeats `title`
  std::vector<Activity> activities;
  std::vector<Bloc> blocs;
  std::vector<Modality> modalities;

  /// The competency numbered `number`, or null (borrowed from this referential).
  const Competency* findCompetency(int number) const;
  /// The competency keyed exactly `key` ("3"; "03" finds none), or null.
  const Competency* findCompetency(std::string_view key) const;
  /// The 1-based index of the bloc holding competency `number`, or 0 when none does.
  std::size_t blocOf(int number) const;
  /// Every competency across the blocs, in document order (borrowed).
  std::vector<const Competency*> allCompetencies() const;
  /// The number of competencies across the blocs.
  std::size_t competencyCount() const;
  /// The modality `id`, or null (borrowed).
  const Modality* findModality(std::string_view id) const;
  /// How people name the bloc at 1-based `index`: its code, or "bloc 2" when it has none.
  std::string blocLabel(std::size_t index) const;
};

/// Reads a referential document (one that passed schemas/referential.schema.json,
/// or any JSON object). Absent optional members are empty; members the code needs
/// (id, title, blocs[i].title, competencies' number and title) are required.
/// Throws Error{kInvalidField} whose field is the JSON path of the first wrong
/// member ("blocs[1].competencies[0].number"). Pure.
Referential parseReferential(const Poco::JSON::Object::Ptr& document);

}  // namespace cqpm::referential_model
