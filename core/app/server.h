#pragma once

#include <Poco/Net/HTTPServer.h>

#include <memory>
#include <string>
#include <vector>

#include "app/server_config.h"
#include "auth/auth_service.h"
#include "documents/document_service.h"
#include "files/candidate_file_service.h"
#include "files/modality_plan_service.h"
#include "files/referential_pin_service.h"
#include "files/transition_service.h"
#include "git/libgit2_runtime.h"
#include "http/api_context.h"
#include "http/router.h"
#include "http/static_files.h"
#include "observability/metrics.h"
#include "plugins/plugin_catalog.h"
#include "plugins/plugin_host.h"
#include "plugins/plugin_rules.h"
#include "referentials/referential_service.h"
#include "store/database.h"
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
  const plugins::PluginCatalog& plugins() const { return *plugins_; }
  referentials::ReferentialService& referentials() { return *referentials_; }
  auth::AuthService& auth() { return *auth_; }
  const http::Router& router() const { return *router_; }

 private:
  ServerConfig config_;
  git::Libgit2Runtime libgit2_;  // before anything opens a repository
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
  std::unique_ptr<http::ApiContext> api_context_;
  std::unique_ptr<http::Router> router_;
  std::unique_ptr<http::StaticFiles> static_files_;
  std::unique_ptr<Poco::Net::HTTPServer> http_server_;
  std::vector<std::string> demo_accounts_;
};

}  // namespace cqpm::app
