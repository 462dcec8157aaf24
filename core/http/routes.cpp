#include "http/routes.h"

#include "http/handlers/account_handlers.h"
#include "http/handlers/accrochage_handlers.h"
#include "http/handlers/admissibility_handlers.h"
#include "http/handlers/archive_handlers.h"
#include "http/handlers/audit_handlers.h"
#include "http/handlers/auth_handlers.h"
#include "http/handlers/award_handlers.h"
#include "http/handlers/carry_over_handlers.h"
#include "http/handlers/catalog_handlers.h"
#include "http/handlers/comment_handlers.h"
#include "http/handlers/cqpm_handlers.h"
#include "http/handlers/deadline_handlers.h"
#include "http/handlers/document_handlers.h"
#include "http/handlers/evaluation_handlers.h"
#include "http/handlers/file_handlers.h"
#include "http/handlers/git_handlers.h"
#include "http/handlers/health_handlers.h"
#include "http/handlers/import_handlers.h"
#include "http/handlers/jury_handlers.h"
#include "http/handlers/notification_handlers.h"
#include "http/handlers/opinion_handlers.h"
#include "http/handlers/organisation_handlers.h"
#include "http/handlers/password_handlers.h"
#include "http/handlers/referential_handlers.h"
#include "http/handlers/sso_handlers.h"
#include "http/handlers/statistics_handlers.h"
#include "http/handlers/stream_handlers.h"
#include "http/handlers/todo_handlers.h"
#include "http/handlers/transfer_handlers.h"
#include "http/handlers/verification_handlers.h"

namespace cqpm::http {

std::vector<Route> apiRoutes(ApiContext& context) {
  using namespace handlers;
  using enum Access;
  auto bind = [&context](Response (*handler)(ApiContext&, Request&)) {
    return [&context, handler](Request& request) { return handler(context, request); };
  };
  // clang-format off
  return {
      {"GET",  "/healthz",                           kPublic,        bind(healthz)},
      {"GET",  "/readyz",                            kPublic,        bind(readyz)},
      {"GET",  "/metrics",                           kPublic,        bind(metrics)},
      // The key audit bundles are signed with, for auditors who check them offline.
      {"GET",  "/.well-known/jwks.json",             kPublic,        bind(platformKeys)},
      // Authenticated inside, with HTTP Basic for git clients: GTP auditors only.
      {"GET",  "/git/referentials.git/{path+}",      kPublic,        bind(serveGitRepository)},
      {"POST", "/api/v1/auth/login",                 kPublic,        bind(login)},
      // Single sign-on: the login page's choices, the way out to the provider and back.
      {"GET",  "/api/v1/auth/sso",                   kPublic,        bind(ssoChoices)},
      {"GET",  "/api/v1/auth/sso/callback",          kPublic,        bind(finishSso)},
      {"GET",  "/api/v1/auth/sso/{organisation_id}/start", kPublic,  bind(startSso)},
      {"POST", "/api/v1/auth/logout",                kAuthenticated, bind(logout)},
      {"GET",  "/api/v1/me",                         kAuthenticated, bind(me)},
      {"GET",  "/api/v1/me/todo",                    kAuthenticated, bind(myTodo)},
      {"GET",  "/api/v1/me/notification-settings",   kAuthenticated, bind(myNotificationSettings)},
      {"PUT",  "/api/v1/me/notification-settings",   kAuthenticated, bind(setMyNotificationSettings)},
      {"POST", "/api/v1/me/password",                kAuthenticated, bind(changeOwnPassword)},
      {"POST", "/api/v1/me/file-links/{token}",      kAuthenticated, bind(acceptFileLink)},
      // One-time links: whoever holds the token may set the password, and nothing more.
      {"GET",  "/api/v1/auth/invitations/{token}",   kPublic,        bind(inspectInvitation)},
      {"POST", "/api/v1/auth/invitations/{token}",   kPublic,        bind(acceptInvitation)},
      {"POST", "/api/v1/auth/password-resets",       kPublic,        bind(requestPasswordReset)},
      {"GET",  "/api/v1/auth/password-resets/{token}", kPublic,      bind(inspectPasswordReset)},
      {"POST", "/api/v1/auth/password-resets/{token}", kPublic,      bind(resetPassword)},
      // Administration: who may administer whom is access/policy's table, enforced in core/admin.
      {"GET",  "/api/v1/organisations",              kAuthenticated, bind(listOrganisations)},
      {"POST", "/api/v1/organisations",              kAuthenticated, bind(createOrganisation)},
      {"GET",  "/api/v1/organisations/{id}",         kAuthenticated, bind(getOrganisation)},
      {"PATCH", "/api/v1/organisations/{id}",        kAuthenticated, bind(updateOrganisation)},
      {"GET",  "/api/v1/organisations/{id}/sso",     kAuthenticated, bind(getSsoProvider)},
      {"PUT",  "/api/v1/organisations/{id}/sso",     kAuthenticated, bind(putSsoProvider)},
      {"DELETE", "/api/v1/organisations/{id}/sso",   kAuthenticated, bind(deleteSsoProvider)},
      {"GET",  "/api/v1/users",                      kAuthenticated, bind(listAccounts)},
      {"POST", "/api/v1/users",                      kAuthenticated, bind(createAccount)},
      {"GET",  "/api/v1/users/{id}",                 kAuthenticated, bind(getAccount)},
      {"PATCH", "/api/v1/users/{id}",                kAuthenticated, bind(updateAccount)},
      {"POST", "/api/v1/users/{id}/invitation",      kAuthenticated, bind(inviteAccount)},
      {"POST", "/api/v1/users/{id}/deactivation",    kAuthenticated, bind(deactivateAccount)},
      {"POST", "/api/v1/users/{id}/reactivation",    kAuthenticated, bind(reactivateAccount)},
      {"GET",  "/api/v1/admin/log",                  kAuthenticated, bind(adminLog)},
      {"GET",  "/api/v1/admin/log.csv",              kAuthenticated, bind(adminLogCsv)},
      {"GET",  "/api/v1/imports/candidates/template", kAuthenticated, bind(candidateImportTemplate)},
      {"POST", "/api/v1/imports/candidates",         kAuthenticated, bind(previewCandidateImport), false, "text/csv"},
      {"GET",  "/api/v1/imports/{id}",               kAuthenticated, bind(getCandidateImport)},
      {"POST", "/api/v1/imports/{id}/confirmation",  kAuthenticated, bind(confirmCandidateImport)},
      {"GET",  "/api/v1/workflows/{id}",             kAuthenticated, bind(workflowDefinition)},
      {"GET",  "/api/v1/statistics",                 kAuthenticated, bind(statistics)},
      {"GET",  "/api/v1/statistics/{series}",        kAuthenticated, bind(statisticsCsv)},
      {"POST", "/api/v1/files",                      kAuthenticated, bind(createFile)},
      {"GET",  "/api/v1/files",                      kAuthenticated, bind(listFiles)},
      {"GET",  "/api/v1/files.csv",                  kAuthenticated, bind(listFilesCsv)},
      {"GET",  "/api/v1/files/stats",                kAuthenticated, bind(fileStats)},
      {"GET",  "/api/v1/files/{id}",                 kAuthenticated, bind(getFile)},
      {"POST", "/api/v1/files/{id}/transitions",     kAuthenticated, bind(fireTransition)},
      {"POST", "/api/v1/files/{id}/corrections",     kAuthenticated, bind(correctFile)},
      {"GET",  "/api/v1/files/{id}/admissibility",   kAuthenticated, bind(getVaeAdmissibility)},
      {"GET",  "/api/v1/files/{id}/carry-over",      kAuthenticated, bind(getCarryOver)},
      {"PUT",  "/api/v1/files/{id}/carry-over",      kAuthenticated, bind(putCarryOver)},
      {"POST", "/api/v1/files/{id}/admissibility",   kAuthenticated, bind(decideVaeAdmissibility)},
      {"POST", "/api/v1/files/{id}/transfer",        kAuthenticated, bind(proposeFileTransfer)},
      {"GET",  "/api/v1/files/{id}/transfers",       kAuthenticated, bind(fileTransfers)},
      {"GET",  "/api/v1/transfers",                  kAuthenticated, bind(listTransfers)},
      {"GET",  "/api/v1/centres",                    kAuthenticated, bind(receivingCentres)},
      {"GET",  "/api/v1/transfers/{id}",             kAuthenticated, bind(getTransfer)},
      {"POST", "/api/v1/transfers/{id}/acceptance",  kAuthenticated, bind(acceptTransfer)},
      {"POST", "/api/v1/transfers/{id}/refusal",     kAuthenticated, bind(refuseTransfer)},
      {"POST", "/api/v1/transfers/{id}/cancellation", kAuthenticated, bind(cancelTransfer)},
      {"GET",  "/api/v1/files/{id}/events",          kAuthenticated, bind(fileEvents)},
      {"GET",  "/api/v1/files/{id}/stream",          kAuthenticated, bind(streamFileEvents)},
      {"GET",  "/api/v1/files/{id}/deadlines",       kAuthenticated, bind(listDeadlines)},
      {"PUT",  "/api/v1/files/{id}/deadlines/report", kAuthenticated, bind(setReportDeadline)},
      {"POST", "/api/v1/files/{id}/deadlines/report/extensions", kAuthenticated, bind(extendReportDeadline)},
      {"GET",  "/api/v1/notifications",              kAuthenticated, bind(listNotifications)},
      {"POST", "/api/v1/notifications/read-all",     kAuthenticated, bind(readAllNotifications)},
      {"POST", "/api/v1/notifications/{id}/read",    kAuthenticated, bind(readNotification)},
      {"GET",  "/api/v1/files/{id}/modalities",      kAuthenticated, bind(getModalityPlan)},
      {"PUT",  "/api/v1/files/{id}/modalities",      kAuthenticated, bind(putModalityPlan)},
      {"GET",  "/api/v1/files/{id}/documents",       kAuthenticated, bind(listDocuments)},
      {"POST", "/api/v1/files/{id}/documents",       kAuthenticated, bind(uploadDocument), true},
      {"POST", "/api/v1/documents/{doc}/versions",   kAuthenticated, bind(uploadDocumentVersion), true},
      {"GET",  "/api/v1/documents/{doc}/versions/{n}/content", kAuthenticated, bind(documentContent)},
      {"GET",  "/api/v1/files/{id}/commission",      kAuthenticated, bind(getCommission)},
      {"PUT",  "/api/v1/files/{id}/commission",      kAuthenticated, bind(putCommission)},
      {"GET",  "/api/v1/files/{id}/evaluation",      kAuthenticated, bind(getEvaluation)},
      {"PUT",  "/api/v1/files/{id}/evaluation/{competency}", kAuthenticated, bind(putCompetencyEvaluation)},
      {"POST", "/api/v1/files/{id}/evaluation/{competency}/signatures", kAuthenticated,
       bind(signCompetencyEvaluation)},
      {"GET",  "/api/v1/files/{id}/company-opinion", kAuthenticated, bind(getCompanyOpinion)},
      {"PUT",  "/api/v1/files/{id}/company-opinion", kAuthenticated, bind(putCompanyOpinion)},
      {"POST", "/api/v1/files/{id}/company-opinion/signature", kAuthenticated, bind(signCompanyOpinion)},
      {"GET",  "/api/v1/files/{id}/comments",        kAuthenticated, bind(listComments)},
      {"POST", "/api/v1/files/{id}/comments",        kAuthenticated, bind(addComment)},
      {"GET",  "/api/v1/files/{id}/referential",     kAuthenticated, bind(fileReferential)},
      {"POST", "/api/v1/files/{id}/referential",     kAuthenticated, bind(moveFileReferential)},
      {"GET",  "/api/v1/cqpms",                      kAuthenticated, bind(listCqpms)},
      {"GET",  "/api/v1/cqpms/{id}",                 kAuthenticated, bind(getCqpm)},
      {"GET",  "/api/v1/cqpms/{id}/versions",        kAuthenticated, bind(listReferentialVersions)},
      {"GET",  "/api/v1/cqpms/{id}/versions/{n}",    kAuthenticated, bind(getReferentialVersion)},
      {"GET",  "/api/v1/cqpms/{id}/versions/{n}/files", kAuthenticated, bind(pinnedFiles)},
      {"GET",  "/api/v1/cqpms/{id}/diff",            kAuthenticated, bind(referentialDiff)},
      {"GET",  "/api/v1/cqpms/{id}/blame",           kAuthenticated, bind(referentialBlame)},
      {"POST", "/api/v1/cqpms/{id}/proposals",       kAuthenticated, bind(proposeReferential)},
      {"GET",  "/api/v1/proposals",                  kAuthenticated, bind(listProposals)},
      {"GET",  "/api/v1/proposals/{n}",              kAuthenticated, bind(getProposal)},
      {"POST", "/api/v1/proposals/{n}/approve",      kAuthenticated, bind(approveProposal)},
      {"POST", "/api/v1/proposals/{n}/reject",       kAuthenticated, bind(rejectProposal)},
      {"POST", "/api/v1/proposals/{n}/publish",      kAuthenticated, bind(publishProposal)},
      {"POST", "/api/v1/jury-sessions",              kAuthenticated, bind(createJurySession)},
      {"GET",  "/api/v1/jury-sessions",              kAuthenticated, bind(listJurySessions)},
      {"GET",  "/api/v1/jury-sessions/{id}",         kAuthenticated, bind(getJurySession)},
      {"POST", "/api/v1/jury-sessions/{id}/members", kAuthenticated, bind(addJuryMember)},
      {"POST", "/api/v1/jury-sessions/{id}/members/{user}/attendance", kAuthenticated, bind(setJuryAttendance)},
      {"POST", "/api/v1/jury-sessions/{id}/files",   kAuthenticated, bind(addJuryFile)},
      {"POST", "/api/v1/jury-sessions/{id}/open",    kAuthenticated, bind(openJurySession)},
      {"POST", "/api/v1/jury-sessions/{id}/president", kAuthenticated, bind(designateJuryPresident)},
      {"POST", "/api/v1/jury-sessions/{id}/close",   kAuthenticated, bind(closeJurySession)},
      {"POST", "/api/v1/jury-sessions/{id}/signatures", kAuthenticated, bind(signJuryMinutes)},
      {"POST", "/api/v1/jury-sessions/{id}/publication", kAuthenticated, bind(publishJuryResults)},
      {"POST", "/api/v1/jury-sessions/{id}/errata",  kAuthenticated, bind(addJuryErratum)},
      {"GET",  "/api/v1/jury-sessions/{id}/files/{file}/proposal", kAuthenticated, bind(juryProposal)},
      {"POST", "/api/v1/jury-sessions/{id}/files/{file}/decision", kAuthenticated, bind(recordJuryDecision)},
      {"GET",  "/api/v1/jury-sessions/{id}/minutes.pdf", kAuthenticated, bind(juryMinutesPdf)},
      {"GET",  "/api/v1/jury-sessions/{id}/results.csv", kAuthenticated, bind(juryResultsCsv)},
      {"POST", "/api/v1/decisions/{id}/revocation",  kAuthenticated, bind(revokeJuryDecision)},
      {"GET",  "/api/v1/files/{id}/decisions",       kAuthenticated, bind(fileDecisions)},
      {"GET",  "/api/v1/files/{id}/archive.pdf",     kAuthenticated, bind(fileArchivePdf)},
      {"GET",  "/api/v1/files/{id}/audit",           kAuthenticated, bind(fileAudit)},
      {"GET",  "/api/v1/files/{id}/audit-bundle",    kAuthenticated, bind(fileAuditBundle)},
      {"GET",  "/api/v1/files/{id}/personal-data",   kAuthenticated, bind(personalDataExport)},
      {"GET",  "/api/v1/holders/accrochage",         kAuthenticated, bind(holderReport)},
      {"GET",  "/api/v1/holders/accrochage.xml",     kAuthenticated, bind(holderFlux)},
      {"GET",  "/api/v1/holders/accrochage.csv",     kAuthenticated, bind(holderCsv)},
      {"GET",  "/api/v1/awards/{id}/document.pdf",   kAuthenticated, bind(awardDocumentPdf)},
      {"GET",  "/api/v1/awards/{id}/credential.jwt", kAuthenticated, bind(awardCredential)},
      // Public: anyone holding a certificate's code may check it, and nothing more.
      {"GET",  "/api/v1/verify/{code}",              kPublic,        bind(verifyAward)},
      {"GET",  "/verify/{code}",                     kPublic,        bind(verifyAwardPage)},
  };
  // clang-format on
}

}  // namespace cqpm::http
