#pragma once

#include <cstddef>
#include <string>

#include "auth/auth_service.h"
#include "documents/document_service.h"
#include "files/candidate_file_service.h"
#include "files/modality_plan_service.h"
#include "files/referential_pin_service.h"
#include "files/transition_service.h"
#include "observability/metrics.h"
#include "plugins/plugin_rules.h"
#include "referentials/referential_service.h"
#include "store/database.h"
#include "workflow/workflow_engine.h"

namespace cqpm::http {

/// HTTP settings, declared once here with their defaults.
struct HttpSettings {
  std::size_t max_body_bytes = std::size_t{1} << 20;         ///< larger bodies get 413 before they are read
  std::uint64_t max_upload_bytes = std::uint64_t{25} << 20;  ///< a document's limit (413)
  int request_deadline_seconds = 30;  ///< whole-body read deadline (Poco's timeout is per read)
  int session_ttl_hours = 12;
  bool secure_cookies = false;  ///< set Secure on the session cookie (behind TLS)
  std::string web_root;         ///< the built front end (web/dist); empty: no pages
};

/// What the handlers reach: the services of the composition root, borrowed.
/// Everything here outlives the HTTP server and is thread-safe.
struct ApiContext {
  store::Database& db;
  auth::AuthService& auth;
  files::CandidateFileService& files;
  files::TransitionService& transitions;
  files::ModalityPlanService& modality_plans;
  const workflow::WorkflowEngine& engine;
  plugins::PluginRules& rules;
  referentials::ReferentialService& referentials;
  files::ReferentialPinService& referential_pins;
  documents::DocumentService& documents;
  observability::Metrics& metrics;
  const HttpSettings& settings;
};

}  // namespace cqpm::http
