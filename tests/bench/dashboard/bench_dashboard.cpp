// The dashboard's reads at scale: seeds candidate files and their events straight
// into the database (SQLite file or PostgreSQL), then times each query the
// dashboard's HTTP handlers run, through the same service calls (list pages,
// filters, stats by state, name search, overdue files, a file's events, the
// to-do list, the statistics page over a year and over every file), as a
// centre coordinator and as an administrator. Each query runs --runs times;
// its p50/p99 are printed beside a baseline (reading one file by its primary
// key) and the ratio of the two. See tests/bench/README.md.
//
// Exit status: 0 when every query ran (and, with --enforce-targets, every p99
// was under 50 ms); 1 otherwise; 2 for a bad command line.

#include <Poco/AutoPtr.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/NullChannel.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/server.h"
#include "bench_seed.h"
#include "bench_support.h"
#include "common/clock.h"
#include "demo/demo_seed.h"
#include "statistics/statistics_service.h"
#include "store/organisation_store.h"

namespace cqpm::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr double kTargetP99Ms = 50.0;

struct Options {
  int files = 100000;
  int events = 0;  // ten per file unless given
  int runs = 50;
  std::string database;  // empty: SQLite in the data folder
  std::string data_dir;  // empty: a new temporary folder, removed at the end
  bool keep = false;
  bool reuse = false;  // time the files a previous run seeded (kept with --keep)
  bool enforce_targets = false;
};

Options parseOptions(int argc, char** argv) {
  const BenchOptions args(
      argc, argv, "bench_dashboard",
      {{"--files", "N", "candidate files seeded (100000)"},
       {"--events", "N", "events seeded in all, creations included (ten per file)"},
       {"--runs", "N", "times each query runs (50)"},
       {"--database", "URL", "bench PostgreSQL instead of SQLite (use an empty database)"},
       {"--data", "DIR", "where the SQLite file goes (a new temporary folder)"},
       {"--keep", "", "keep the data folder at the end"},
       {"--reuse", "",
        "time the files a previous run left in --data or --database (after the migrations of this binary), "
        "without seeding"},
       {"--enforce-targets", "", "exit 1 unless every query's p99 is under 50 ms"}});
  Options options;
  options.files = args.integer("--files", options.files);
  options.runs = args.integer("--runs", options.runs);
  options.events = args.integer("--events", options.files * 10);
  options.database = args.text("--database");
  options.data_dir = args.text("--data");
  options.keep = args.flag("--keep");
  options.reuse = args.flag("--reuse");
  options.enforce_targets = args.flag("--enforce-targets");
  if (options.events < options.files) throw args.error("--events must be at least --files");
  return options;
}

// French names with the accents the search folds; a third of the files get a
// compound family name, so that names spread over thousands of values.
constexpr std::array kGivenNames{"Élodie",  "Lucas",  "Chloé",   "Hugo",    "Léa",    "Mathéo", "Inès",
                                 "Noé",     "Zoé",    "Jérôme",  "Anaïs",   "Gaëlle", "Loïc",   "Hélène",
                                 "Marie",   "Pierre", "Camille", "Thomas",  "Manon",  "Julien", "Sarah",
                                 "Nicolas", "Océane", "Maxime",  "Clément", "Amélie", "Benoît", "Céline"};
constexpr std::array kFamilyNames{
    "Martin",   "Bernard", "Dubois",  "Thomas",   "Robert",   "Richard", "Petit",    "Durand",
    "Lefèvre",  "Moreau",  "Simon",   "Laurent",  "Lefebvre", "Michel",  "Garcia",   "David",
    "Bertrand", "Roux",    "Vincent", "Fournier", "Morel",    "Girard",  "André",    "Mercier",
    "Dupont",   "Lambert", "Bonnet",  "François", "Martinez", "Legrand", "Garnier",  "Faure",
    "Rousseau", "Blanc",   "Guérin",  "Muller",   "Henry",    "Roussel", "Nicolas",  "Perrin",
    "Morin",    "Mathieu", "Clément", "Gauthier", "Dumont",   "Lopez",   "Fontaine", "Chevalier",
    "Robin",    "Masson",  "Sánchez", "Gérard",   "Nguyen",   "Boyer",   "Denis",    "Lemaire"};
constexpr std::array kCqpms{"qualite", "maintenance", "usinage", "soudage", "logistique"};
constexpr std::array kPathways{domain::Pathway::kEmployee, domain::Pathway::kVae, domain::Pathway::kJobSeeker,
                               domain::Pathway::kOther};
// Where files stand: most are on their way, a good share finished.
constexpr std::array kStates{
    "draft",           "registered",     "modalities_agreed", "evidence_submitted", "under_evaluation",
    "company_opinion", "ready_for_jury", "in_deliberation",   "certified",          "blocs_awarded",
    "not_certified",   "withdrawn"};

std::string isoAt(const Poco::Timestamp& time) { return toIso8601(time); }

/// The i-th seeded file: names, cqpm, pathway and state spread by a seeded
/// generator; created 10 minutes apart, newest last; events that walk the
/// states up to the file's own; a report deadline for 30% of the files, half
/// of them past (without a report: overdue).
SeededFile makeFile(int i, int later_events, const domain::Actor& centre, const std::string& company_id,
                    const Poco::Timestamp& first_created) {
  std::mt19937 random(static_cast<std::uint32_t>(i) * 2654435761u);
  auto pick = [&](std::size_t size) { return static_cast<std::size_t>(random() % size); };
  SeededFile seeded;
  domain::CandidateFile& file = seeded.file;
  file.centre_id = centre.organisation_id;
  if (pick(4) != 0) file.company_id = company_id;
  file.cqpm = kCqpms[pick(kCqpms.size())];
  file.pathway = kPathways[pick(kPathways.size())];
  std::string family = kFamilyNames[pick(kFamilyNames.size())];
  if (pick(3) == 0) family += std::string("-") + kFamilyNames[pick(kFamilyNames.size())];
  file.candidate = {kGivenNames[pick(kGivenNames.size())], family,
                    "candidat" + std::to_string(i) + "@exemple.fr", "1990-01-01", "Lyon"};
  const std::size_t state = pick(kStates.size());
  file.state = kStates[state];
  file.version = 1 + later_events;
  const Poco::Timestamp created =
      first_created + Poco::Timespan(0, 0, 10 * (i % 100000), 0, 0) + Poco::Timespan(i / 100000, 0, 0, 0, 0);
  file.created_at = isoAt(created);
  file.updated_at = file.created_at;
  for (int e = 0; e < later_events; ++e) {
    // The walk reaches the file's state at its last event; the first ones
    // stay in the starting state (plan writes, comments).
    const int steps_left = later_events - e;
    const std::size_t from =
        steps_left > static_cast<int>(state) ? 0 : state - static_cast<std::size_t>(steps_left);
    const std::size_t to = steps_left > static_cast<int>(state) ? 0 : from + 1;
    domain::FileEvent event;
    event.transition = from == to ? "update_modality_plan" : "bench_step";
    event.from_state = kStates[from];
    event.to_state = kStates[to];
    event.actor_id = centre.user_id;
    event.organisation_id = centre.organisation_id;
    event.at = isoAt(created + Poco::Timespan(0, 0, 0, e + 1, 0));
    seeded.later_events.push_back(std::move(event));
  }
  if (pick(10) < 3) {
    store::DeadlineRecord deadline;
    deadline.kind = "report";
    const bool past = pick(2) == 0;
    const Poco::Timestamp due =
        Poco::Timestamp() + Poco::Timespan((past ? -1 : 1) * (1 + static_cast<int>(pick(300))), 0, 0, 0, 0);
    deadline.due_at = isoAt(due);
    deadline.due_date = deadline.due_at.substr(0, 10);
    deadline.set_due_date = deadline.due_date;
    deadline.set_by = centre.user_id;
    deadline.set_at = file.created_at;
    seeded.report_deadline = std::move(deadline);
  }
  return seeded;
}

struct Timing {
  std::string name;
  double p50_ms = 0, p99_ms = 0, max_ms = 0;
};

double percentile(const std::vector<double>& sorted, double p) {
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

/// Runs `query(run)` `runs` times (after one untimed warm-up) and returns its percentiles.
Timing timeQuery(const std::string& name, int runs, const std::function<void(int)>& query) {
  query(-1);
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(runs));
  for (int run = 0; run < runs; ++run) {
    const auto start = SteadyClock::now();
    query(run);
    ms.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {name, percentile(ms, 0.50), percentile(ms, 0.99), ms.back()};
}

/// What must hold for a query's answer to count: a benchmark that times empty
/// answers measures nothing.
void expect(bool holds, const std::string& what) {
  if (!holds) throw std::runtime_error("unexpected answer: " + what);
}

std::string companyOf(store::Database& db) {
  for (const auto& organisation : db.read([](store::SqlSession& sql) {
         return store::organisation_store::list(sql, {domain::OrganisationKind::kCompany}, std::nullopt,
                                                1000);
       })) {
    return organisation.id;
  }
  throw std::runtime_error("the demo has no company");
}

/// The dashboard's queries for `actor`, each timed; `ids` are seeded files the
/// actor sees.
std::vector<Timing> timeDashboard(app::Server& server, const domain::Actor& actor, const std::string& who,
                                  const std::vector<std::string>& ids, int runs,
                                  const std::string& seeded_since) {
  files::CandidateFileService& files = server.files();
  const std::string now = nowIso8601(systemClock());
  auto some_id = [&](int run) { return ids[static_cast<std::size_t>(run + 1) * 7919 % ids.size()]; };
  // Common names, a first name with a family name, a rare pair, accents and
  // capitals the search folds, and a miss.
  const std::array<const char*, 6> searches{"lefèvre", "Élodie Mor", "GUÉRIN-SÁNCHEZ",
                                            "océane",  "benoit",     "zzzz"};
  std::vector<Timing> timings;
  auto add = [&](const std::string& name, const std::function<void(int)>& query) {
    timings.push_back(timeQuery(who + "." + name, runs, query));
  };
  add("get_by_id", [&](int run) { expect(files.get(actor, some_id(run)).file.id == some_id(run), "get"); });
  std::string second_cursor;
  add("list_first_page", [&](int) {
    const auto page = files.list(actor, {}, "", 25);
    expect(page.items.size() == 25 && page.next_cursor, "a full first page");
    second_cursor = *page.next_cursor;
  });
  add("list_next_page",
      [&](int) { expect(files.list(actor, {}, second_cursor, 25).items.size() == 25, "page 2"); });
  add("filter_state", [&](int run) {
    store::FileFilter filter;
    filter.state = kStates[static_cast<std::size_t>(run + 1) % kStates.size()];
    expect(!files.list(actor, filter, "", 25).items.empty(), "files in a state");
  });
  add("filter_cqpm_pathway", [&](int run) {
    store::FileFilter filter;
    filter.cqpm = kCqpms[static_cast<std::size_t>(run + 1) % kCqpms.size()];
    filter.pathway = domain::pathwayName(kPathways[static_cast<std::size_t>(run + 1) % kPathways.size()]);
    expect(!files.list(actor, filter, "", 25).items.empty(), "files of a cqpm and pathway");
  });
  add("overdue", [&](int) {
    store::FileFilter filter;
    filter.overdue_at = now;
    expect(!files.list(actor, filter, "", 25).items.empty(), "overdue files");
  });
  add("search_name", [&](int run) {
    store::FileFilter filter;
    filter.name_query = searches[static_cast<std::size_t>(run + 1) % searches.size()];
    files.list(actor, filter, "", 25);
  });
  add("stats", [&](int) {
    std::int64_t total = 0;
    for (const auto& [state, count] : files.countByState(actor, {})) total += count;
    expect(total >= static_cast<std::int64_t>(ids.size()), "stats counting every file");
  });
  add("stats_cqpm", [&](int run) {
    store::FileFilter filter;
    filter.cqpm = kCqpms[static_cast<std::size_t>(run + 1) % kCqpms.size()];
    files.countByState(actor, filter);
  });
  add("stats_search", [&](int run) {
    store::FileFilter filter;
    filter.name_query = searches[static_cast<std::size_t>(run + 1) % searches.size()];
    files.countByState(actor, filter);
  });
  add("stats_overdue", [&](int) {
    store::FileFilter filter;
    filter.overdue_at = now;
    files.countByState(actor, filter);
  });
  add("file_events", [&](int run) { expect(!files.events(actor, some_id(run)).empty(), "events"); });
  // « À faire » (GET /api/v1/me/todo): every file waiting on the actor, counted, the first page kept.
  add("todo", [&](int) { server.todo().list(actor, {}); });
  // GET /api/v1/statistics with its defaults (the last twelve months), then over every
  // seeded file (from the first creation): every series, the median days per stage included.
  add("statistics", [&](int) { server.statistics().compute(actor, {}); });
  add("statistics_all", [&](int) {
    statistics::StatisticsQuery query;
    query.from = seeded_since;
    expect(!server.statistics().compute(actor, query).stage_durations.empty(), "median days per stage");
  });
  return timings;
}

/// Up to `count` ids of files of the centre, the oldest first: what a previous run seeded.
std::vector<std::string> seededBefore(store::Database& db, const domain::Actor& centre, int count) {
  return db.read([&](store::SqlSession& sql) {
    std::vector<std::string> ids;
    std::string centre_id = centre.organisation_id;
    auto stmt =
        sql.statement("SELECT id FROM candidate_files WHERE centre_id = ? ORDER BY created_at, id LIMIT " +
                      std::to_string(count));
    stmt, Poco::Data::Keywords::use(centre_id), Poco::Data::Keywords::into(ids);
    stmt.execute();
    return ids;
  });
}

int run(const Options& options) {
  const bool temporary = options.data_dir.empty();
  const std::string data_dir =
      temporary ? Poco::TemporaryFile::tempName(Poco::Path::temp()) + "-cqpm-bench" : options.data_dir;
  Poco::File(data_dir).createDirectories();
  Poco::Logger::root().setChannel(Poco::AutoPtr<Poco::NullChannel>(new Poco::NullChannel));

  app::ServerConfig config;
  config.data_dir = data_dir;
  config.database_url = options.database;
  config.bind = "127.0.0.1";
  config.port = 0;
  config.demo = true;
  config.password_cost.memory_kib = 64;  // logins are not what is measured
  config.password_cost.iterations = 1;

  int status = 0;
  {
    app::Server server(config);
    store::Database& db = server.database();
    const domain::Actor centre = server.auth().login("centre", demo::kDemoPassword, "127.0.0.1").actor;
    const domain::Actor admin = server.auth().login("admin", demo::kDemoPassword, "127.0.0.1").actor;
    const std::string company_id = companyOf(db);
    std::printf("bench_dashboard: %d files, %d events, %d runs per query, %s\n", options.files,
                options.events, options.runs, durabilityOf(db).c_str());
    std::printf("data: %s\n", db.url().describe().c_str());
    std::fflush(stdout);

    // Events beyond the creations, spread evenly: file i gets `base` or `base + 1`.
    const int later = options.events - options.files;
    const int base = later / options.files, extra = later % options.files;
    const Poco::Timestamp first_created = Poco::Timestamp() - Poco::Timespan(3 * 365, 0, 0, 0, 0);
    const auto seed_start = SteadyClock::now();
    std::vector<std::string> ids;
    ids.reserve(static_cast<std::size_t>(options.files));
    if (options.reuse) ids = seededBefore(db, centre, options.files);
    constexpr int kReportEvery = 10000;
    for (int done = static_cast<int>(ids.size()); done < options.files;) {
      const int chunk = std::min(kReportEvery, options.files - done);
      const auto chunk_ids = seedFiles(db, centre, chunk, [&](int i) {
        const int index = done + i;
        return makeFile(index, base + (index < extra ? 1 : 0), centre, company_id, first_created);
      });
      ids.insert(ids.end(), chunk_ids.begin(), chunk_ids.end());
      done += chunk;
      std::fprintf(stderr, "seeded %d/%d files (%.0f s)\n", done, options.files,
                   std::chrono::duration<double>(SteadyClock::now() - seed_start).count());
    }
    const double seed_s = std::chrono::duration<double>(SteadyClock::now() - seed_start).count();
    std::printf("seeded in %.1f s\n", seed_s);
    std::fflush(stdout);

    // The day of the first creation (UTC; a day before it in Paris at most widens the period).
    const std::string seeded_since = isoAt(first_created).substr(0, 10);
    std::vector<Timing> timings = timeDashboard(server, centre, "centre", ids, options.runs, seeded_since);
    const auto admin_timings = timeDashboard(server, admin, "admin", ids, options.runs, seeded_since);
    timings.insert(timings.end(), admin_timings.begin(), admin_timings.end());

    const Timing& baseline = timings.front();  // centre.get_by_id: one file by its primary key
    double worst_p99 = 0;
    std::string worst;
    int missed = 0;
    for (const Timing& timing : timings) {
      const bool met = timing.p99_ms < kTargetP99Ms;
      missed += met ? 0 : 1;
      if (timing.p99_ms > worst_p99) {
        worst_p99 = timing.p99_ms;
        worst = timing.name;
      }
      std::printf("%-28s p50_ms=%8.2f p99_ms=%8.2f max_ms=%8.2f baseline_p99_ms=%.2f ratio=%7.1f %s\n",
                  timing.name.c_str(), timing.p50_ms, timing.p99_ms, timing.max_ms, baseline.p99_ms,
                  baseline.p99_ms > 0 ? timing.p99_ms / baseline.p99_ms : 0, met ? "met" : "MISSED");
    }
    std::printf(
        "RESULT files=%d events=%d runs=%d seed_s=%.1f queries=%zu worst_p99_ms=%.2f worst=%s "
        "baseline_p99_ms=%.2f ratio=%.1f missed=%d\n",
        options.files, options.events, options.runs, seed_s, timings.size(), worst_p99, worst.c_str(),
        baseline.p99_ms, baseline.p99_ms > 0 ? worst_p99 / baseline.p99_ms : 0, missed);
    std::printf("Target: every query's p99 < %.0f ms: %s\n", kTargetP99Ms, missed == 0 ? "met" : "MISSED");
    // One table row per query: its p99 against the primary-key lookup's, target stated at 100,000 files.
    for (const Timing& timing : timings) {
      reportResult({.bench = "bench_dashboard",
                    .name = timing.name + ".p99_ms",
                    .value = timing.p99_ms,
                    .unit = "ms",
                    .baseline = Baseline{.name = "file by id p99", .value = baseline.p99_ms, .inverse = true},
                    .target = Target{.threshold = kTargetP99Ms,
                                     .applies = options.files >= 100000,
                                     .conditions = "100,000 files"}});
    }
    std::fflush(stdout);
    if (options.enforce_targets && missed > 0) {
      std::fprintf(stderr, "FAILED: %d queries missed the target\n", missed);
      status = 1;
    }
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
  return cqpm::bench::runBenchmark("bench_dashboard",
                                   [&] { return cqpm::bench::run(cqpm::bench::parseOptions(argc, argv)); });
}
