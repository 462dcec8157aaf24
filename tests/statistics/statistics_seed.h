#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/event_store.h"

// The rows of the seed table in statistics_fixture.h, written as they are
// stored (times ISO-8601 UTC), through plain INSERTs (the statistics read
// rows, whichever service wrote them), the events through event_store::append.

namespace cqpm::testing {

namespace statistics_seed {

struct Move {
  std::optional<std::string> from;  ///< none for the creation
  std::string to;
  std::string at;  ///< "2026-01-12T09:00"
};

inline std::string stored(const std::string& at) { return at + ":00.000000Z"; }

inline void organisation(store::SqlSession& sql, const std::string& id, const std::string& kind,
                         const std::string& name) {
  sql.query("INSERT INTO organisations (id, kind, name, created_at) VALUES (?, ?, ?, ?)")
      .bind(id)
      .bind(kind)
      .bind(name)
      .bind(stored("2025-01-01T00:00"))
      .execute();
}

inline void file(store::SqlSession& sql, const std::string& id, const std::string& centre,
                 const std::string& cqpm, const std::string& pathway, const std::vector<Move>& moves,
                 const std::optional<std::string>& report_due = std::nullopt) {
  const std::string state = moves.back().to;
  sql.query(
         "INSERT INTO candidate_files (id, centre_id, cqpm, pathway, given_name, family_name, email, "
         "birth_date, search_name, state, version, created_at, updated_at, pending_report_due_at) VALUES (?, "
         "?, ?, ?, 'Prénom', ?, 'x@example.org', '1990-01-01', ?, ?, 1, ?, ?, ?)")
      .bind(id)
      .bind(centre)
      .bind(cqpm)
      .bind(pathway)
      .bind(id)
      .bind("prenom " + id)
      .bind(state)
      .bind(stored(moves.front().at))
      .bind(stored(moves.back().at))
      .bind(report_due ? std::optional<std::string>(stored(*report_due)) : std::nullopt)
      .execute();
  // Through the store's own append, which also keeps the stay each move ends
  // (the median days per stage read those).
  for (const Move& move : moves) {
    domain::FileEvent event;
    event.file_id = id;
    event.transition = "t";
    event.from_state = move.from;
    event.to_state = move.to;
    event.actor_id = "u-1";
    event.organisation_id = centre;
    event.at = stored(move.at);
    store::event_store::append(sql, event);
  }
}

inline void session(store::SqlSession& sql, const std::string& id, const std::string& centre,
                    const std::string& day, bool opened) {
  sql.query(
         "INSERT INTO jury_sessions (id, centre_id, session_date, place, state, created_by, created_at, "
         "opened_at) VALUES (?, ?, ?, 'Salle 1', ?, 'u-1', ?, ?)")
      .bind(id)
      .bind(centre)
      .bind(day)
      .bind(opened ? "open" : "planned")
      .bind(stored("2025-12-01T09:00"))
      .bind(opened ? std::optional<std::string>(stored(day + "T08:00")) : std::nullopt)
      .execute();
}

inline void decision(store::SqlSession& sql, const std::string& id, const std::string& session,
                     const std::string& file, bool revoked = false) {
  sql.query(
         "INSERT INTO jury_decisions (id, session_id, file_id, cqpm, candidate_key, outcome, blocs, "
         "proposal, "
         "overrides_proposal, reason, members, abstentions, decided_by, decided_at, revoked_at) VALUES (?, "
         "?, "
         "?, 'qualite', ?, 'certified', '[]', 'certified', 0, '', '[]', '[]', 'u-1', ?, ?)")
      .bind(id)
      .bind(session)
      .bind(file)
      .bind(file)
      .bind(stored("2026-03-01T10:00"))
      .bind(revoked ? std::optional<std::string>(stored("2026-03-02T10:00")) : std::nullopt)
      .execute();
}

}  // namespace statistics_seed

inline void seedStatistics(store::Database& db) {
  using namespace statistics_seed;
  const std::optional<std::string> none;
  db.write([&](store::SqlSession& sql) {
    organisation(sql, "centre-a", "centre", "Centre A");
    organisation(sql, "centre-b", "centre", "Centre B");
    organisation(sql, "stats-platform", "platform", "Plateforme");
    sql.query(
           "INSERT INTO users (id, login, display_name, email, password_hash, role, organisation_id, "
           "created_at) VALUES ('u-1', 'someone', 'Quelqu''un', 'u@example.org', 'x', 'admin', "
           "'stats-platform', ?)")
        .bind(stored("2025-01-01T00:00"))
        .execute();
    file(sql, "A1", "centre-a", "qualite", "employee",
         {{none, "draft", "2026-01-10T09:00"},
          {"draft", "registered", "2026-01-12T09:00"},
          {"registered", "registered", "2026-01-13T09:00"},
          {"registered", "modalities_agreed", "2026-01-16T09:00"},
          {"modalities_agreed", "in_deliberation", "2026-02-15T09:00"},
          {"in_deliberation", "certified", "2026-03-01T09:00"}});
    file(sql, "A2", "centre-a", "qualite", "employee",
         {{none, "draft", "2026-02-05T09:00"},
          {"draft", "registered", "2026-02-11T09:00"},
          {"registered", "in_deliberation", "2026-03-01T09:00"},
          {"in_deliberation", "not_certified", "2026-03-11T21:00"}});
    file(sql, "A3", "centre-a", "qualite", "vae",
         {{none, "draft", "2026-02-20T09:00"},
          {"draft", "registered", "2026-02-21T09:00"},
          {"registered", "in_deliberation", "2026-03-21T09:00"},
          {"in_deliberation", "blocs_awarded", "2026-04-01T09:00"},
          {"blocs_awarded", "blocs_awarded", "2026-04-02T09:00"}});
    file(sql, "A4", "centre-a", "fabrication-additive", "employee",
         {{none, "draft", "2025-12-20T09:00"},
          {"draft", "registered", "2025-12-30T09:00"},
          {"registered", "in_deliberation", "2026-01-09T09:00"},
          {"in_deliberation", "certified", "2026-01-20T09:00"}});
    file(sql, "A5", "centre-a", "fabrication-additive", "employee",
         {{none, "draft", "2026-03-03T09:00"}, {"draft", "registered", "2026-03-06T09:00"}},
         "2026-05-31T22:00");
    file(sql, "A6", "centre-a", "fabrication-additive", "job_seeker", {{none, "draft", "2026-06-30T21:00"}},
         "2026-07-10T22:00");
    file(sql, "A7", "centre-a", "qualite", "employee", {{none, "draft", "2026-06-30T22:30"}});
    file(sql, "B1", "centre-b", "qualite", "employee",
         {{none, "draft", "2026-01-05T09:00"},
          {"draft", "registered", "2026-01-07T09:00"},
          {"registered", "in_deliberation", "2026-01-27T09:00"},
          {"in_deliberation", "certified", "2026-02-06T09:00"}},
         "2026-04-30T22:00");
    session(sql, "S1", "centre-a", "2026-03-01", true);
    session(sql, "S2", "centre-a", "2026-03-20", true);
    session(sql, "S3", "centre-a", "2026-04-15", false);
    session(sql, "S4", "centre-a", "2026-07-02", true);
    session(sql, "S5", "centre-b", "2026-02-06", true);
    decision(sql, "D1", "S1", "A1");
    decision(sql, "D2", "S1", "A2");
    decision(sql, "D3", "S1", "A2", true);
    decision(sql, "D4", "S2", "A3");
    decision(sql, "D5", "S5", "B1");
  });
}

}  // namespace cqpm::testing
