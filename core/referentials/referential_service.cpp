#include "referentials/referential_service.h"

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/Timestamp.h>

#include <regex>
#include <set>
#include <sstream>

#include "access/policy.h"
#include "common/clock.h"
#include "common/error.h"
#include "common/json_text.h"
#include "git/referential_repository.h"
#include "referential_model/referential_rules.h"
#include "referentials/canonical_json.h"
#include "referentials/referential_blame.h"
#include "referentials/referential_diff.h"
#include "referentials/referential_markdown.h"

namespace cqpm::referentials {

using git::ReferentialRepository;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

constexpr const char* kMain = "refs/heads/main";
// Compare-and-swap retries when other instances keep writing main.
constexpr int kWriteAttempts = 8;
const ReferentialRepository::Author kPlatform{"CQPM Hub", "referentiels@cqpm-hub.invalid"};

std::string jsonPath(const std::string& cqpm) { return cqpm + "/referential.json"; }
std::string markdownPath(const std::string& cqpm) { return cqpm + "/referential.md"; }
std::string tagName(const std::string& cqpm, std::int64_t number) {
  return cqpm + "/v" + std::to_string(number);
}

ReferentialRepository::Author authorOf(const domain::Actor& actor) {
  return {actor.display_name, actor.email.empty() ? actor.login + "@cqpm-hub.invalid" : actor.email};
}

// The commit message of a published version: a subject, the reason, trailers.
// Everything the SQL index holds can be read back from it (reconcile).
std::string versionMessage(const std::string& cqpm, std::int64_t number, const std::string& reason,
                           const std::vector<std::string>& trailers) {
  std::string message = cqpm + ": version " + std::to_string(number) + "\n\n" + reason + "\n";
  if (!trailers.empty()) {
    message += "\n";
    for (const auto& trailer : trailers) message += trailer + "\n";
  }
  return message;
}

// Reads reason and approvers back from a version's commit message.
void parseVersionMessage(const std::string& message, std::string& reason, Array::Ptr& approvers) {
  std::istringstream lines(message);
  std::string line;
  std::getline(lines, line);  // subject
  std::vector<std::string> body;
  while (std::getline(lines, line)) body.push_back(line);
  static const std::regex kApprover(R"(^Approved-by: (.*) <([^>]*)> \((employer|employee)\)$)");
  static const std::regex kTrailer(R"(^[A-Z][A-Za-z-]+: .*$)");
  // Trailers are the lines of the LAST paragraph, and only if every line of it
  // is one: a reason that merely starts with "Word: ..." stays the reason.
  std::size_t end = body.size();
  while (end > 0 && body[end - 1].empty()) --end;
  std::size_t start = end;
  while (start > 0 && !body[start - 1].empty()) --start;
  bool trailers = start < end && start > 0;
  for (std::size_t i = start; trailers && i < end; ++i) trailers = std::regex_match(body[i], kTrailer);
  if (trailers) {
    for (std::size_t i = start; i < end; ++i) {
      std::smatch match;
      if (std::regex_match(body[i], match, kApprover)) {
        Object::Ptr approver = new Object;
        approver->set("name", match[1].str());
        approver->set("email", match[2].str());
        approver->set("college", match[3].str());
        approvers->add(approver);
      }
    }
    end = start;
  }
  std::string text;
  for (std::size_t i = 0; i < end; ++i) text += (text.empty() && body[i].empty() ? "" : body[i] + "\n");
  while (!text.empty() && text.back() == '\n') text.pop_back();
  reason = text;
}

void requireGtp(const domain::Actor& actor) {
  if (!access::allows(actor.role, access::Permission::kProposeReferentialChange) || !actor.college) {
    throw Error(ErrorCode::kForbidden,
                "only an auditor of the GTP \"Certifications\" reviews referential changes");
  }
}

std::string requireReason(const std::string& reason, const std::string& field) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorCode::kInvalidField, field + " is required: say why", field);
  }
  if (reason.size() > 4000)
    throw Error(ErrorCode::kInvalidField, field + " is longer than 4000 bytes", field);
  return reason;
}

// A schema-valid proposal read into records; a member the records need but the
// schema allowed otherwise is named under "referential.".
referential_model::Referential modelOfProposal(const Object::Ptr& referential) {
  try {
    return referential_model::parseReferential(referential);
  } catch (const Error& e) {
    throw Error(e.code(), "referential." + e.field() + ": " + e.what(), "referential." + e.field());
  }
}

}  // namespace

ReferentialService::ReferentialService(store::Database& db, Clock clock, std::string repository_path,
                                       JsonSchema referential_schema, std::vector<std::string> final_states)
    : db_(db),
      clock_(std::move(clock)),
      replica_(db, clock_, std::move(repository_path)),
      referential_schema_(std::move(referential_schema)),
      final_states_(std::move(final_states)) {}

void ReferentialService::bootstrap(const std::vector<ReferentialSeed>& seeds) {
  std::lock_guard lock(git_writer_);
  replica_.prepare();
  if (replica_.repositoryAheadOfDatabase()) {
    // A data folder from before the database held the referentials: repair
    // what a crash left in git, then hand the repository over to the database.
    reconcileLegacyRepository();
    replica_.importRepository([this](const std::string& ref) {
      static const std::regex kProposalRef(R"(^refs/proposals/([0-9]+)$)");
      std::smatch match;
      if (!std::regex_match(ref, match, kProposalRef)) return true;
      // A proposal ref without its row was left by a crash before the SQL write.
      return db_.read([&](store::SqlSession& sql) {
        return store::referential_version_store::findProposal(sql, std::stoll(match[1])).has_value();
      });
    });
  } else if (!replica_.mainTip()) {
    const auto indexed =
        db_.read([](store::SqlSession& sql) { return store::referential_version_store::countVersions(sql); });
    if (indexed > 0) {
      throw Error(ErrorCode::kInvalidConfiguration,
                  "the database indexes " + std::to_string(indexed) +
                      " referential version(s) but neither it nor " + replica_.path() +
                      " holds their content: restore referentials.git from a backup");
    }
  }
  // Rebuilds a missing or emptied repository, or one behind the database.
  replica_.sync();
  for (const auto& seed : seeds) seedVersionOne(seed);
}

void ReferentialService::seedVersionOne(const ReferentialSeed& seed) {
  const std::string document = seed.document->getObject("source")->getValue<std::string>("document");
  const std::string reason = "Référentiel officiel, transcrit de " + document + ".";
  const std::string message = versionMessage(seed.id, 1, reason, {"Source: " + document});
  const std::string tag = tagName(seed.id, 1);
  // Several instances may start together: whoever moves main first seeds it.
  for (int attempt = 0;; ++attempt) {
    const bool has_version = db_.read([&](store::SqlSession& sql) {
      return store::referential_version_store::latestVersion(sql, seed.id).has_value();
    });
    if (has_version) return;
    const auto tip = replica_.mainTip();
    const auto commit_and_tag = replica_.withRepository([&](ReferentialRepository& repository) {
      const std::string written = repository.writeCommit(
          tip,
          {{jsonPath(seed.id), canonicalReferentialJson(seed.document)},
           {markdownPath(seed.id), renderReferentialMarkdown(seed.document, "version 1")}},
          kPlatform, message);
      return std::make_pair(written,
                            repository.writeTag(tag, written, kPlatform, seed.title + ", version 1"));
    });
    // Named references, not a structured binding: lambdas below capture them
    // (clang-tidy's clang 14 cannot capture a binding).
    const std::string& commit = commit_and_tag.first;
    const std::string& tag_object = commit_and_tag.second;
    const bool recorded = replica_.record(
        {commit}, {tag_object}, {{kMain, tip, commit}, {"refs/tags/" + tag, std::nullopt, tag_object}},
        [&](store::SqlSession& sql) {
          store::referential_version_store::insertVersion(
              sql,
              {seed.id, 1, commit, tag, kPlatform.name, kPlatform.email, nowIso8601(clock_), reason, "[]"});
        });
    if (recorded) {
      Poco::Logger::get("referentials").information("%s: version 1 committed from %s", seed.id, document);
      return;
    }
    if (attempt >= kWriteAttempts)
      throw Error(ErrorCode::kConflict, "main kept moving while seeding " + seed.id);
    replica_.sync();
  }
}

void ReferentialService::reconcileLegacyRepository() {
  replica_.withRepository([&](ReferentialRepository& repository) {
    static const std::regex kTag(R"(^(.+)/v([0-9]+)$)");
    // Commits on main after the newest tagged one were never acknowledged (the
    // server stopped, or answered an error, before the tag and the index row):
    // main goes back to the newest tagged commit, so none is published by surprise.
    std::set<std::string> tagged;
    for (const auto& [name, commit] : repository.tags("")) tagged.insert(commit);
    if (auto tip = repository.resolve(kMain)) {
      std::optional<std::string> kept = tip;
      std::size_t dropped = 0;
      while (kept && !tagged.count(*kept)) {
        const auto info = repository.commitInfo(*kept);
        kept = info.parents.empty() ? std::nullopt : std::optional<std::string>(info.parents.front());
        ++dropped;
      }
      if (dropped > 0) {
        if (kept)
          repository.setRef(kMain, *kept);
        else
          repository.removeRef(kMain);
        Poco::Logger::get("referentials")
            .warning("main had %z commit(s) after the last tagged version, never published: dropped",
                     dropped);
      }
    }
    for (const auto& tag_entry : repository.tags("")) {
      const std::string& name = tag_entry.first;  // not a binding: the lambdas below capture it
      const std::string& commit = tag_entry.second;
      std::smatch match;
      if (!std::regex_match(name, match, kTag)) continue;
      const std::string cqpm = match[1];
      const std::int64_t number = std::stoll(match[2]);
      const bool indexed = db_.read([&](store::SqlSession& sql) {
        return store::referential_version_store::findVersion(sql, cqpm, number).has_value();
      });
      if (indexed) continue;
      // Git holds a version the index lacks: the server stopped between the two writes.
      const auto info = repository.commitInfo(commit);
      std::string reason;
      Array::Ptr approvers = new Array;
      parseVersionMessage(info.message, reason, approvers);
      static const std::regex kProposal(R"((^|\n)Proposal: ([0-9]+)(\n|$))");
      std::smatch proposal_match;
      const bool from_proposal = std::regex_search(info.message, proposal_match, kProposal);
      db_.write([&](store::SqlSession& sql) {
        store::referential_version_store::insertVersion(
            sql, {cqpm, number, commit, name, info.author_name, info.author_email,
                  toIso8601(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(info.time))), reason,
                  toJsonText(Poco::Dynamic::Var(approvers))});
        if (from_proposal) {
          if (auto proposal =
                  store::referential_version_store::findProposal(sql, std::stoll(proposal_match[2]))) {
            proposal->state = "published";
            proposal->published_version = number;
            proposal->decided_at = nowIso8601(clock_);
            store::referential_version_store::updateProposalState(sql, *proposal);
          }
        }
      });
      Poco::Logger::get("referentials")
          .warning("%s: version %Ld was in git but not in the index: added", cqpm,
                   static_cast<Poco::Int64>(number));
    }
  });
}

void ReferentialService::checkStore() {
  replica_.sync();
  const auto commits = db_.read(
      [](store::SqlSession& sql) { return store::referential_version_store::allVersionCommits(sql); });
  replica_.withRepository([&](ReferentialRepository& repository) {
    for (const auto& commit : commits) {
      if (!repository.hasObject(commit))
        throw Error(ErrorCode::kStorage, "version commit " + commit + " is missing");
    }
  });
}

store::ReferentialVersion ReferentialService::current(const std::string& cqpm) {
  auto found = db_.read(
      [&](store::SqlSession& sql) { return store::referential_version_store::latestVersion(sql, cqpm); });
  if (!found) throw Error(ErrorCode::kNotFound, "no published referential for " + cqpm);
  return *found;
}

store::ReferentialVersion ReferentialService::version(const std::string& cqpm, std::int64_t number) {
  auto found = db_.read([&](store::SqlSession& sql) {
    return store::referential_version_store::findVersion(sql, cqpm, number);
  });
  if (!found)
    throw Error(ErrorCode::kNotFound, "no version " + std::to_string(number) + " of " + cqpm, "version");
  return *found;
}

std::vector<store::ReferentialVersion> ReferentialService::versions(const std::string& cqpm) {
  return db_.read(
      [&](store::SqlSession& sql) { return store::referential_version_store::listVersions(sql, cqpm); });
}

Object::Ptr ReferentialService::parseReferential(const std::string& text, const std::string& where) const {
  try {
    return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kStorage, where + " is not a JSON object: " + e.message());
  }
}

Object::Ptr ReferentialService::referentialAt(const std::string& cqpm, const std::string& commit) {
  const std::string key = cqpm + "@" + commit;
  {
    std::lock_guard lock(cache_mutex_);
    if (auto found = cache_.find(key); found != cache_.end()) return found->second;
  }
  const auto text = replica_.readFile(commit, jsonPath(cqpm));
  if (!text) throw Error(ErrorCode::kNotFound, "no referential of " + cqpm + " at " + commit);
  Object::Ptr referential = parseReferential(*text, jsonPath(cqpm) + "@" + commit);
  std::lock_guard lock(cache_mutex_);
  // Bounded: a handful of versions are live at a time; blame of a long history refills it.
  if (cache_.size() >= 256) cache_.clear();
  cache_.emplace(key, referential);
  return referential;
}

std::shared_ptr<const referential_model::Referential> ReferentialService::modelAt(const std::string& cqpm,
                                                                                  const std::string& commit) {
  return models_.get(cqpm + "@" + commit, [&] {
    const auto document = referentialAt(cqpm, commit);
    try {
      return std::make_shared<const referential_model::Referential>(
          referential_model::parseReferential(document));
    } catch (const Error& e) {
      throw Error(ErrorCode::kStorage,
                  jsonPath(cqpm) + "@" + commit + " is not a referential: " + e.field() + ": " + e.what());
    }
  });
}

VersionDiff ReferentialService::diff(const std::string& cqpm, std::int64_t from, std::int64_t to) {
  VersionDiff diff{cqpm, version(cqpm, from), version(cqpm, to), {}};
  diff.changes =
      diffReferentials(referentialAt(cqpm, diff.from.commit_id), referentialAt(cqpm, diff.to.commit_id));
  return diff;
}

std::vector<BlameEntry> ReferentialService::blame(const std::string& cqpm) {
  std::vector<std::pair<int, Object::Ptr>> history;
  for (const auto& version : versions(cqpm)) {
    history.emplace_back(static_cast<int>(version.number), referentialAt(cqpm, version.commit_id));
  }
  if (history.empty()) throw Error(ErrorCode::kNotFound, "no published referential for " + cqpm);
  return blameReferential(history);
}

PinnedFiles ReferentialService::pinnedFiles(const std::string& cqpm, std::int64_t number, bool open_only) {
  version(cqpm, number);  // 404 for an unknown version
  PinnedFiles pinned{cqpm, number, 0, db_.read([&](store::SqlSession& sql) {
                       return store::referential_version_store::countPinnedFiles(sql, cqpm, number,
                                                                                 final_states_, open_only);
                     })};
  for (const auto& row : pinned.by_centre_and_state) pinned.total += row.count;
  return pinned;
}

ProposalView ReferentialService::propose(const domain::Actor& actor, const std::string& cqpm,
                                         const Object::Ptr& referential, const std::string& reason,
                                         std::optional<std::int64_t> base_version) {
  requireGtp(actor);
  requireReason(reason, "reason");
  if (!referential) throw Error(ErrorCode::kInvalidField, "referential is required", "referential");
  const auto violations = referential_schema_.validate(referential);
  if (!violations.empty()) {
    const std::string path =
        violations.front().path == "$" ? "referential" : "referential." + violations.front().path;
    throw Error(ErrorCode::kInvalidField, path + ": " + violations.front().message, path);
  }
  referential_model::ReferentialCounts counts;
  if (auto violation = referential_model::checkReferentialRules(modelOfProposal(referential), cqpm, counts)) {
    throw Error(ErrorCode::kInvalidField, "referential." + violation->path + ": " + violation->message,
                "referential." + violation->path);
  }
  const std::string content = canonicalReferentialJson(referential);

  std::lock_guard lock(git_writer_);
  const auto base = current(cqpm);
  if (base_version && *base_version != base.number) {
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("current_version", base.number);
    throw Error(ErrorCode::kConflict,
                "version " + std::to_string(base.number) +
                    " is in force; the proposal was edited on version " + std::to_string(*base_version) +
                    ": start again from the version in force",
                "base_version", details);
  }
  if (replica_.readFile(base.commit_id, jsonPath(cqpm)).value_or("") == content) {
    throw Error(ErrorCode::kUnprocessable,
                "the proposal is identical to version " + std::to_string(base.number), "referential");
  }
  std::int64_t id = 0;
  for (int attempt = 0;; ++attempt) {
    id = db_.read(
        [](store::SqlSession& sql) { return store::referential_version_store::nextProposalId(sql); });
    const std::string ref = "refs/proposals/" + std::to_string(id);
    const auto tip = replica_.mainTip();
    const std::string commit = replica_.withRepository([&](ReferentialRepository& repository) {
      return repository.writeCommit(
          tip,
          {{jsonPath(cqpm), content},
           {markdownPath(cqpm),
            renderReferentialMarkdown(referential, "proposition n° " + std::to_string(id) +
                                                       " (sur la version " + std::to_string(base.number) +
                                                       ")")}},
          authorOf(actor),
          cqpm + ": proposal " + std::to_string(id) + "\n\n" + reason +
              "\n\nBase-version: " + std::to_string(base.number) + "\n");
    });
    store::ReferentialProposal proposal;
    proposal.id = id;
    proposal.cqpm = cqpm;
    proposal.base_version = base.number;
    proposal.base_commit = base.commit_id;
    proposal.proposal_commit = commit;
    proposal.git_ref = ref;
    proposal.proposer_id = actor.user_id;
    proposal.reason = reason;
    proposal.state = "open";
    proposal.created_at = nowIso8601(clock_);
    // The ref, the proposal and the proposer's approval (for their college) in one transaction.
    const bool recorded =
        replica_.record({commit}, {}, {{ref, std::nullopt, commit}}, [&](store::SqlSession& sql) {
          store::referential_version_store::insertProposal(sql, proposal);
          store::referential_version_store::insertApproval(
              sql, id, actor.user_id, std::string(domain::collegeName(*actor.college)), proposal.created_at);
        });
    if (recorded) break;
    // Another instance took this id first.
    if (attempt >= kWriteAttempts)
      throw Error(ErrorCode::kConflict, "could not number the proposal: try again");
  }
  return this->proposal(id);
}

store::ReferentialProposal ReferentialService::requireProposal(std::int64_t id) {
  auto found = db_.read(
      [&](store::SqlSession& sql) { return store::referential_version_store::findProposal(sql, id); });
  if (!found) throw Error(ErrorCode::kNotFound, "no proposal " + std::to_string(id));
  return *found;
}

ProposalView ReferentialService::approve(const domain::Actor& actor, std::int64_t id) {
  requireGtp(actor);
  // Decisions on proposals are serialised with publishing: a reject or an
  // approval never interleaves with a publication in progress.
  std::lock_guard lock(git_writer_);
  db_.write([&](store::SqlSession& sql) {
    auto proposal = store::referential_version_store::findProposal(sql, id);
    if (!proposal) throw Error(ErrorCode::kNotFound, "no proposal " + std::to_string(id));
    if (proposal->state != "open") {
      throw Error(ErrorCode::kInvalidState,
                  "the proposal is " + proposal->state + ": it can no longer be approved");
    }
    const std::string college(domain::collegeName(*actor.college));
    for (const auto& approval : store::referential_version_store::listApprovals(sql, id)) {
      if (approval.user_id == actor.user_id) {
        throw Error(ErrorCode::kConflict, actor.user_id == proposal->proposer_id
                                              ? "your proposal already counts as your approval"
                                              : "you have already approved this proposal");
      }
      if (approval.college == college) {
        throw Error(ErrorCode::kConflict, "the " + college + " college has already approved (" +
                                              approval.display_name + "): the other college must approve");
      }
    }
    const std::string now = nowIso8601(clock_);
    store::referential_version_store::insertApproval(sql, id, actor.user_id, college, now);
    // One approval per college and two colleges: this one completes it.
    proposal->state = "approved";
    proposal->decided_at = now;
    store::referential_version_store::updateProposalState(sql, *proposal);
  });
  return proposal(id);
}

ProposalView ReferentialService::reject(const domain::Actor& actor, std::int64_t id,
                                        const std::string& reason) {
  requireGtp(actor);
  requireReason(reason, "reason");
  std::lock_guard lock(git_writer_);
  db_.write([&](store::SqlSession& sql) {
    auto proposal = store::referential_version_store::findProposal(sql, id);
    if (!proposal) throw Error(ErrorCode::kNotFound, "no proposal " + std::to_string(id));
    if (proposal->state != "open" && proposal->state != "approved") {
      throw Error(ErrorCode::kInvalidState,
                  "the proposal is " + proposal->state + ": it can no longer be rejected");
    }
    proposal->state = "rejected";
    proposal->decided_at = nowIso8601(clock_);
    proposal->decided_by = actor.user_id;
    proposal->rejection_reason = reason;
    store::referential_version_store::updateProposalState(sql, *proposal);
  });
  return proposal(id);
}

ProposalView ReferentialService::publish(const domain::Actor& actor, std::int64_t id) {
  requireGtp(actor);
  std::lock_guard lock(git_writer_);
  auto proposal = requireProposal(id);
  if (proposal.state != "approved") {
    throw Error(ErrorCode::kInvalidState,
                "only an approved proposal is published; this one is " + proposal.state);
  }
  const auto base = current(proposal.cqpm);
  if (base.number != proposal.base_version) {
    throw Error(ErrorCode::kConflict, "version " + std::to_string(base.number) +
                                          " was published since this proposal (on version " +
                                          std::to_string(proposal.base_version) +
                                          "): propose the change again on the version in force");
  }
  const auto approvals = db_.read(
      [&](store::SqlSession& sql) { return store::referential_version_store::listApprovals(sql, id); });
  std::vector<std::string> trailers{"Proposal: " + std::to_string(id)};
  Array::Ptr approvers = new Array;
  for (const auto& approval : approvals) {
    trailers.push_back("Approved-by: " + approval.display_name + " <" + approval.email + "> (" +
                       approval.college + ")");
    Object::Ptr approver = new Object;
    approver->set("name", approval.display_name);
    approver->set("email", approval.email);
    approver->set("college", approval.college);
    approvers->add(approver);
  }
  const std::int64_t number = base.number + 1;
  const auto content = replica_.readFile(proposal.proposal_commit, jsonPath(proposal.cqpm));
  if (!content) throw Error(ErrorCode::kStorage, "the proposal's commit has no " + jsonPath(proposal.cqpm));
  const Object::Ptr referential = parseReferential(*content, "proposal " + std::to_string(id));
  const std::string message = versionMessage(proposal.cqpm, number, proposal.reason, trailers);
  const std::string tag = tagName(proposal.cqpm, number);
  // Publishing is all or nothing: the commit, the tag, main, the index row and
  // the proposal's state are one SQL transaction; git objects written before it
  // and never recorded are unreachable garbage, never a version.
  for (int attempt = 0;; ++attempt) {
    const auto tip = replica_.mainTip();
    const auto commit_and_tag = replica_.withRepository([&](ReferentialRepository& repository) {
      const std::string written = repository.writeCommit(
          tip,
          {{jsonPath(proposal.cqpm), *content},
           {markdownPath(proposal.cqpm),
            renderReferentialMarkdown(referential, "version " + std::to_string(number))}},
          authorOf(actor), message);
      return std::make_pair(written,
                            repository.writeTag(tag, written, authorOf(actor),
                                                proposal.cqpm + ", version " + std::to_string(number)));
    });
    // Named references, not a structured binding: lambdas below capture them
    // (clang-tidy's clang 14 cannot capture a binding).
    const std::string& commit = commit_and_tag.first;
    const std::string& tag_object = commit_and_tag.second;
    const bool recorded = replica_.record(
        {commit}, {tag_object}, {{kMain, tip, commit}, {"refs/tags/" + tag, std::nullopt, tag_object}},
        [&](store::SqlSession& sql) {
          const auto now_stored = store::referential_version_store::findProposal(sql, id);
          const auto latest = store::referential_version_store::latestVersion(sql, proposal.cqpm);
          if (!now_stored || now_stored->state != "approved" || !latest || latest->number != base.number) {
            // Another instance decided or published meanwhile.
            throw Error(ErrorCode::kConflict, "the proposal changed while it was being published");
          }
          store::referential_version_store::insertVersion(
              sql, {proposal.cqpm, number, commit, tag, actor.display_name, authorOf(actor).email,
                    nowIso8601(clock_), proposal.reason, toJsonText(Poco::Dynamic::Var(approvers))});
          proposal.state = "published";
          proposal.published_version = number;
          proposal.decided_at = nowIso8601(clock_);
          proposal.decided_by = actor.user_id;
          store::referential_version_store::updateProposalState(sql, proposal);
        });
    if (recorded) break;
    // main moved (another CQPM published on another instance): build on the new tip.
    if (attempt >= kWriteAttempts) throw Error(ErrorCode::kConflict, "main kept moving: publish again");
  }
  return this->proposal(id);
}

ProposalView ReferentialService::proposal(std::int64_t id) {
  ProposalView view;
  view.proposal = requireProposal(id);
  view.approvals = db_.read(
      [&](store::SqlSession& sql) { return store::referential_version_store::listApprovals(sql, id); });
  view.referential = referentialAt(view.proposal.cqpm, view.proposal.proposal_commit);
  view.changes =
      diffReferentials(referentialAt(view.proposal.cqpm, view.proposal.base_commit), view.referential);
  view.impact = pinnedFiles(view.proposal.cqpm, view.proposal.base_version, true);
  return view;
}

std::vector<store::ReferentialProposal> ReferentialService::proposals(const std::string& cqpm,
                                                                      const std::string& state) {
  return db_.read([&](store::SqlSession& sql) {
    return store::referential_version_store::listProposals(sql, cqpm, state);
  });
}

}  // namespace cqpm::referentials
