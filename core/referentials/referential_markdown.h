#pragma once

#include <Poco/JSON/Object.h>

#include <string>

namespace cqpm::referentials {

/// A French Markdown rendering of a referential, readable in any git viewer: title,
/// `version_label` and source document; mission and activities; work environment,
/// interactions and evolutions; one "## Bloc N — <code or « code non attribué »> — title"
/// section per bloc with its knowledge and, per competency, "### Compétence n — title",
/// its conditions, its criteria in four groups (Méthodes utilisées, Moyens utilisés,
/// Liens professionnels, Contraintes liées au milieu et à l'environnement de travail)
/// and its expected results; evaluation; modalities (marked "hors VAE" or "à titre
/// exceptionnel" where so); admissibility; notes. Texts are escaped with
/// markdown_escape.h; members the schema does not know are not rendered. Ends with one
/// newline. Pure and thread-safe.
/// Throws Error(kInvalidField, field = path) on a null referential or a member of the
/// wrong type.
std::string renderReferentialMarkdown(const Poco::JSON::Object::Ptr& referential,
                                      const std::string& version_label);

}  // namespace cqpm::referentials
