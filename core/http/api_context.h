#pragma once

#include <cstddef>
#include <string>

#include "accrochage/holder_report_service.h"
#include "admin/account_links.h"
#include "admin/account_service.h"
#include "admin/admin_log.h"
#include "admin/organisation_service.h"
#include "archive/file_archive_service.h"
#include "audit/ed25519_key.h"
#include "auth/auth_service.h"
#include "awards/award_service.h"
#include "comments/comment_service.h"
#include "common/clock.h"
#include "deadlines/deadline_service.h"
#include "documents/document_service.h"
#include "evaluation/commission_service.h"
#include "evaluation/evaluation_service.h"
#include "files/candidate_file_service.h"
#include "files/file_correction_service.h"
#include "files/file_transfer_service.h"
#include "files/modality_plan_service.h"
#include "files/referential_pin_service.h"
#include "files/transition_service.h"
#include "files/vae_admissibility_service.h"
#include "health/readiness_service.h"
#include "history/file_as_of_service.h"
#include "http/client_address.h"
#include "imports/candidate_import_service.h"
#include "juries/carry_over_service.h"
#include "juries/decision_service.h"
#include "juries/jury_documents.h"
#include "juries/jury_session_service.h"
#include "juries/session_closing_service.h"
#include "live/file_event_stream.h"
#include "live/file_streams.h"
#include "live/stream_hub.h"
#include "live/stream_pump.h"
#include "notifications/notification_service.h"
#include "observability/metrics.h"
#include "opinion/company_opinion_service.h"
#include "plugins/plugin_rules.h"
#include "referentials/referential_service.h"
#include "sso/single_sign_on_service.h"
#include "statistics/statistics_service.h"
#include "todo/todo_service.h"
#include "workflow/workflow_engine.h"

namespace cqpm::http {

/// HTTP settings, declared once here with their defaults.
struct HttpSettings {
  std::size_t max_body_bytes = std::size_t{1} << 20;         ///< larger bodies get 413 before they are read
  std::uint64_t max_upload_bytes = std::uint64_t{25} << 20;  ///< a document's limit (413)
  int request_deadline_seconds = 30;  ///< whole-body read deadline (Poco's timeout is per read)
  int session_ttl_hours = 12;
  bool secure_cookies = false;  ///< set Secure on the session cookie (behind TLS)
  /// Whose X-Forwarded-For / X-Real-IP give the client's address (logs, throttles).
  TrustedProxies trusted_proxies;
  std::string web_root;  ///< the built front end (web/dist); empty: no pages
  /// Where the public reaches this server: certificates print {public_base_url}/verify/{code}.
  std::string public_base_url = "http://localhost:8080";
  live::StreamTiming stream_timing;  ///< live streams: poll and keep-alive intervals
};

/// What the handlers reach: the services of the composition root, borrowed.
/// Everything here outlives the HTTP server and is thread-safe.
struct ApiContext {
  auth::AuthService& auth;
  files::CandidateFileService& files;
  files::TransitionService& transitions;
  files::ModalityPlanService& modality_plans;
  const workflow::WorkflowEngine& engine;
  plugins::PluginRules& rules;
  referentials::ReferentialService& referentials;
  files::ReferentialPinService& referential_pins;
  documents::DocumentService& documents;
  evaluation::CommissionService& commissions;
  evaluation::EvaluationService& evaluations;
  opinion::CompanyOpinionService& opinions;
  comments::CommentService& comments;
  observability::Metrics& metrics;
  const HttpSettings& settings;
  deadlines::DeadlineService& deadlines;
  notifications::NotificationService& notifications;
  live::StreamHub& streams;
  live::StreamPump& stream_pump;  ///< serves the open live streams, without a thread each
  live::FileStreams& file_streams;
  juries::JurySessionService& jury_sessions;
  juries::DecisionService& jury_decisions;
  juries::SessionClosingService& jury_closing;
  juries::JuryDocuments& jury_documents;
  awards::AwardService& awards;
  admin::OrganisationService& organisations;
  admin::AccountService& accounts;
  admin::AccountLinks& account_links;
  admin::AdminLogService& admin_log;
  imports::CandidateImportService& imports;
  files::FileCorrectionService& corrections;
  files::FileTransferService& transfers;
  files::VaeAdmissibilityService& admissibility;
  juries::CarryOverService& carry_over;
  health::ReadinessService& readiness;
  todo::TodoService& todo;
  archive::FileArchiveService& archives;
  statistics::StatisticsService& statistics;
  /// The platform's Ed25519 key (audit bundles), made at first start (audit/platform_key.h).
  const audit::SigningKey& signing_key;
  /// "Now" for handlers and presenters: the server's one clock (the overdue
  /// flag and filter agree with the deadline service).
  Clock clock;
  /// Logins through an organisation's OpenID provider.
  sso::SingleSignOnService& single_sign_on;
  /// A file as it stood at an earlier instant (GET /files/{id}?at=…).
  history::FileAsOfService& files_as_of;
  /// Certified holders for the Caisse des Dépôts' Accrochage service.
  accrochage::HolderReportService& holder_reports;
};

}  // namespace cqpm::http
