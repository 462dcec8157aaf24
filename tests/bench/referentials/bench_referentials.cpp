// Referentials in git, indexed in SQL: what publishing, diffing and listing
// versions cost, each beside a baseline measured in the same run.
//
// 1. Publish: ReferentialService::publish of N versions of the real `qualite`
//    referential (each proposed and approved by the two GTP colleges before
//    the clock), with fsync on as in production (Libgit2Runtime, SQLite
//    synchronous=FULL); baselines: the SQL insert of the index row alone, and
//    the git commit + tag alone with and without fsync.
// 2. Diff: diffReferentials between published versions and between large real
//    referentials, reading both from git and parsing them as the API does,
//    and the pure diff on parsed objects.
// 3. Listing: referential_version_store::listVersions over 10,000 indexed
//    versions, against walking 10,000 commits with libgit2.
// See tests/bench/README.md.
//
// Exit status: 0 when every step ran and every check held (and, with
// --enforce-targets, the targets were met); 1 otherwise; 2 for a bad command line.

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/UUIDGenerator.h>
#include <git2.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_support.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/file_text.h"
#include "common/json_schema.h"
#include "common/json_text.h"
#include "domain/actor.h"
#include "domain/organisation.h"
#include "domain/user_account.h"
#include "git/git_handles.h"
#include "git/libgit2_runtime.h"
#include "git/referential_repository.h"
#include "http/referential_presenters.h"
#include "plugins/host_library.h"
#include "plugins/plugin_catalog.h"
#include "plugins/plugin_loader.h"
#include "referentials/canonical_json.h"
#include "referentials/referential_diff.h"
#include "referentials/referential_markdown.h"
#include "referentials/referential_service.h"
#include "store/account_store.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/organisation_store.h"
#include "store/referential_version_store.h"

namespace cqpm::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;
using git::ReferentialRepository;
using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr const char* kCqpm = "qualite";                        // the largest real referential
constexpr const char* kOtherCqpm = "maintenance-industrielle";  // another real one, for a worst-case diff
constexpr const char* kMain = "refs/heads/main";
constexpr const char* kSqlBaselineCqpm = "bench-sql";  // rows of the SQL-only baseline
constexpr const char* kHistoryCqpm = "bench-history";  // the 10,000 indexed versions
constexpr const char* kHistoryRef = "refs/heads/history";
const ReferentialRepository::Author kBenchAuthor{"Bench Publisher", "bench@cqpm-hub.invalid"};

// Targets of the issue.
constexpr double kTargetPublishP99Ms = 50.0;
constexpr double kTargetDiffP99Ms = 100.0;

struct Options {
  int versions = 200;    // versions published (each timed)
  int history = 10000;   // versions indexed (and commits walked) for the listing
  int runs = 20;         // timed listings and walks
  int repeat = 100;      // timed diffs of each kind
  std::string data_dir;  // empty: a new temporary folder, removed at the end
  bool keep = false;
  bool quick = false;
  bool enforce_targets = false;
};

Options parseOptions(int argc, char** argv) {
  const BenchOptions args(
      argc, argv, "bench_referentials",
      {{"--versions", "N", "versions of qualite published, each timed (200; at least 2)"},
       {"--history", "N", "versions indexed in SQL and commits walked for the listing (10000)"},
       {"--runs", "N", "timed listings and walks (20)"},
       {"--repeat", "N", "timed diffs of each kind (100)"},
       {"--data", "DIR", "where the database and the repositories go (a new temporary folder)"},
       {"--keep", "", "keep the data folder at the end"},
       {"--quick", "", "smoke run: --versions 10 --history 1000 --runs 3 --repeat 5 (given values win)"},
       {"--enforce-targets", "", "exit 1 unless publish p99 < 50 ms and every diff p99 < 100 ms"}});
  Options options;
  options.quick = args.flag("--quick");
  options.versions = args.integer("--versions", options.quick ? 10 : options.versions);
  options.history = args.integer("--history", options.quick ? 1000 : options.history);
  options.runs = args.integer("--runs", options.quick ? 3 : options.runs);
  options.repeat = args.integer("--repeat", options.quick ? 5 : options.repeat);
  options.data_dir = args.text("--data");
  options.keep = args.flag("--keep");
  options.enforce_targets = args.flag("--enforce-targets");
  if (options.versions < 2) throw args.error("--versions needs at least 2 (the diff is v1 .. vN)");
  return options;
}

/// Latencies of one kind of operation, in microseconds.
struct Samples {
  std::vector<double> us;

  void add(SteadyClock::time_point start) {
    us.push_back(std::chrono::duration<double, std::micro>(SteadyClock::now() - start).count());
  }
  /// Nearest-rank percentile, in ms.
  double percentileMs(double p) const {
    if (us.empty()) return 0;
    std::vector<double> sorted = us;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1] / 1000.0;
  }
  double p50() const { return percentileMs(0.50); }
  double p99() const { return percentileMs(0.99); }
  double maxMs() const { return us.empty() ? 0 : *std::max_element(us.begin(), us.end()) / 1000.0; }
  double meanMs() const {
    double sum = 0;
    for (double v : us) sum += v;
    return us.empty() ? 0 : sum / static_cast<double>(us.size()) / 1000.0;
  }
};

void printSamples(const char* name, const Samples& samples) {
  std::printf("  %-22s n=%-5zu mean_ms=%8.3f p50_ms=%8.3f p99_ms=%8.3f max_ms=%8.3f\n", name,
              samples.us.size(), samples.meanMs(), samples.p50(), samples.p99(), samples.maxMs());
}

double ratio(double a, double b) { return b > 0 ? a / b : 0; }

/// A check that must hold; a failure ends the run with exit status 1.
void require(bool condition, const std::string& what) {
  if (!condition) throw std::runtime_error("check failed: " + what);
}

Object::Ptr parseObject(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
}

std::string newId() { return Poco::UUIDGenerator::defaultGenerator().createRandom().toString(); }

/// Turns fsync of the git directory on or off for the repositories opened
/// afterwards (libgit2 reads the global option when it opens the object
/// database and the refs of a repository). Libgit2Runtime turned it on.
void setGitFsync(bool on) {
  git::check(git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, on ? 1 : 0), "set GIT_OPT_ENABLE_FSYNC_GITDIR");
}

/// Every criterion of a referential, in document order, as (group array, index).
struct CriterionRef {
  Array::Ptr group;
  unsigned index;
};

std::vector<CriterionRef> criteriaOf(const Object::Ptr& referential) {
  std::vector<CriterionRef> found;
  const Array::Ptr blocs = referential->getArray("blocs");
  for (unsigned b = 0; b < blocs->size(); ++b) {
    const Array::Ptr competencies = blocs->getObject(b)->getArray("competencies");
    for (unsigned c = 0; c < competencies->size(); ++c) {
      const Object::Ptr criteria = competencies->getObject(c)->getObject("criteria");
      for (const char* name : {"methods", "means", "relations", "environment"}) {
        const Array::Ptr group = criteria->getArray(name);
        if (!group) continue;
        for (unsigned i = 0; i < group->size(); ++i) found.push_back({group, i});
      }
    }
  }
  return found;
}

/// Appends " (révision N)" to a criterion: a small rewording the diff pairs
/// as one "reworded" change.
void reword(CriterionRef criterion, const std::string& original, int revision) {
  criterion.group->set(criterion.index, original + " (révision " + std::to_string(revision) + ")");
}

/// Changes that are rewordings of a criterion.
std::size_t rewordedCriteria(const std::vector<referentials::Change>& changes) {
  return static_cast<std::size_t>(std::count_if(changes.begin(), changes.end(), [](const auto& change) {
    return change.kind == "criterion" && change.action == "reworded";
  }));
}

/// The two GTP auditors who propose and approve (one per college), in the database.
std::pair<domain::Actor, domain::Actor> seedAuditors(store::Database& db) {
  domain::Organisation gtp{newId(), domain::OrganisationKind::kGtp, "GTP Certifications"};
  std::vector<domain::Actor> actors;
  db.write([&](store::SqlSession& sql) {
    store::organisation_store::insert(sql, gtp, nowIso8601(systemClock()));
    for (const auto& [login, name, college] :
         {std::tuple{"gtp-employeur", "Marc Dubois", domain::College::kEmployer},
          std::tuple{"gtp-salarie", "Hélène Petit", domain::College::kEmployee}}) {
      domain::UserAccount user;
      user.id = newId();
      user.login = login;
      user.display_name = name;
      user.email = std::string(login) + "@exemple.fr";
      user.password_hash = "not-used";
      user.role = domain::Role::kGtpAuditor;
      user.college = college;
      user.organisation_id = gtp.id;
      store::account_store::insertUser(sql, user, nowIso8601(systemClock()));
      domain::Actor actor;
      actor.user_id = user.id;
      actor.login = user.login;
      actor.display_name = user.display_name;
      actor.email = user.email;
      actor.role = user.role;
      actor.college = user.college;
      actor.organisation_id = gtp.id;
      actor.organisation_name = gtp.name;
      actor.organisation_kind = gtp.kind;
      actors.push_back(actor);
    }
  });
  return {actors[0], actors[1]};
}

/// The workflow's final states, as the server passes them to ReferentialService.
std::vector<std::string> finalStates(const std::string& workflow_path) {
  std::vector<std::string> states;
  const Array::Ptr all = parseObject(readRequiredFile(workflow_path))->getArray("states");
  for (unsigned i = 0; i < all->size(); ++i) {
    const Object::Ptr state = all->getObject(i);
    if (state->has("final") && state->getValue<bool>("final"))
      states.push_back(state->getValue<std::string>("id"));
  }
  return states;
}

/// The git commit + tag of a publish alone, as ReferentialService::publish
/// makes them (content prepared beforehand): open, resolve main, commit the
/// JSON and the Markdown, tag.
std::string commitAndTag(const std::string& repository_path, const std::string& folder, int number,
                         const std::string& json, const std::string& markdown) {
  auto repository = ReferentialRepository::open(repository_path);
  const auto tip = repository.resolve(kMain);
  const std::string commit = repository.commitFiles(
      kMain, tip, {{folder + "/referential.json", json}, {folder + "/referential.md", markdown}},
      kBenchAuthor, folder + ": version " + std::to_string(number) + "\n\nBench.\n");
  repository.tag(folder + "/v" + std::to_string(number), commit, kBenchAuthor,
                 folder + ", version " + std::to_string(number));
  return commit;
}

struct PublishResult {
  Samples propose, approve, publish, sql, git_fsync, git_nofsync;
};

// ---------------------------------------------------------------------------
// 1. Publish

PublishResult benchPublish(const Options& options, store::Database& db,
                           referentials::ReferentialService& service, const domain::Actor& employer,
                           const domain::Actor& employee, const std::string& data_dir) {
  PublishResult result;
  const std::string fsync_repo = Poco::Path(data_dir).append("baseline-fsync.git").toString();
  const std::string nofsync_repo = Poco::Path(data_dir).append("baseline-nofsync.git").toString();
  ReferentialRepository::initialise(fsync_repo);
  ReferentialRepository::initialise(nofsync_repo);

  // A fresh copy of the real referential, reworded a little more at each version.
  const Object::Ptr referential = parseObject(
      readRequiredFile(std::string(CQPM_SOURCE_ROOT) + "/plugins/" + kCqpm + "/referential.json"));
  const auto criteria = criteriaOf(referential);
  require(!criteria.empty(), "qualite has criteria");
  std::vector<std::string> originals;
  for (const auto& criterion : criteria)
    originals.push_back(criterion.group->getElement<std::string>(criterion.index));
  const std::string approvers_json = R"([{"name":")" + employer.display_name + R"(","email":")" +
                                     employer.email + R"(","college":"employer"},{"name":")" +
                                     employee.display_name + R"(","email":")" + employee.email +
                                     R"(","college":"employee"}])";

  for (int i = 0; i < options.versions; ++i) {
    const int number = 2 + i;  // version 1 is the bootstrap
    // Version n rewords criterion (n - 2) modulo their count: every version differs from the last.
    const std::size_t which = static_cast<std::size_t>(i) % criteria.size();
    reword(criteria[which], originals[which], number);

    // Before the clock: the proposal (committed on refs/proposals/<id>) and the
    // second college's approval, as the GTP makes them over the API.
    auto start = SteadyClock::now();
    const auto proposal =
        service.propose(employer, kCqpm, referential,
                        "Reformulation d'un critère (bench, version " + std::to_string(number) + ").");
    result.propose.add(start);
    const std::int64_t id = proposal.proposal.id;
    start = SteadyClock::now();
    service.approve(employee, id);
    result.approve.add(start);

    // The publish, end to end: the API's call, returning the proposal's view.
    start = SteadyClock::now();
    const auto published = service.publish(employer, id);
    result.publish.add(start);
    require(published.proposal.state == "published", "proposal " + std::to_string(id) + " published");
    require(published.proposal.published_version == number,
            "proposal " + std::to_string(id) + " published as version " + std::to_string(number));

    // Baselines, each on its own: the SQL index row alone (Database::write, one
    // transaction, synchronous=FULL), then git's commit + tag alone, with fsync
    // (a second repository) and without (a third one).
    const std::string commit = service.version(kCqpm, number).commit_id;
    start = SteadyClock::now();
    db.write([&](store::SqlSession& sql) {
      store::referential_version_store::insertVersion(
          sql,
          {kSqlBaselineCqpm, number, commit, std::string(kSqlBaselineCqpm) + "/v" + std::to_string(number),
           employer.display_name, employer.email, nowIso8601(systemClock()),
           "Reformulation d'un critère (bench).", approvers_json});
    });
    result.sql.add(start);

    const std::string json = referentials::canonicalReferentialJson(referential);
    const std::string markdown =
        referentials::renderReferentialMarkdown(referential, "version " + std::to_string(number));
    start = SteadyClock::now();
    commitAndTag(fsync_repo, kCqpm, number, json, markdown);
    result.git_fsync.add(start);

    setGitFsync(false);
    start = SteadyClock::now();
    commitAndTag(nofsync_repo, kCqpm, number, json, markdown);
    result.git_nofsync.add(start);
    setGitFsync(true);
  }
  return result;
}

// ---------------------------------------------------------------------------
// 2. Diff

struct DiffCase {
  std::string name;
  Samples with_git;  // open, readFile x2, parse x2, diffReferentials, changesToJson
  Samples pure;      // diffReferentials on parsed objects
  std::size_t changes = 0;
  std::size_t reworded_criteria = 0;
};

/// Times reading two referentials from git and diffing them as the API does
/// (ReferentialService::diff without its cache: open the repository, read and
/// parse both files, diff, turn the changes into JSON), then the pure diff.
DiffCase benchDiff(const std::string& name, const std::string& repository_path,
                   const std::string& from_commit, const std::string& from_path, const std::string& to_commit,
                   const std::string& to_path, int repeat) {
  DiffCase result;
  result.name = name;
  for (int i = 0; i < repeat; ++i) {
    const auto start = SteadyClock::now();
    auto repository = ReferentialRepository::open(repository_path);
    const auto from_text = repository.readFile(from_commit, from_path);
    const auto to_text = repository.readFile(to_commit, to_path);
    require(from_text && to_text, name + ": both files in git");
    const Object::Ptr from = parseObject(*from_text);
    const Object::Ptr to = parseObject(*to_text);
    const auto changes = referentials::diffReferentials(from, to);
    const Array::Ptr json = http::changesToJson(changes);
    result.with_git.add(start);
    require(json->size() == changes.size(), name + ": one JSON item per change");
    result.changes = changes.size();
    result.reworded_criteria = rewordedCriteria(changes);
  }
  auto repository = ReferentialRepository::open(repository_path);
  const Object::Ptr from = parseObject(*repository.readFile(from_commit, from_path));
  const Object::Ptr to = parseObject(*repository.readFile(to_commit, to_path));
  for (int i = 0; i < repeat; ++i) {
    const auto start = SteadyClock::now();
    const auto changes = referentials::diffReferentials(from, to);
    result.pure.add(start);
    require(changes.size() == result.changes, name + ": the same changes every time");
  }
  return result;
}

struct DiffResult {
  std::vector<DiffCase> cases;
  Samples api_cached;  // ReferentialService::diff, referentials cached by the service
};

DiffResult benchDiffs(const Options& options, referentials::ReferentialService& service,
                      const std::string& data_dir) {
  DiffResult result;
  const int last = options.versions;  // v1 .. vN, N = --versions (v2 .. vN+1 were published)
  const auto v1 = service.version(kCqpm, 1);
  const auto vn = service.version(kCqpm, last);
  const std::string path = std::string(kCqpm) + "/referential.json";
  {
    auto diff = benchDiff("v1..v" + std::to_string(last), service.repositoryPath(), v1.commit_id, path,
                          vn.commit_id, path, options.repeat);
    // Versions 2..N each reworded criterion (n - 2) mod count: min(N - 1, count) criteria differ.
    const Object::Ptr original = parseObject(
        readRequiredFile(std::string(CQPM_SOURCE_ROOT) + "/plugins/" + kCqpm + "/referential.json"));
    const std::size_t expected =
        std::min<std::size_t>(static_cast<std::size_t>(last - 1), criteriaOf(original).size());
    require(diff.changes == expected && diff.reworded_criteria == expected,
            diff.name + ": " + std::to_string(expected) + " reworded criteria, got " +
                std::to_string(diff.reworded_criteria) + " of " + std::to_string(diff.changes) + " changes");
    result.cases.push_back(std::move(diff));
  }

  // Large real referentials, committed in a repository of their own: qualite
  // against a copy with 10 criteria reworded, and the worst case of two
  // different CQPMs' referentials (every list realigned).
  const std::string repository_path = Poco::Path(data_dir).append("diff.git").toString();
  ReferentialRepository::initialise(repository_path);
  const Object::Ptr qualite = parseObject(
      readRequiredFile(std::string(CQPM_SOURCE_ROOT) + "/plugins/" + kCqpm + "/referential.json"));
  const Object::Ptr other = parseObject(
      readRequiredFile(std::string(CQPM_SOURCE_ROOT) + "/plugins/" + kOtherCqpm + "/referential.json"));
  const std::string qualite_json = referentials::canonicalReferentialJson(qualite);
  const Object::Ptr reworded = parseObject(qualite_json);
  const auto criteria = criteriaOf(reworded);
  constexpr std::size_t kReworded = 10;
  require(criteria.size() >= kReworded, "qualite has at least 10 criteria");
  const std::size_t step = criteria.size() / kReworded;  // spread over the blocs
  for (std::size_t i = 0; i < kReworded; ++i) {
    const auto& criterion = criteria[i * step];
    reword(criterion, criterion.group->getElement<std::string>(criterion.index), static_cast<int>(i) + 1);
  }
  std::string base, changed, different;
  {
    auto repository = ReferentialRepository::open(repository_path);
    base = repository.commitFiles(kMain, std::nullopt,
                                  {{"a/referential.json", qualite_json},
                                   {"b/referential.json", referentials::canonicalReferentialJson(other)}},
                                  kBenchAuthor, "base\n");
    changed = repository.commitFiles(
        kMain, base, {{"a/referential.json", referentials::canonicalReferentialJson(reworded)}}, kBenchAuthor,
        "10 criteria reworded\n");
  }
  {
    auto diff = benchDiff(std::string(kCqpm) + "+10reworded", repository_path, base, "a/referential.json",
                          changed, "a/referential.json", options.repeat);
    require(diff.changes == kReworded && diff.reworded_criteria == kReworded,
            diff.name + ": 10 reworded criteria, got " + std::to_string(diff.reworded_criteria) + " of " +
                std::to_string(diff.changes) + " changes");
    result.cases.push_back(std::move(diff));
  }
  {
    auto diff = benchDiff(std::string(kOtherCqpm) + ".." + kCqpm, repository_path, base, "b/referential.json",
                          base, "a/referential.json", options.repeat);
    require(diff.changes > 0, diff.name + ": changes found");
    result.cases.push_back(std::move(diff));
  }

  // What GET .../diff costs once the service has both referentials in its
  // cache: the two SQL lookups, the diff, the JSON.
  for (int i = 0; i < options.repeat; ++i) {
    const auto start = SteadyClock::now();
    const Object::Ptr body = http::diffJson(service.diff(kCqpm, 1, last));
    result.api_cached.add(start);
    require(body->getArray("changes")->size() == result.cases.front().changes, "service diff: same changes");
  }
  return result;
}

// ---------------------------------------------------------------------------
// 3. Listing

struct ListResult {
  double commits_s = 0;  // making the history (fsync off)
  double index_s = 0;    // inserting the index rows (one transaction)
  Samples list;          // listVersions
  Samples select_into;   // the same SELECT into column vectors, without RecordSet (diagnostic)
  Samples revwalk;       // walk the commit ids
  Samples revwalk_read;  // walk, and read each commit's id, author, time and message
};

struct WalkedCommit {
  std::string id;
  std::string author_name;
  std::string author_email;
  std::int64_t time = 0;
  std::string message;
};

git::RepositoryPtr openRaw(const std::string& path) {
  git_repository* raw = nullptr;
  git::check(git_repository_open_bare(&raw, path.c_str()), "open repository");
  return git::RepositoryPtr(raw);
}

/// Makes `count` commits on kHistoryRef quickly (fsync off, one shared tree,
/// the ref moved once at the end), each with a publish's message; returns
/// their ids, oldest first.
std::vector<std::string> makeHistory(const std::string& path, int count) {
  ReferentialRepository::initialise(path);
  setGitFsync(false);
  std::vector<std::string> ids;
  try {
    // The first commit through ReferentialRepository, for a real tree.
    const Object::Ptr referential = parseObject(
        readRequiredFile(std::string(CQPM_SOURCE_ROOT) + "/plugins/" + kCqpm + "/referential.json"));
    std::string first;
    {
      auto repository = ReferentialRepository::open(path);
      first = repository.commitFiles(kHistoryRef, std::nullopt,
                                     {{std::string(kHistoryCqpm) + "/referential.json",
                                       referentials::canonicalReferentialJson(referential)}},
                                     kBenchAuthor, std::string(kHistoryCqpm) + ": version 1\n\nBench.\n");
    }
    ids.push_back(first);
    auto repository = openRaw(path);
    git_oid parent_id;
    git::check(git_oid_fromstr(&parent_id, first.c_str()), "parse commit id");
    git_commit* raw_parent = nullptr;
    git::check(git_commit_lookup(&raw_parent, repository.get(), &parent_id), "look up the first commit");
    git::CommitPtr parent(raw_parent);
    git_tree* raw_tree = nullptr;
    git::check(git_commit_tree(&raw_tree, parent.get()), "read the first tree");
    git::TreePtr tree(raw_tree);
    const git_time_t epoch = git_commit_time(parent.get());
    for (int number = 2; number <= count; ++number) {
      git_signature* raw_signature = nullptr;
      git::check(git_signature_new(&raw_signature, kBenchAuthor.name.c_str(), kBenchAuthor.email.c_str(),
                                   epoch + number, 0),
                 "make a signature");
      git::SignaturePtr signature(raw_signature);
      const std::string message =
          std::string(kHistoryCqpm) + ": version " + std::to_string(number) +
          "\n\nReformulation d'un critère (bench).\n\nProposal: " + std::to_string(number) +
          "\nApproved-by: Marc Dubois <gtp-employeur@exemple.fr> (employer)\n"
          "Approved-by: Hélène Petit <gtp-salarie@exemple.fr> (employee)\n";
      const git_commit* parents[] = {parent.get()};
      git_oid id;
      git::check(git_commit_create(&id, repository.get(), nullptr, signature.get(), signature.get(), nullptr,
                                   message.c_str(), tree.get(), 1, parents),
                 "create a commit");
      git_commit* raw_commit = nullptr;
      git::check(git_commit_lookup(&raw_commit, repository.get(), &id), "look up a new commit");
      parent.reset(raw_commit);
      char hex[GIT_OID_HEXSZ + 1];
      git_oid_tostr(hex, sizeof hex, &id);
      ids.emplace_back(hex);
    }
    git_reference* raw_ref = nullptr;
    git::check(git_reference_create(&raw_ref, repository.get(), kHistoryRef, git_commit_id(parent.get()), 1,
                                    "bench history"),
               "move the history ref");
    git_reference_free(raw_ref);
  } catch (...) {
    setGitFsync(true);
    throw;
  }
  setGitFsync(true);
  return ids;
}

/// Walks kHistoryRef from a newly opened repository (as a request would),
/// oldest first; with `read`, reads each commit's id, author, time and
/// message, what a listing of versions shows.
std::size_t walkHistory(const std::string& path, bool read, std::vector<WalkedCommit>& out) {
  out.clear();
  auto repository = openRaw(path);
  git_revwalk* raw_walk = nullptr;
  git::check(git_revwalk_new(&raw_walk, repository.get()), "make a revwalk");
  git::RevwalkPtr walk(raw_walk);
  git::check(git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE), "sort the revwalk");
  git::check(git_revwalk_push_ref(walk.get(), kHistoryRef), "push the history ref");
  git_oid id;
  std::size_t count = 0;
  int rc = 0;
  while ((rc = git_revwalk_next(&id, walk.get())) == 0) {
    ++count;
    if (!read) continue;
    git_commit* raw_commit = nullptr;
    git::check(git_commit_lookup(&raw_commit, repository.get(), &id), "look up a walked commit");
    git::CommitPtr commit(raw_commit);
    const git_signature* author = git_commit_author(commit.get());
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &id);
    out.push_back({hex, author->name, author->email, static_cast<std::int64_t>(author->when.time),
                   git_commit_message(commit.get())});
  }
  if (rc != GIT_ITEROVER) git::check(rc, "walk the history");
  return count;
}

ListResult benchList(const Options& options, store::Database& db, const std::string& data_dir) {
  ListResult result;
  const std::string path = Poco::Path(data_dir).append("history.git").toString();
  auto start = SteadyClock::now();
  const auto ids = makeHistory(path, options.history);
  result.commits_s = std::chrono::duration<double>(SteadyClock::now() - start).count();
  require(static_cast<int>(ids.size()) == options.history, "history made");

  start = SteadyClock::now();
  db.write([&](store::SqlSession& sql) {
    for (int number = 1; number <= options.history; ++number) {
      store::referential_version_store::insertVersion(
          sql, {kHistoryCqpm, number, ids[static_cast<std::size_t>(number - 1)],
                std::string(kHistoryCqpm) + "/v" + std::to_string(number), "Marc Dubois",
                "gtp-employeur@exemple.fr", nowIso8601(systemClock()), "Reformulation d'un critère (bench).",
                R"([{"name":"Marc Dubois","email":"gtp-employeur@exemple.fr","college":"employer"},)"
                R"({"name":"Hélène Petit","email":"gtp-salarie@exemple.fr","college":"employee"}])"});
    }
  });
  result.index_s = std::chrono::duration<double>(SteadyClock::now() - start).count();

  const auto expected = static_cast<std::size_t>(options.history);
  std::vector<WalkedCommit> walked;
  for (int run = 0; run < options.runs; ++run) {
    start = SteadyClock::now();
    const auto versions = db.read([&](store::SqlSession& sql) {
      return store::referential_version_store::listVersions(sql, kHistoryCqpm);
    });
    result.list.add(start);
    require(versions.size() == expected && versions.front().number == 1 &&
                versions.back().number == options.history && versions.back().commit_id == ids.back(),
            "listVersions returns the " + std::to_string(expected) + " versions in order");

    // The same query read straight into column vectors (no RecordSet, no
    // Dynamic::Var per cell): what the database itself costs.
    start = SteadyClock::now();
    const std::size_t selected = db.read([&](store::SqlSession& sql) {
      std::string key = kHistoryCqpm;
      std::vector<std::string> cqpms, commits, tags, names, emails, dates, reasons, approvers;
      std::vector<Poco::Int64> numbers;
      using Poco::Data::Keywords::into;
      using Poco::Data::Keywords::use;
      auto stmt = sql.statement(
          "SELECT cqpm, number, commit_id, tag, author_name, author_email, published_at, reason, approvers "
          "FROM referential_versions WHERE cqpm = ? ORDER BY number");
      stmt, into(cqpms), into(numbers), into(commits), into(tags), into(names), into(emails), into(dates),
          into(reasons), into(approvers), use(key);
      stmt.execute();
      return numbers.size();
    });
    result.select_into.add(start);
    require(selected == expected, "the SELECT into vectors returns " + std::to_string(expected) + " rows");

    start = SteadyClock::now();
    const std::size_t count = walkHistory(path, false, walked);
    result.revwalk.add(start);
    require(count == expected, "the revwalk sees " + std::to_string(expected) + " commits");

    start = SteadyClock::now();
    walkHistory(path, true, walked);
    result.revwalk_read.add(start);
    require(walked.size() == expected && walked.front().id == ids.front() && walked.back().id == ids.back(),
            "the revwalk reads the " + std::to_string(expected) + " commits, oldest first");
  }
  return result;
}

// ---------------------------------------------------------------------------

int run(const Options& options) {
  const bool temporary = options.data_dir.empty();
  const std::string data_dir =
      temporary ? Poco::TemporaryFile::tempName(Poco::Path::temp()) + "-cqpm-bench-referentials"
                : options.data_dir;
  Poco::File(data_dir).createDirectories();
  Poco::Logger::root().setLevel(Poco::Message::PRIO_WARNING);  // bootstrap's notices

  int status = 0;
  try {
    const git::Libgit2Runtime runtime;  // fsync of the git directory on, as in production
    auto db = store::Database::open(store::DatabaseUrl::parse("", data_dir));
    store::applyMigrations(*db, store::embeddedMigrations(), systemClock());
    const std::string durability = durabilityOf(*db);
    const auto [employer, employee] = seedAuditors(*db);

    const std::string root = CQPM_SOURCE_ROOT;
    const plugins::PluginLoader loader(root + "/schemas", plugins::hostLibrarySource());
    auto loaded = loader.loadAll(root + "/plugins");
    for (const auto& failure : loaded.failures)
      std::fprintf(stderr, "plugin refused: %s\n", failure.describe().c_str());
    require(loaded.failures.empty(), "every plugin loads");
    const plugins::PluginCatalog catalog(std::move(loaded.plugins), {});
    require(catalog.find(kCqpm) != nullptr && catalog.find(kOtherCqpm) != nullptr,
            "qualite and maintenance-industrielle installed");
    referentials::ReferentialService service(
        *db, systemClock(), Poco::Path(data_dir).append("referentials.git").toString(),
        JsonSchema::parse(readRequiredFile(root + "/schemas/referential.schema.json"),
                          "referential.schema.json"),
        finalStates(root + "/workflows/candidate-file.json"));
    std::vector<referentials::ReferentialSeed> seeds;
    for (const auto& plugin : catalog.plugins())
      seeds.push_back({plugin.id, plugin.title, plugin.referential});
    service.bootstrap(seeds);

    std::printf("bench_referentials: %d versions published, diffs x%d, listing %d versions x%d runs%s\n",
                options.versions, options.repeat, options.history, options.runs,
                options.quick ? " (quick)" : "");
    std::printf("data: %s; %s; git fsync on (GIT_OPT_ENABLE_FSYNC_GITDIR) except where said\n",
                data_dir.c_str(), durability.c_str());
    std::fflush(stdout);

    // 1. Publish.
    const PublishResult publish = benchPublish(options, *db, service, employer, employee, data_dir);
    std::printf(
        "\n1. publish %d versions of %s (v2..v%d), each timed; proposal and approval before the clock\n",
        options.versions, kCqpm, options.versions + 1);
    printSamples("publish", publish.publish);
    printSamples("sql_insert (baseline)", publish.sql);
    printSamples("git_commit_tag_fsync", publish.git_fsync);
    printSamples("git_commit_tag_nofsync", publish.git_nofsync);
    printSamples("(propose)", publish.propose);
    printSamples("(approve)", publish.approve);
    const double durable_p50 = publish.sql.p50() + publish.git_fsync.p50();
    std::printf(
        "  publish_p50 / (sql_p50 + git_fsync_p50) = %.2f; git fsync / no fsync (p50) = %.2f "
        "(fsync costs %.2f ms per commit + tag)\n",
        ratio(publish.publish.p50(), durable_p50), ratio(publish.git_fsync.p50(), publish.git_nofsync.p50()),
        publish.git_fsync.p50() - publish.git_nofsync.p50());
    std::fflush(stdout);

    // 2. Diff.
    const DiffResult diffs = benchDiffs(options, service, data_dir);
    std::printf(
        "\n2. diff, %d times each: git = open + readFile x2 + parse x2 + diff + changesToJson; pure = "
        "diffReferentials alone\n",
        options.repeat);
    double diff_p99 = 0;
    for (const auto& diff : diffs.cases) {
      std::printf("  %s: %zu changes (%zu reworded criteria)\n", diff.name.c_str(), diff.changes,
                  diff.reworded_criteria);
      printSamples("git+parse+diff", diff.with_git);
      printSamples("pure diff", diff.pure);
      std::printf("  %-22s %.2f\n", "git+parse / pure", ratio(diff.with_git.meanMs(), diff.pure.meanMs()));
      diff_p99 = std::max(diff_p99, diff.with_git.p99());
    }
    printSamples("service.diff (cached)", diffs.api_cached);
    std::fflush(stdout);

    // 3. Listing.
    const ListResult list = benchList(options, *db, data_dir);
    std::printf(
        "\n3. list %d versions of one CQPM, %d runs (history: %d commits in %.2f s with fsync off; index: "
        "%d rows in %.2f s, one transaction)\n",
        options.history, options.runs, options.history, list.commits_s, options.history, list.index_s);
    printSamples("listVersions (SQL)", list.list);
    printSamples("(select into vectors)", list.select_into);
    printSamples("revwalk (ids)", list.revwalk);
    printSamples("revwalk+read commits", list.revwalk_read);
    std::printf("  revwalk / listVersions (p50) = %.2f; revwalk+read / listVersions (p50) = %.2f\n",
                ratio(list.revwalk.p50(), list.list.p50()), ratio(list.revwalk_read.p50(), list.list.p50()));

    const DiffCase& versions_diff = diffs.cases.front();
    std::printf(
        "\nRESULT versions=%d publish_p50_ms=%.2f publish_p99_ms=%.2f publish_max_ms=%.2f sql_p50_ms=%.2f "
        "git_fsync_p50_ms=%.2f git_nofsync_p50_ms=%.2f publish_ratio=%.2f fsync_ratio=%.2f "
        "diff_mean_ms=%.2f diff_p99_ms=%.2f diff_pure_mean_ms=%.2f diff_worst_p99_ms=%.2f "
        "list_versions=%d list_p50_ms=%.2f list_p99_ms=%.2f revwalk_p50_ms=%.2f revwalk_read_p50_ms=%.2f "
        "list_ratio=%.2f\n",
        options.versions, publish.publish.p50(), publish.publish.p99(), publish.publish.maxMs(),
        publish.sql.p50(), publish.git_fsync.p50(), publish.git_nofsync.p50(),
        ratio(publish.publish.p50(), durable_p50), ratio(publish.git_fsync.p50(), publish.git_nofsync.p50()),
        versions_diff.with_git.meanMs(), versions_diff.with_git.p99(), versions_diff.pure.meanMs(), diff_p99,
        options.history, list.list.p50(), list.list.p99(), list.revwalk.p50(), list.revwalk_read.p50(),
        ratio(list.revwalk_read.p50(), list.list.p50()));

    // The targets are stated for the full run: a p99 of 10 publishes says little.
    reportResult({.bench = "bench_referentials",
                  .name = "publish_p99_ms",
                  .value = publish.publish.p99(),
                  .unit = "ms",
                  .baseline = Baseline{.name = "SQL + git fsync p99",
                                       .value = publish.sql.p99() + publish.git_fsync.p99(),
                                       .inverse = true},
                  .target = Target{.threshold = kTargetPublishP99Ms,
                                   .applies = options.versions >= 200,
                                   .conditions = "200 versions"}});
    reportResult({.bench = "bench_referentials",
                  .name = "diff_worst_p99_ms",
                  .value = diff_p99,
                  .unit = "ms",
                  .target = Target{.threshold = kTargetDiffP99Ms,
                                   .applies = options.repeat >= 100,
                                   .conditions = "100 diffs of each pair"}});
    reportResult({.bench = "bench_referentials",
                  .name = "list_p50_ms",
                  .value = list.list.p50(),
                  .unit = "ms",
                  .baseline = Baseline{
                      .name = "git walk+read p50", .value = list.revwalk_read.p50(), .inverse = true}});
    const bool publish_ok = publish.publish.p99() < kTargetPublishP99Ms;
    const bool diff_ok = diff_p99 < kTargetDiffP99Ms;
    std::printf("Targets: publish p99 < %.0f ms %s (%.1f ms); diff p99 < %.0f ms %s (worst case %.1f ms)\n",
                kTargetPublishP99Ms, publish_ok ? "met" : "MISSED", publish.publish.p99(), kTargetDiffP99Ms,
                diff_ok ? "met" : "MISSED", diff_p99);
    std::fflush(stdout);
    if (options.enforce_targets && !(publish_ok && diff_ok)) {
      std::fprintf(stderr, "FAILED: a target was missed\n");
      status = 1;
    }
  } catch (...) {
    if (temporary && !options.keep) {
      try {
        Poco::File(data_dir).remove(true);
      } catch (const Poco::Exception&) {
      }
    }
    throw;
  }
  if (temporary && !options.keep) {
    Poco::File(data_dir).remove(true);
  } else {
    std::printf("data kept in %s\n", data_dir.c_str());
  }
  return status;
}

}  // namespace
}  // namespace cqpm::bench

int main(int argc, char** argv) {
  return cqpm::bench::runBenchmark("bench_referentials",
                                   [&] { return cqpm::bench::run(cqpm::bench::parseOptions(argc, argv)); });
}
