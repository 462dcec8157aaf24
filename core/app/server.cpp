#include "app/server.h"

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Path.h>
#include <Poco/Thread.h>

#include <fstream>
#include <sstream>

#include "audit/platform_key.h"
#include "common/clock.h"
#include "common/file_text.h"
#include "deadlines/paris_time.h"
#include "demo/demo_deadlines.h"
#include "demo/demo_juries.h"
#include "demo/demo_seed.h"
#include "documents/evidence_guards.h"
#include "evaluation/evaluation_guards.h"
#include "files/vae_admissibility_guard.h"
#include "http/refusal_answer.h"
#include "http/routes.h"
#include "juries/jury_guards.h"
#include "opinion/opinion_guards.h"
#include "plugins/host_library.h"
#include "plugins/plugin_guards.h"
#include "plugins/plugin_loader.h"
#include "scheduler/housekeeping.h"
#include "store/migrations.h"
#include "store/notification_store.h"
#include "store/start_up_lock.h"
#include "workflow/core_guards.h"
#include "workflow/workflow_contract.h"

namespace cqpm::app {

Server::Server(ServerConfig config) : config_(std::move(config)) {
  Poco::Logger& log = Poco::Logger::get("server");
  data_folder_ = std::make_unique<DataFolder>(config_.data_dir);
  const auto url = store::DatabaseUrl::parse(config_.database_url, config_.data_dir);
  log.information("storage: %s", url.describe());
  store::DatabaseOptions database_options;
  database_options.max_write_sessions = static_cast<std::size_t>(config_.database_write_sessions);
  db_ = store::Database::open(url, database_options);
  // Until the end of construction: instances started together migrate and seed in turn.
  const store::StartUpLock start_up_lock(url);
  if (!store::hasAppliedMigrations(*db_)) {
    // A new database beside a folder that already holds data: the database was
    // lost, truncated or swapped. Guessing would re-seed over real records.
    if (const std::string held = data_folder_->heldData(); !held.empty() && !config_.adopt_data) {
      throw Error(ErrorCode::kInvalidConfiguration,
                  "the database (" + url.describe() + ") is empty but the data folder " + config_.data_dir +
                      " already holds " + held +
                      ": restore the database from a backup, or start once with --adopt-data to rebuild its "
                      "referential index from the folder",
                  "database");
    }
  }
  const auto applied =
      store::applyMigrations(*db_, store::embeddedMigrations(), systemClock());  // when it really ran
  if (!applied.empty()) log.information("applied %z migration(s)", applied.size());
  // Made at the first start, under the start-up lock: instances started together share one.
  signing_key_ = std::make_unique<audit::SigningKey>(audit::platformSigningKey(*db_, clock()));
  log.information("platform signing key: %s", signing_key_->publicKey().keyId());

  const Poco::Path share(config_.share_dir);
  // One plugin per CQPM: a refused plugin is reported (log, /readyz) and the
  // server goes on with the others.
  const std::string plugins_dir =
      config_.plugins_dir.empty() ? Poco::Path(share).append("plugins").toString() : config_.plugins_dir;
  const plugins::PluginLoader loader(Poco::Path(share).append("schemas").toString(),
                                     plugins::hostLibrarySource(), config_.sandbox_limits);
  auto loaded = loader.loadAll(plugins_dir);
  for (const auto& failure : loaded.failures) log.error("%s", failure.describe());
  plugins_ = std::make_unique<plugins::PluginCatalog>(std::move(loaded.plugins), std::move(loaded.failures));
  log.information("plugins: %z loaded from %s", plugins_->plugins().size(), plugins_dir);
  plugin_host_ = std::make_unique<plugins::PluginHost>(plugins::hostLibrarySource(), config_.sandbox_limits);
  // A file is judged under its pinned referential version, else the one in force, both
  // from the git store built below (before any request is served).
  plugin_rules_ = std::make_unique<plugins::PluginRules>(
      *plugins_, *plugin_host_, [this](const domain::CandidateFile& file) {
        const std::string commit =
            file.referential_commit ? *file.referential_commit : referentials_->current(file.cqpm).commit_id;
        return plugins::PinnedReferential{commit, referentials_->referentialAt(file.cqpm, commit),
                                          referentials_->modelAt(file.cqpm, commit)};
      });

  workflow::registerCoreGuards(guards_);
  plugins::registerPluginGuards(guards_, *plugin_rules_);
  opinion::registerOpinionGuards(guards_);
  files::registerVaeAdmissibilityGuard(guards_);
  documents::registerEvidenceGuards(guards_, *plugin_rules_);
  evaluation::registerEvaluationGuards(guards_, *plugin_rules_);
  juries::registerJuryGuards(guards_);
  definition_ = std::make_unique<workflow::WorkflowDefinition>(workflow::WorkflowDefinition::load(
      Poco::Path(share).append("workflows/candidate-file.json").toString(),
      Poco::Path(share).append("schemas/workflow.schema.json").toString(), guards_));
  workflow::checkWorkflowContract(*definition_, "workflows/candidate-file.json");
  deadlines::checkParisTimeZone();
  engine_ = std::make_unique<workflow::WorkflowEngine>(*definition_, guards_);

  // From here on referentials are served from the git store, never from the
  // plugin folders: each plugin's own referential only seeds version 1.
  std::vector<std::string> final_states;
  for (const auto& state : definition_->states()) {
    if (state.final) final_states.push_back(state.id);
  }
  referentials_ = std::make_unique<referentials::ReferentialService>(
      *db_, clock(), Poco::Path(config_.data_dir).append("referentials.git").toString(),
      JsonSchema::parse(
          readRequiredFile(Poco::Path(share).append("schemas/referential.schema.json").toString()),
          "referential.schema.json"),
      final_states);
  std::vector<referentials::ReferentialSeed> seeds;
  for (const auto& plugin : plugins_->plugins())
    seeds.push_back({plugin.id, plugin.title, plugin.referential});
  referentials_->bootstrap(seeds);
  referential_pins_ = std::make_unique<files::ReferentialPinService>(*db_, clock(), *referentials_);
  blobs_ =
      std::make_unique<documents::BlobStore>(Poco::Path(config_.data_dir).append("documents").toString());
  sniffer_ = std::make_unique<documents::TypeSniffer>();
  documents_ = std::make_unique<documents::DocumentService>(*db_, clock(), *blobs_, *sniffer_, final_states);
  if (!config_.antivirus.socket_path.empty())
    documents_->setScanner(std::make_unique<documents::ClamdScanner>(config_.antivirus));

  auth_ = std::make_unique<auth::AuthService>(
      *db_,
      auth::PasswordHasher(config_.password_cost,
                           std::make_shared<auth::HashingSlots>(config_.password_max_concurrent)),
      clock(), std::chrono::hours(config_.http.session_ttl_hours));
  admin::AccountLinkSettings links;
  links.public_base_url = config_.http.public_base_url;
  links.email_enabled = config_.smtp.enabled();
  account_links_ = std::make_unique<admin::AccountLinks>(*db_, auth_->hasher(), clock(), links);
  candidate_accounts_ = std::make_unique<admin::CandidateAccounts>(*account_links_);
  files_ = std::make_unique<files::CandidateFileService>(*db_, clock(), *engine_, *plugin_rules_,
                                                         *candidate_accounts_);
  corrections_ = std::make_unique<files::FileCorrectionService>(*db_, clock(), *plugin_rules_, final_states);
  transitions_ = std::make_unique<files::TransitionService>(*db_, clock(), *engine_, metrics_);
  modality_plans_ = std::make_unique<files::ModalityPlanService>(*db_, clock(), *plugin_rules_);
  opinions_ = std::make_unique<opinion::CompanyOpinionService>(*db_, clock(), *plugin_rules_);
  comments_ = std::make_unique<comments::CommentService>(*db_, clock(), *plugin_rules_);
  commissions_ = std::make_unique<evaluation::CommissionService>(*db_, clock());
  evaluations_ = std::make_unique<evaluation::EvaluationService>(*db_, clock(), *plugin_rules_);
  awards_ =
      std::make_unique<awards::AwardService>(*db_, config_.http.public_base_url, clock(), *signing_key_);

  wireDeadlinesAndNotifications(final_states);
  wireAdministration();
  transfers_ =
      std::make_unique<files::FileTransferService>(*db_, clock(), *notifications_, *plugins_, final_states);
  admissibility_ =
      std::make_unique<files::VaeAdmissibilityService>(*db_, clock(), *notifications_, *plugins_);
  outcome_proposer_ = std::make_unique<juries::OutcomeProposer>(*plugin_rules_);
  carry_over_ = std::make_unique<juries::CarryOverService>(*db_, clock(), *plugin_rules_);
  jury_sessions_ = std::make_unique<juries::JurySessionService>(*db_, *transitions_, *outcome_proposer_,
                                                                *notifications_, clock());
  jury_decisions_ = std::make_unique<juries::DecisionService>(*db_, clock(), *outcome_proposer_);
  jury_closing_ = std::make_unique<juries::SessionClosingService>(
      *db_, clock(), *transitions_, *plugin_rules_,
      [this](const domain::Actor& actor, const std::string& id) { return jury_sessions_->get(actor, id); });
  jury_documents_ = std::make_unique<juries::JuryDocuments>(*db_, clock(), *plugin_rules_);

  if (config_.demo) {
    demo_accounts_ =
        demo::seedDemo(*db_, *files_, *transitions_, *modality_plans_, *plugins_, auth_->hasher(), *opinions_,
                       *commissions_, *evaluations_, *admissibility_, *documents_, clock());
    // The demo's juries decide through their sessions, like anyone else.
    if (!demo_accounts_.empty())
      demo::seedJuryDemo(*db_, *jury_sessions_, *jury_decisions_, *jury_closing_,
                         deadlines::parisDateOf(clock()()));
    if (!demo_accounts_.empty()) demo::seedDeadlineDemo(*db_, *deadlines_);
  }

  readiness_ = std::make_unique<health::ReadinessService>(*db_, *referentials_, *documents_);
  todo_ = std::make_unique<todo::TodoService>(*db_, *definition_, *plugins_, clock());
  const archive::ArchiveSources archive_sources{*files_,          *modality_plans_, *evaluations_, *opinions_,
                                                *jury_decisions_, *plugin_rules_,   *plugins_,     *engine_};
  archives_ = std::make_unique<archive::FileArchiveService>(archive_sources, clock());
  files_as_of_ = std::make_unique<history::FileAsOfService>(*db_, archive_sources, clock());
  holder_reports_ =
      std::make_unique<accrochage::HolderReportService>(*db_, *plugin_rules_, *awards_, config_.accrochage);
  statistics_ = std::make_unique<statistics::StatisticsService>(*db_, *definition_, *plugins_, clock());
  if (!config_.sso_ca_file.empty() && !Poco::File(config_.sso_ca_file).isFile()) {
    throw Error(ErrorCode::kInvalidConfiguration, "cqpm.sso.ca_file: no file at " + config_.sso_ca_file);
  }
  provider_client_ = std::make_unique<sso::ProviderClient>(std::chrono::seconds(10), config_.sso_ca_file);
  single_sign_on_ = std::make_unique<sso::SingleSignOnService>(
      *db_, *auth_, *provider_client_, clock(), config_.http.public_base_url + "/api/v1/auth/sso/callback",
      config_.http.public_base_url + "/connexion");
  api_context_ = std::make_unique<http::ApiContext>(http::ApiContext{
      *auth_,           *files_,          *transitions_,      *modality_plans_, *engine_,
      *plugin_rules_,   *referentials_,   *referential_pins_, *documents_,      *commissions_,
      *evaluations_,    *opinions_,       *comments_,         metrics_,         config_.http,
      *deadlines_,      *notifications_,  *streams_,          *stream_pump_,    *file_streams_,
      *jury_sessions_,  *jury_decisions_, *jury_closing_,     *jury_documents_, *awards_,
      *organisations_,  *accounts_,       *account_links_,    *admin_log_,      *imports_,
      *corrections_,    *transfers_,      *admissibility_,    *carry_over_,     *readiness_,
      *todo_,           *archives_,       *statistics_,       *signing_key_,    clock(),
      *single_sign_on_, *files_as_of_,    *holder_reports_});
  router_ = std::make_unique<http::Router>(http::apiRoutes(*api_context_));
  static_files_ = std::make_unique<http::StaticFiles>(config_.http.web_root);
  if (config_.http.web_root.empty() ||
      !Poco::File(Poco::Path(config_.http.web_root).append("index.html")).exists()) {
    log.warning("no web front end at '%s': the API is served, the pages are not", config_.http.web_root);
  }
}

void Server::wireDeadlinesAndNotifications(const std::vector<std::string>& final_states) {
  retention_ = std::make_unique<retention::RetentionSweep>(
      *db_, config_.retention, final_states,
      std::vector<std::string>{workflow::states::kNotCertified, workflow::states::kWithdrawn});
  const Clock clock = this->clock();
  deadlines_ = std::make_unique<deadlines::DeadlineService>(*db_, clock, final_states);
  documents_->setReportGate([this](store::SqlSession& sql, const std::string& file_id) {
    deadlines_->requireReportOpen(sql, file_id);
  });
  notifications_ = std::make_unique<notifications::NotificationService>(*db_, clock, config_.smtp.enabled());
  notifier_ = std::make_unique<notifications::EventNotifier>(*db_, clock, *notifications_, *plugins_);
  reminders_ = std::make_unique<deadlines::ReportReminders>(*db_, *notifications_, *plugins_, final_states);
  streams_ = std::make_unique<live::StreamHub>(config_.max_streams, config_.max_streams_per_user);
  stream_pump_ = std::make_unique<live::StreamPump>(config_.http.stream_timing.poll);
  file_streams_ = std::make_unique<live::FileStreams>(*db_, *streams_);
  // A commit wakes the live streams of the files it changed: this instance's
  // commits directly, the other instances' through PostgreSQL's NOTIFY, which
  // also tells authentication of their changes to accounts and sessions (it
  // hears this instance's itself). After a lost connection, everything is redone.
  live::StreamPump& pump = *stream_pump_;
  auth::AuthService& auth = *auth_;
  stream_wakeups_ = db_->subscribe([&pump](const std::vector<std::string>& keys) { pump.wake(keys); });
  if (db_->dialect() == store::Dialect::kPostgres) {
    change_listener_ = std::make_unique<store::PostgresChangeListener>(
        db_->url().connection, db_->instanceId(),
        [&pump, &auth](const std::vector<std::string>& keys) {
          auth.noticeChanges(keys);
          pump.wake(keys);
        },
        [&pump, &auth] {
          auth.forgetKeptSessions();
          pump.wakeAll();
        });
  }

  const std::chrono::seconds every(std::max(1, config_.scheduler_interval_seconds));
  const std::chrono::milliseconds often(std::max(100, config_.notify_interval_ms));
  std::vector<scheduler::Task> tasks{
      {"report reminders", every, [this, clock] { reminders_->runOnce(clock()); }},
      {"notifications", often, [this] { notifier_->runOnce(); }},
      {"housekeeping", every, [this, clock] { scheduler::purgeExpired(*db_, clock()); }},
      {"retention", std::chrono::hours(1),
       [this, clock] {
         const auto round = retention_->runOnce(clock());
         if (round.files_anonymised > 0 || round.files_with_documents_purged > 0)
           Poco::Logger::get("retention")
               .information("retention policy: %Ld candidate(s) erased, %Ld document version(s) removed",
                            round.files_anonymised, round.document_versions_purged);
       }},
      {"document files", std::chrono::hours(1), [this] {
         if (const auto removed = scheduler::purgeDocumentFiles(*db_, *blobs_))
           Poco::Logger::get("documents")
               .information("housekeeping removed %z unreferenced file(s)", removed);
       }}};
  if (config_.smtp.enabled()) {
    mailer_ = std::make_unique<notifications::SmtpMailer>(config_.smtp);
    email_ = std::make_unique<notifications::EmailDispatcher>(*db_, *mailer_, config_.http.public_base_url);
    digests_ = std::make_unique<notifications::EmailDigests>(*db_, *mailer_, config_.http.public_base_url,
                                                             config_.digest_hour);
    tasks.push_back({"e-mail", often, [this, clock] { email_->runOnce(clock()); }});
    tasks.push_back({"e-mail digests", every, [this, clock] { digests_->runOnce(clock()); }});
    Poco::Logger::get("server").information("e-mail: notifications go out through %s:%d", config_.smtp.host,
                                            config_.smtp.port);
  }
  scheduler_ = std::make_unique<scheduler::Scheduler>(
      std::move(tasks),
      [this](const std::string& task, bool succeeded) { metrics_.recordSchedulerRun(task, succeeded); });
  metrics_.setProbe([this] {
    observability::Metrics::Readings readings;
    readings.open_streams = streams_->openStreams();
    const auto pool = db_->poolStats();
    readings.db_read_busy = pool.read_busy;
    readings.db_read_idle = pool.read_idle;
    readings.db_writer_queue = static_cast<double>(pool.writer_queue);
    const auto backlog =
        db_->read([](store::SqlSession& sql) { return store::notification_store::emailBacklog(sql); });
    readings.email_backlog = static_cast<double>(backlog.due);
    readings.email_retrying = static_cast<double>(backlog.retrying);
    return readings;
  });
}

void Server::wireAdministration() {
  // A deactivated account or organisation loses its open live streams at once
  // (other instances see the revoked sessions at their next check).
  organisations_ = std::make_unique<admin::OrganisationService>(
      *db_, clock(),
      [this](const std::string& organisation_id) { streams_->closeOrganisation(organisation_id); });
  accounts_ = std::make_unique<admin::AccountService>(
      *db_, clock(), *account_links_, [this](const std::string& user_id) { streams_->closeUser(user_id); });
  admin_log_ = std::make_unique<admin::AdminLogService>(*db_);
  imports_ = std::make_unique<imports::CandidateImportService>(*db_, *files_, *plugin_rules_, clock());
}

Clock Server::clock() const { return config_.clock ? config_.clock : systemClock(); }

Server::~Server() {
  if (http_server_) stop();
  // Nothing may wake the pump once it is gone.
  change_listener_.reset();
  stream_wakeups_.reset();
}

void Server::start() {
  request_handler_ =
      std::make_unique<http::RequestHandler>(*api_context_, *router_, *static_files_, draining_);
  const bool https = config_.http.public_base_url.starts_with("https://");
  const http::TrustedProxies proxies = config_.http.trusted_proxies;
  http_server_ = std::make_unique<net::HttpServer>(
      config_.bind, config_.port, config_.connections, *request_handler_,
      [https](const Error& error) { return http::refusalAnswer(error, https); },
      [proxies](const std::string& address) {
        Poco::Net::IPAddress ip;
        return Poco::Net::IPAddress::tryParse(address, ip) && proxies.trusts(ip);
      });
  stream_pump_->start();
  http_server_->start();
  if (config_.scheduler_enabled) scheduler_->start();
}

void Server::stop() {
  if (!http_server_) return;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(config_.drain_seconds);
  const auto waitForRequests = [this](std::chrono::steady_clock::time_point until) {
    while (http_server_->busyConnections() > 0 && std::chrono::steady_clock::now() < until) {
      Poco::Thread::sleep(20);
    }
  };
  draining_ = true;      // answers from now on close their connection
  scheduler_->stop();    // wakes it at once; waits for the task in progress
  streams_->shutdown();  // open streams end at the pump's next turn
  // Stop accepting and close the connections waiting for a request; requests
  // in progress complete (their transactions commit or roll back as a whole)
  // and answer Connection: close.
  http_server_->stopAccepting();
  waitForRequests(deadline);
  if (http_server_->busyConnections() > 0) {
    // Past the bound (a stuck upload, a slow reader of an answer): cut the
    // sockets so the workers serving them return, before systemd's SIGKILL.
    Poco::Logger::get("server").warning("%d request(s) still in flight after %d s: closing their connections",
                                        http_server_->busyConnections(), config_.drain_seconds);
    http_server_->cutBusyConnections();
    waitForRequests(std::chrono::steady_clock::now() + std::chrono::seconds(2));
  }
  http_server_->join();
  stream_pump_->stop();  // the streams' last log lines go through the request handler
  http_server_.reset();
  request_handler_.reset();
}

int Server::port() const { return http_server_ ? http_server_->port() : 0; }

}  // namespace cqpm::app
