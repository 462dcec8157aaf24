#include "notifications/role_notices.h"

#include <Poco/JSON/Parser.h>

#include "store/notice_source_store.h"

namespace cqpm::notifications {

namespace {

namespace sources = store::notice_source_store;

std::vector<std::string> evaluatorsOf(const std::string& payload_json) {
  std::vector<std::string> evaluators;
  const auto payload = Poco::JSON::Parser().parse(payload_json).extract<Poco::JSON::Object::Ptr>();
  if (const auto ids = payload ? payload->getArray("evaluators") : nullptr) {
    for (std::size_t i = 0; i < ids->size(); ++i) evaluators.push_back(ids->getElement<std::string>(i));
  }
  return evaluators;
}

// Colleges as the GTP's members name them.
std::string collegeInFrench(const std::string& college) {
  return college == "employer" ? "employeurs" : "salariés";
}

}  // namespace

ScanResult notifyCommissionMembers(store::SqlSession& sql, const NotificationService& notifications,
                                   const plugins::PluginCatalog& catalog, const std::string& since,
                                   const std::string& now, int limit) {
  ScanResult result;
  for (const auto& assignment : sources::commissionAssignmentsSince(sql, since, limit)) {
    const std::string who = assignment.candidate_name + " (" + catalog.titleOf(assignment.cqpm) + ")";
    for (const auto& evaluator : sources::activeUsersAmong(sql, evaluatorsOf(assignment.payload_json))) {
      // One key per file and evaluator: a commission formed again tells only newcomers.
      result.created += notifications.notify(
          sql, {evaluator},
          {"commission_member", assignment.file_id, "commission:" + assignment.file_id + ":" + evaluator,
           "Nouveau dossier à évaluer",
           "Vous faites partie de la commission d'évaluation du dossier de " + who +
               " : vous pouvez renseigner et signer sa grille d'évaluation."},
          now);
    }
    if (assignment.at > result.last_at) result.last_at = assignment.at;
  }
  return result;
}

ScanResult notifyCollegesAwaiting(store::SqlSession& sql, const NotificationService& notifications,
                                  const plugins::PluginCatalog& catalog, const std::string& since,
                                  const std::string& now, int limit) {
  ScanResult result;
  for (const auto& approval : sources::openProposalApprovalsSince(sql, since, limit)) {
    if (approval.approved_at > result.last_at) result.last_at = approval.approved_at;
    const auto colleges = sources::approvingColleges(sql, approval.proposal_id);
    if (colleges.size() != 1) continue;  // both approved: nobody is awaited any more
    const std::string awaited = colleges.front() == "employer" ? "employee" : "employer";
    const std::string id = std::to_string(approval.proposal_id);
    result.created += notifications.notify(
        sql, sources::gtpAuditorsOf(sql, awaited),
        {"proposal_awaiting_college", std::nullopt, "proposal:" + id + ":awaiting:" + awaited,
         "Proposition de référentiel en attente de votre collège",
         "Le collège " + collegeInFrench(colleges.front()) + " a approuvé la proposition n° " + id +
             " de modification du référentiel « " + catalog.titleOf(approval.cqpm) +
             " » : elle attend l'approbation du collège " + collegeInFrench(awaited) + ".",
         "/propositions/" + id},
        now);
  }
  return result;
}

ScanResult notifyPublishedVersions(store::SqlSession& sql, const NotificationService& notifications,
                                   const plugins::PluginCatalog& catalog, const std::string& since,
                                   const std::string& now, int limit) {
  ScanResult result;
  for (const auto& version : sources::versionsPublishedSince(sql, since, limit)) {
    if (version.published_at > result.last_at) result.last_at = version.published_at;
    if (version.number <= 1) continue;  // the plugin's own referential, not news
    const std::string number = std::to_string(version.number);
    result.created += notifications.notify(
        sql, sources::allCentreCoordinators(sql),
        {"referential_published", std::nullopt, "referential:" + version.cqpm + ":v" + number,
         "Nouvelle version de référentiel publiée",
         "La version " + number + " du référentiel du CQPM « " + catalog.titleOf(version.cqpm) +
             " » est publiée. Les dossiers déjà inscrits restent sur leur version ; les nouveaux dossiers "
             "suivent celle-ci.",
         "/cqpm/" + version.cqpm + "/versions/" + number},
        now);
  }
  return result;
}

}  // namespace cqpm::notifications
