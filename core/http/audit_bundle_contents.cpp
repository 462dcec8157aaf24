#include "http/audit_bundle_contents.h"

#include <set>

#include "archive/file_archive_pdf.h"
#include "audit/event_chain.h"
#include "common/error.h"
#include "common/json_text.h"
#include "http/audit_presenters.h"
#include "http/document_presenters.h"
#include "http/evaluation_presenters.h"
#include "http/jury_presenters.h"
#include "http/modality_plan_presenters.h"
#include "http/opinion_presenters.h"
#include "http/presenters.h"

namespace cqpm::http {
namespace {

// A stored file name kept readable in a path, without what a path must not hold.
std::string pathSafe(const std::string& name) {
  std::string safe;
  for (const char c : name) safe += (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) ? '_' : c;
  if (safe.empty() || safe == "." || safe == "..") safe = "document";
  return safe;
}

// A session's minutes or an award's certificate exist only once the session allows it (closed,
// published; an award not revoked): what cannot be printed yet is left out, the decisions' JSON
// says why.
template <typename Render>
void addIfPrintable(std::vector<audit::BundleEntry>& entries, const std::string& path, Render render) {
  try {
    entries.push_back({path, render(), {}});
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kInvalidState && e.code() != ErrorCode::kNotFound) throw;
  }
}

}  // namespace

std::vector<audit::BundleEntry> auditBundleEntries(ApiContext& context, const domain::Actor& actor,
                                                   const std::string& file_id) {
  const archive::FileArchive archive = context.archives.gather(actor, file_id);  // permission and scope
  const domain::CandidateFile& file = archive.file.file;
  std::vector<audit::BundleEntry> entries;
  const auto add = [&](const std::string& path, const std::string& text) {
    entries.push_back({path, text, {}});
  };

  add("file.json", toJsonText(fileJson(archive.file, &context.engine, &actor, nowIso8601(context.clock))));
  std::vector<domain::FileEvent> events;
  for (const auto& [event, summary] : archive.history) events.push_back(event);
  add("events.json", toJsonText(fileAuditJson(audit::checkFileChain(file_id, events))));
  if (archive.plan) add("plan.json", toJsonText(modalityPlanJson(*archive.plan)));
  if (archive.grid) add("evaluation.json", toJsonText(gridJson(*archive.grid)));
  if (archive.opinion) add("opinion.json", toJsonText(companyOpinionJson(*archive.opinion)));
  add("decisions.json", toJsonText(Poco::Dynamic::Var(juryDecisionsJson(archive.decisions))));

  const auto documents = context.documents.list(actor, file_id);
  add("documents.json", toJsonText(documentListJson(documents)));
  for (const auto& document : documents) {
    for (const auto& version : document.versions) {
      if (version.purged_at) continue;  // its bytes are gone (retention); documents.json still lists it
      const auto content = context.documents.content(actor, document.id, version.number);
      entries.push_back({"documents/" + document.id + "/v" + std::to_string(version.number) + "-" +
                             pathSafe(content.filename),
                         {},
                         content.path});
    }
  }

  std::set<std::string> sessions;
  for (const auto& decision : archive.decisions) {
    if (sessions.insert(decision.decision.session_id).second) {
      addIfPrintable(entries, "minutes/" + decision.decision.session_id + ".pdf",
                     [&] { return context.jury_documents.minutesPdf(actor, decision.decision.session_id); });
    }
    for (const auto& award : decision.awards) {
      addIfPrintable(entries, "awards/" + award.verification_code + ".pdf",
                     [&] { return context.awards.certificatePdf(actor, award.id); });
    }
  }
  if (file.referential_commit) {
    add("referential/" + file.cqpm + "@" + *file.referential_commit + ".json",
        toJsonText(context.referentials.referentialAt(file.cqpm, *file.referential_commit)));
  }
  entries.push_back({"archive.pdf", archive::renderFileArchive(archive), {}});
  return entries;
}

}  // namespace cqpm::http
