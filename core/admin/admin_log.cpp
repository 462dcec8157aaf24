#include "admin/admin_log.h"

#include <sstream>

#include "access/policy.h"
#include "common/chain_hash.h"
#include "common/json_text.h"

namespace cqpm::admin {

namespace {

constexpr int kVerifyBatch = 1000;

// A CSV field for Excel: quoted when it holds the separator, a quote or a line
// break; a leading = + - @ is neutralised so a spreadsheet never runs it.
std::string csvField(const std::string& value) {
  std::string text = value;
  if (!text.empty() && std::string("=+-@").find(text.front()) != std::string::npos) text = "'" + text;
  if (text.find_first_of(";\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

AdminActor adminActorOf(const domain::Actor& actor) {
  return {actor.user_id, actor.login + " (" + actor.display_name + ")"};
}

AdminActor commandLineActor() { return {std::nullopt, "cqpm admin (ligne de commande)"}; }

void recordAdminAct(store::SqlSession& sql, const AdminActor& actor, const AdminAct& act,
                    const std::string& at) {
  store::AdminLogEntry entry;
  entry.at = at;
  entry.actor_id = actor.user_id;
  entry.actor_label = actor.label;
  entry.action = act.action;
  entry.target_kind = act.target_kind;
  entry.target_id = act.target_id;
  entry.target_label = act.target_label;
  entry.centre_id = act.centre_id;
  entry.details_json = toJsonText(act.details);
  store::admin_log_store::append(sql, std::move(entry));
}

void AdminLogService::record(const domain::Actor& actor, const AdminAct& act, const std::string& at) {
  db_.write([&](store::SqlSession& sql) { recordAdminAct(sql, adminActorOf(actor), act, at); });
}

std::optional<std::string> AdminLogService::reachOf(const domain::Actor& actor) const {
  access::require(actor, access::Permission::kReadAdminLog, "read the administration log");
  if (actor.role == domain::Role::kAdmin) return std::nullopt;
  return actor.organisation_id;
}

AdminLogPage AdminLogService::list(const domain::Actor& actor, std::int64_t before, int limit) {
  const auto centre = reachOf(actor);
  AdminLogPage page;
  page.items = db_.read([&](store::SqlSession& sql) {
    return store::admin_log_store::listBefore(sql, centre, before, limit + 1);
  });
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.resize(static_cast<std::size_t>(limit));
    page.next_before = page.items.back().seq;
  }
  return page;
}

std::string AdminLogService::csv(const domain::Actor& actor) {
  const auto centre = reachOf(actor);
  std::ostringstream out;
  out << "\xEF\xBB\xBF"
      << "numero;date;auteur;action;objet;identifiant;libelle;centre;details;empreinte\r\n";
  db_.read([&](store::SqlSession& sql) {
    for (std::int64_t after = 0;;) {
      const auto batch = store::admin_log_store::listAfter(sql, after, kVerifyBatch);
      for (const auto& entry : batch) {
        after = entry.seq;
        if (centre && entry.centre_id != centre) continue;
        out << entry.seq << ';' << csvField(entry.at) << ';' << csvField(entry.actor_label) << ';'
            << csvField(entry.action) << ';' << csvField(entry.target_kind) << ';'
            << csvField(entry.target_id) << ';' << csvField(entry.target_label) << ';'
            << csvField(entry.centre_id.value_or("")) << ';' << csvField(entry.details_json) << ';'
            << entry.hash << "\r\n";
      }
      if (batch.size() < static_cast<std::size_t>(kVerifyBatch)) break;
    }
  });
  return out.str();
}

ChainCheck AdminLogService::verify() {
  ChainCheck check;
  db_.read([&](store::SqlSession& sql) {
    std::string previous = genesisHash();
    for (std::int64_t after = 0;;) {
      const auto batch = store::admin_log_store::listAfter(sql, after, kVerifyBatch);
      for (const auto& entry : batch) {
        ++check.entries;
        if (entry.seq != after + 1)
          check.problem = "entry " + std::to_string(after + 1) + " is missing";
        else if (entry.prev_hash != previous)
          check.problem = "does not follow the previous entry";
        else if (store::admin_log_store::entryHash(entry) != entry.hash)
          check.problem = "was altered";
        if (!check.problem.empty()) {
          check.broken_at = entry.seq;
          return;
        }
        previous = entry.hash;
        after = entry.seq;
      }
      if (batch.size() < static_cast<std::size_t>(kVerifyBatch)) return;
    }
  });
  return check;
}

}  // namespace cqpm::admin
