#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "domain/actor.h"
#include "domain/candidate_file.h"
#include "plugins/plugin_catalog.h"
#include "plugins/plugin_host.h"
#include "workflow/guard.h"

namespace cqpm::plugins {

/// The CQPM rules as core asks for them: each call finds the file's plugin,
/// builds the hook's context and reads the answer back into core's types.
/// Core never knows a CQPM; it only knows these questions. Thread-safe.
class PluginRules {
 public:
  /// The referential a file is judged under: its pinned version, else the one in force.
  using ReferentialSource = std::function<PinnedReferential(const domain::CandidateFile&)>;

  /// `source` gives each file its referential (the git store's versions); it is
  /// first called once requests are served. Without one, every file is judged
  /// under its plugin's own referential. Borrows `catalog` and `host`.
  PluginRules(const PluginCatalog& catalog, PluginHost& host, ReferentialSource source = {})
      : catalog_(catalog), host_(host), source_(std::move(source)) {}

  /// The referential `file` is judged under, read into records (shared, immutable).
  std::shared_ptr<const referential_model::Referential> referentialFor(
      const domain::CandidateFile& file) const;

  /// The plugin of `cqpm`; Error{kInvalidField, "cqpm"} if there is none.
  const Plugin& pluginFor(const std::string& cqpm) const;

  /// The extra registration fields of the CQPM: [{id, label, type, required, choices?, help?}].
  Poco::JSON::Array::Ptr registrationFields(const Plugin& plugin);
  /// Refusal (field "registration.<id>") or nullopt when the file's registration is accepted.
  std::optional<workflow::Refusal> checkRegistration(const domain::CandidateFile& file,
                                                     const domain::Actor& actor);
  /// {"<competency number>": [modality ids]} allowed for this file.
  Poco::JSON::Object::Ptr allowedModalities(const domain::CandidateFile& file);
  /// {"<competency number>": [extra plan fields]} the CQPM's rules read from entry.details.
  Poco::JSON::Object::Ptr planFields(const domain::CandidateFile& file);
  /// Refusal naming the competency (field "competencies[i]...", details.competency) or nullopt.
  std::optional<workflow::Refusal> checkModalityPlan(const domain::CandidateFile& file,
                                                     const domain::Actor& actor,
                                                     const Poco::JSON::Array::Ptr& plan);
  /// Refusal (field "documents.report", ...) or nullopt when the evidence may be
  /// declared submitted. `documents`: the file's documents counted by kind {"report": 1}.
  std::optional<workflow::Refusal> checkEvidence(const domain::CandidateFile& file,
                                                 const Poco::JSON::Object::Ptr& documents);
  /// Refusal naming a competency not yet evaluated, or nullopt. `results`: {"1": "acquired", ...}.
  std::optional<workflow::Refusal> checkEvaluationComplete(const domain::CandidateFile& file,
                                                           const Poco::JSON::Object::Ptr& results);
  /// {outcome: certified|blocs_awarded|not_certified, blocs: [{index, code, title}]}.
  Poco::JSON::Object::Ptr proposeOutcome(const domain::CandidateFile& file,
                                         const Poco::JSON::Object::Ptr& results);
  /// A plugin's named transition guard; nullopt when the file's plugin has no such guard.
  std::optional<workflow::Refusal> guard(const std::string& name, const workflow::GuardContext& context);

  const PluginCatalog& catalog() const { return catalog_; }

 private:
  Poco::JSON::Object::Ptr context(const domain::CandidateFile& file, const domain::Actor* actor) const;
  PinnedReferential pinned(const domain::CandidateFile& file) const;

  const PluginCatalog& catalog_;
  PluginHost& host_;
  ReferentialSource source_;
};

}  // namespace cqpm::plugins
