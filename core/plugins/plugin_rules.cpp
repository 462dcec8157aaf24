#include "plugins/plugin_rules.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "common/error.h"
#include "domain/bloc_scope.h"

namespace cqpm::plugins {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Poco::Dynamic::Var parsed(const std::string& json) { return Poco::JSON::Parser().parse(json); }

// Reads a hook's refusal ({field, message, message_fr, competency}) or nullopt for nil.
std::optional<workflow::Refusal> refusalOf(const Poco::Dynamic::Var& answer, const Plugin& plugin,
                                           const std::string& hook, ErrorCode code) {
  if (answer.isEmpty()) return std::nullopt;
  if (answer.type() != typeid(Object::Ptr)) {
    throw Error(ErrorCode::kPluginFailed,
                "plugin " + plugin.id + ", hook " + hook + ": a refusal must be a table");
  }
  const auto refusal = answer.extract<Object::Ptr>();
  workflow::Refusal result{code, refusal->optValue<std::string>("message", "refused by the CQPM's rules"),
                           refusal->optValue<std::string>("field", ""), new Object};
  if (refusal->has("competency")) result.details->set("competency", refusal->get("competency"));
  if (refusal->has("message_fr")) result.details->set("message_fr", refusal->get("message_fr"));
  result.details->set("plugin", plugin.id);
  return result;
}

Object::Ptr objectOf(const Poco::Dynamic::Var& answer, const Plugin& plugin, const std::string& hook) {
  if (answer.type() == typeid(Object::Ptr)) return answer.extract<Object::Ptr>();
  if (answer.type() == typeid(Array::Ptr)) {
    // A Lua table keyed 1..n reads as an array: key it by number again.
    const auto array = answer.extract<Array::Ptr>();
    Object::Ptr object = new Object;
    for (std::size_t i = 0; i < array->size(); ++i)
      object->set(std::to_string(i + 1), array->get(static_cast<unsigned>(i)));
    return object;
  }
  throw Error(ErrorCode::kPluginFailed, "plugin " + plugin.id + ", hook " + hook + ": expected a table");
}

}  // namespace

const Plugin& PluginRules::pluginFor(const std::string& cqpm) const {
  const Plugin* plugin = catalog_.find(cqpm);
  if (!plugin)
    throw Error(ErrorCode::kInvalidField, "cqpm '" + cqpm + "' is not a CQPM of this platform", "cqpm");
  return *plugin;
}

PinnedReferential PluginRules::pinned(const domain::CandidateFile& file) const {
  return source_ ? source_(file) : PinnedReferential{};
}

std::shared_ptr<const referential_model::Referential> PluginRules::referentialFor(
    const domain::CandidateFile& file) const {
  auto found = pinned(file);
  return found.model ? found.model : pluginFor(file.cqpm).model;
}

Object::Ptr PluginRules::context(const domain::CandidateFile& file, const domain::Actor* actor) const {
  Object::Ptr ctx = new Object;
  Object::Ptr f = new Object;
  f->set("id", file.id);
  f->set("cqpm", file.cqpm);
  f->set("pathway", std::string(domain::pathwayName(file.pathway)));
  f->set("state", file.state);
  Object::Ptr candidate = new Object;
  candidate->set("given_name", file.candidate.given_name);
  candidate->set("family_name", file.candidate.family_name);
  candidate->set("birth_date", file.candidate.birth_date);
  f->set("candidate", candidate);
  f->set("has_company", file.company_id.has_value());
  f->set("registration", parsed(file.registration_json));
  if (file.modality_plan_json) f->set("modality_plan", parsed(*file.modality_plan_json));
  if (file.bloc_scope_json != "{}") {
    // Some blocs only, or blocs carried over: the hooks plan and check the competencies left.
    const domain::BlocScope scope = domain::parseBlocScope(file.bloc_scope_json);
    Object::Ptr s = new Object;
    Array::Ptr targeted = new Array, carried = new Array, competencies = new Array;
    for (int bloc : scope.targeted) targeted->add(bloc);
    for (const auto& bloc : scope.carried_over) carried->add(bloc.bloc);
    for (const auto& number : domain::competenciesInScope(scope, *referentialFor(file)))
      competencies->add(number);
    s->set("targeted", targeted);
    s->set("carried_over", carried);
    s->set("competencies", competencies);
    f->set("scope", s);
  }
  ctx->set("file", f);
  if (actor) {
    Object::Ptr a = new Object;
    a->set("role", std::string(domain::roleName(actor->role)));
    if (actor->college) a->set("college", std::string(domain::collegeName(*actor->college)));
    a->set("organisation_id", actor->organisation_id);
    ctx->set("actor", a);
  }
  return ctx;
}

Array::Ptr PluginRules::registrationFields(const Plugin& plugin) {
  domain::CandidateFile none;
  none.cqpm = plugin.id;
  const auto answer = host_.callHook(plugin, "registration_fields", context(none, nullptr), pinned(none));
  if (answer.isEmpty()) return new Array;
  if (answer.type() != typeid(Array::Ptr)) {
    throw Error(ErrorCode::kPluginFailed,
                "plugin " + plugin.id + ", hook registration_fields: expected a list");
  }
  return answer.extract<Array::Ptr>();
}

std::optional<workflow::Refusal> PluginRules::checkRegistration(const domain::CandidateFile& file,
                                                                const domain::Actor& actor) {
  const Plugin& plugin = pluginFor(file.cqpm);
  return refusalOf(host_.callHook(plugin, "check_registration", context(file, &actor), pinned(file)), plugin,
                   "check_registration", ErrorCode::kGuardFailed);
}

Object::Ptr PluginRules::allowedModalities(const domain::CandidateFile& file) {
  const Plugin& plugin = pluginFor(file.cqpm);
  return objectOf(host_.callHook(plugin, "allowed_modalities", context(file, nullptr), pinned(file)), plugin,
                  "allowed_modalities");
}

Object::Ptr PluginRules::planFields(const domain::CandidateFile& file) {
  const Plugin& plugin = pluginFor(file.cqpm);
  return objectOf(host_.callHook(plugin, "plan_fields", context(file, nullptr), pinned(file)), plugin,
                  "plan_fields");
}

std::optional<workflow::Refusal> PluginRules::checkModalityPlan(const domain::CandidateFile& file,
                                                                const domain::Actor& actor,
                                                                const Array::Ptr& plan) {
  const Plugin& plugin = pluginFor(file.cqpm);
  auto ctx = context(file, &actor);
  ctx->set("plan", plan);
  return refusalOf(host_.callHook(plugin, "check_modality_plan", ctx, pinned(file)), plugin,
                   "check_modality_plan", ErrorCode::kGuardFailed);
}

std::optional<workflow::Refusal> PluginRules::checkEvaluationComplete(const domain::CandidateFile& file,
                                                                      const Object::Ptr& results) {
  const Plugin& plugin = pluginFor(file.cqpm);
  auto ctx = context(file, nullptr);
  ctx->set("results", results);
  return refusalOf(host_.callHook(plugin, "check_evaluation_complete", ctx, pinned(file)), plugin,
                   "check_evaluation_complete", ErrorCode::kGuardFailed);
}

std::optional<workflow::Refusal> PluginRules::checkEvidence(const domain::CandidateFile& file,
                                                            const Object::Ptr& documents) {
  const Plugin& plugin = pluginFor(file.cqpm);
  auto ctx = context(file, nullptr);
  ctx->set("documents", documents);
  return refusalOf(host_.callHook(plugin, "check_evidence", ctx, pinned(file)), plugin, "check_evidence",
                   ErrorCode::kGuardFailed);
}

Object::Ptr PluginRules::proposeOutcome(const domain::CandidateFile& file, const Object::Ptr& results) {
  const Plugin& plugin = pluginFor(file.cqpm);
  auto ctx = context(file, nullptr);
  ctx->set("results", results);
  return objectOf(host_.callHook(plugin, "propose_outcome", ctx, pinned(file)), plugin, "propose_outcome");
}

std::optional<workflow::Refusal> PluginRules::guard(const std::string& name,
                                                    const workflow::GuardContext& context_in) {
  const Plugin* plugin = catalog_.find(context_in.file.cqpm);
  if (!plugin || !plugin->guards.count(name)) return std::nullopt;
  auto ctx = context(context_in.file, &context_in.actor);
  ctx->set("payload", context_in.payload);
  return refusalOf(host_.callGuard(*plugin, name, ctx, pinned(context_in.file)), *plugin, "guard " + name,
                   ErrorCode::kGuardFailed);
}

}  // namespace cqpm::plugins
