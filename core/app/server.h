#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accrochage/holder_report_service.h"
#include "app/data_folder.h"
#include "app/server_config.h"
#include "archive/file_archive_service.h"
#include "audit/ed25519_key.h"
#include "auth/auth_service.h"
#include "awards/award_service.h"
#include "comments/comment_service.h"
#include "common/clock.h"
#include "deadlines/deadline_service.h"
#include "deadlines/report_reminders.h"
#include "documents/document_service.h"
#include "evaluation/commission_service.h"
#include "evaluation/evaluation_service.h"
#include "files/candidate_file_service.h"
#include "files/file_correction_service.h"
#include "files/modality_plan_service.h"
#include "files/referential_pin_service.h"
#include "files/transition_service.h"
#include "files/vae_admissibility_service.h"
#include "git/libgit2_runtime.h"
#include "history/file_as_of_service.h"
#include "http/api_context.h"
#include "http/request_handler.h"
#include "http/router.h"
#include "http/static_files.h"
#include "juries/carry_over_service.h"
#include "juries/decision_service.h"
#include "juries/jury_documents.h"
#include "juries/jury_session_service.h"
#include "juries/outcome_proposal.h"
#include "live/stream_hub.h"
#include "live/stream_pump.h"
#include "net/http_server.h"
#include "notifications/email_digests.h"
#include "notifications/email_dispatcher.h"
#include "notifications/event_notifier.h"
#include "notifications/notification_service.h"
#include "observability/metrics.h"
#include "opinion/company_opinion_service.h"
#include "plugins/plugin_catalog.h"
#include "plugins/plugin_host.h"
#include "plugins/plugin_rules.h"
#include "referentials/referential_service.h"
#include "retention/retention_sweep.h"
#include "scheduler/scheduler.h"
#include "sso/provider_client.h"
#include "sso/single_sign_on_service.h"
#include "statistics/statistics_service.h"
#include "store/database.h"
#include "store/postgres_change_listener.h"
#include "todo/todo_service.h"
#include "workflow/guard_registry.h"
#include "workflow/workflow_definition.h"
#include "workflow/workflow_engine.h"

namespace cqpm::app {

/// The composition root: builds every service of the server in order, owns
/// them, and runs the HTTP server over them. The only place where long-lived
/// objects are created and wired. Not copyable; start() once, stop() once.
class Server {
 public:
  /// Opens the database (applying migrations), loads and validates the
  /// workflow, and seeds the demo when asked. Throws Error with a message
  /// naming the fault when anything is wrong (the process must not start).
  explicit Server(ServerConfig config);
  ~Server();

  /// Starts listening; returns at once.
  void start();
  /// Stops accepting, lets requests in progress finish, closes connections.
  void stop();
  /// The port listened on (useful with port 0).
  int port() const;

  /// Demo accounts created by this start (empty if none were created).
  const std::vector<std::string>& demoAccountsCreated() const { return demo_accounts_; }

  store::Database& database() { return *db_; }
  files::CandidateFileService& files() { return *files_; }
  files::TransitionService& transitions() { return *transitions_; }
  files::ModalityPlanService& modalityPlans() { return *modality_plans_; }
  evaluation::CommissionService& commissions() { return *commissions_; }
  evaluation::EvaluationService& evaluations() { return *evaluations_; }
  opinion::CompanyOpinionService& opinions() { return *opinions_; }
  comments::CommentService& comments() { return *comments_; }
  const plugins::PluginCatalog& plugins() const { return *plugins_; }
  referentials::ReferentialService& referentials() { return *referentials_; }
  auth::AuthService& auth() { return *auth_; }
  admin::AccountLinks& accountLinks() { return *account_links_; }
  admin::AdminLogService& adminLog() { return *admin_log_; }
  imports::CandidateImportService& imports() { return *imports_; }
  const http::Router& router() const { return *router_; }
  deadlines::DeadlineService& deadlines() { return *deadlines_; }
  deadlines::ReportReminders& reminders() { return *reminders_; }
  notifications::EventNotifier& notifier() { return *notifier_; }
  notifications::NotificationService& notifications() { return *notifications_; }
  /// Null when no SMTP server is configured.
  notifications::EmailDispatcher* emailDispatcher() { return email_.get(); }
  /// The daily digests; null without SMTP.
  notifications::EmailDigests* emailDigests() { return digests_.get(); }
  live::StreamHub& streams() { return *streams_; }
  juries::JurySessionService& jurySessions() { return *jury_sessions_; }
  juries::DecisionService& juryDecisions() { return *jury_decisions_; }
  juries::SessionClosingService& juryClosing() { return *jury_closing_; }
  awards::AwardService& awards() { return *awards_; }
  todo::TodoService& todo() { return *todo_; }
  archive::FileArchiveService& archives() { return *archives_; }
  /// The retention policy's rounds (the scheduler runs one an hour).
  retention::RetentionSweep& retention() { return *retention_; }
  statistics::StatisticsService& statistics() { return *statistics_; }

 private:
  /// Deadlines, notifications, e-mail, live streams and the scheduler that drives them.
  void wireDeadlinesAndNotifications(const std::vector<std::string>& final_states);
  void wireAdministration();
  /// The one clock: the configured one (tests), else the system's.
  Clock clock() const;

  ServerConfig config_;
  std::unique_ptr<DataFolder> data_folder_;  // first taken, last released
  git::Libgit2Runtime libgit2_;              // before anything opens a repository
  observability::Metrics metrics_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<plugins::PluginCatalog> plugins_;
  std::unique_ptr<plugins::PluginHost> plugin_host_;
  std::unique_ptr<plugins::PluginRules> plugin_rules_;
  workflow::GuardRegistry guards_;
  std::unique_ptr<workflow::WorkflowDefinition> definition_;
  std::unique_ptr<workflow::WorkflowEngine> engine_;
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<files::CandidateFileService> files_;
  std::unique_ptr<files::TransitionService> transitions_;
  std::unique_ptr<files::ModalityPlanService> modality_plans_;
  std::unique_ptr<referentials::ReferentialService> referentials_;
  std::unique_ptr<files::ReferentialPinService> referential_pins_;
  std::unique_ptr<documents::BlobStore> blobs_;
  std::unique_ptr<documents::TypeSniffer> sniffer_;
  std::unique_ptr<documents::DocumentService> documents_;
  std::unique_ptr<evaluation::CommissionService> commissions_;
  std::unique_ptr<evaluation::EvaluationService> evaluations_;
  std::unique_ptr<opinion::CompanyOpinionService> opinions_;
  std::unique_ptr<comments::CommentService> comments_;
  std::unique_ptr<deadlines::DeadlineService> deadlines_;
  std::unique_ptr<notifications::NotificationService> notifications_;
  std::unique_ptr<notifications::EventNotifier> notifier_;
  std::unique_ptr<notifications::SmtpMailer> mailer_;
  std::unique_ptr<notifications::EmailDispatcher> email_;
  std::unique_ptr<notifications::EmailDigests> digests_;
  std::unique_ptr<deadlines::ReportReminders> reminders_;
  std::unique_ptr<live::StreamHub> streams_;
  std::unique_ptr<live::StreamPump> stream_pump_;
  std::optional<store::ChangeSubscription> stream_wakeups_;         // wakes stream_pump_: declared after it
  std::unique_ptr<store::PostgresChangeListener> change_listener_;  // wakes stream_pump_: declared after it
  std::unique_ptr<live::FileStreams> file_streams_;
  std::unique_ptr<health::ReadinessService> readiness_;
  std::unique_ptr<todo::TodoService> todo_;
  std::unique_ptr<archive::FileArchiveService> archives_;
  std::unique_ptr<history::FileAsOfService> files_as_of_;
  std::unique_ptr<accrochage::HolderReportService> holder_reports_;
  std::unique_ptr<retention::RetentionSweep> retention_;
  std::unique_ptr<statistics::StatisticsService> statistics_;
  std::unique_ptr<sso::ProviderClient> provider_client_;
  std::unique_ptr<sso::SingleSignOnService> single_sign_on_;
  std::unique_ptr<juries::OutcomeProposer> outcome_proposer_;
  std::unique_ptr<juries::JurySessionService> jury_sessions_;
  std::unique_ptr<juries::DecisionService> jury_decisions_;
  std::unique_ptr<juries::SessionClosingService> jury_closing_;
  std::unique_ptr<juries::JuryDocuments> jury_documents_;
  std::unique_ptr<awards::AwardService> awards_;
  std::unique_ptr<admin::AccountLinks> account_links_;
  std::unique_ptr<admin::CandidateAccounts> candidate_accounts_;
  std::unique_ptr<admin::OrganisationService> organisations_;
  std::unique_ptr<admin::AccountService> accounts_;
  std::unique_ptr<admin::AdminLogService> admin_log_;
  std::unique_ptr<imports::CandidateImportService> imports_;
  std::unique_ptr<files::FileCorrectionService> corrections_;
  std::unique_ptr<files::VaeAdmissibilityService> admissibility_;
  std::unique_ptr<juries::CarryOverService> carry_over_;
  std::unique_ptr<files::FileTransferService> transfers_;
  std::unique_ptr<scheduler::Scheduler> scheduler_;  // after what its tasks use: stopped before they go
  std::unique_ptr<audit::SigningKey> signing_key_;
  std::unique_ptr<http::ApiContext> api_context_;
  std::unique_ptr<http::Router> router_;
  std::unique_ptr<http::StaticFiles> static_files_;
  std::atomic<bool> draining_{false};  // read by every request handler: declared before the server
  std::unique_ptr<http::RequestHandler> request_handler_;
  std::unique_ptr<net::HttpServer> http_server_;
  std::vector<std::string> demo_accounts_;
};

}  // namespace cqpm::app
