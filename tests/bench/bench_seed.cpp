#include "bench_seed.h"

#include <Poco/UUIDGenerator.h>

#include <algorithm>

#include "store/candidate_file_store.h"
#include "store/event_store.h"

namespace cqpm::bench {

std::vector<std::string> seedFiles(store::Database& db, const domain::Actor& actor, int count,
                                   const std::function<SeededFile(int)>& make) {
  // Large enough to amortise the commit (an fsync), small enough to keep the
  // writer's transaction short.
  constexpr int kPerTransaction = 500;
  std::vector<std::string> ids;
  ids.reserve(static_cast<std::size_t>(count));
  while (static_cast<int>(ids.size()) < count) {
    const int first = static_cast<int>(ids.size());
    const int batch = std::min(kPerTransaction, count - first);
    db.write([&](store::SqlSession& sql) {
      for (int i = first; i < first + batch; ++i) {
        SeededFile seeded = make(i);
        domain::CandidateFile& file = seeded.file;
        if (file.id.empty()) file.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
        store::candidate_file_store::insert(sql, file);
        domain::FileEvent created;
        created.file_id = file.id;
        created.transition = "create";
        // The creation leads to where the first later event starts.
        created.to_state =
            seeded.later_events.empty() ? file.state : seeded.later_events.front().from_state.value_or("");
        created.actor_id = actor.user_id;
        created.organisation_id = actor.organisation_id;
        created.at = file.created_at;
        store::event_store::append(sql, created);
        for (domain::FileEvent& event : seeded.later_events) {
          event.file_id = file.id;
          store::event_store::append(sql, event);
        }
        if (seeded.report_deadline) {
          seeded.report_deadline->file_id = file.id;
          store::deadline_store::upsert(sql, *seeded.report_deadline);
        }
        ids.push_back(file.id);
      }
    });
  }
  return ids;
}

}  // namespace cqpm::bench
