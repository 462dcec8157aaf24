#include "opinion/company_opinion_service.h"

#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/entity_tag.h"
#include "common/json_text.h"
#include "files/file_events.h"
#include "store/event_store.h"
#include "workflow/core_guards.h"

namespace cqpm::opinion {

using Poco::JSON::Object;
using store::CompanyOpinionRecord;

namespace {

constexpr const char* kDraft = kDraftOpinion;
constexpr const char* kSigned = kSignedOpinion;

bool isFilesTutor(const domain::Actor& actor, const domain::CandidateFile& file) {
  return access::allows(actor.role, access::Permission::kGiveCompanyOpinion) && file.company_id &&
         *file.company_id == actor.organisation_id;
}

}  // namespace

CompanyOpinionView CompanyOpinionService::view(store::SqlSession& sql, const store::CandidateFileView& file,
                                               const OpinionForm& form, const domain::Actor& actor) {
  const bool editable = file.file.state == kOpinionState && isFilesTutor(actor, file.file);
  return opinionView(file.file, form, store::company_opinion_store::listForFile(sql, file.file.id), editable);
}

CompanyOpinionView CompanyOpinionService::get(const domain::Actor& actor, const std::string& file_id) {
  const auto scope = access::fileScopeFor(actor);
  const auto file = db_.read(
      [&](store::SqlSession& sql) { return store::candidate_file_store::find(sql, file_id, scope); });
  if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
  const auto referential = rules_.referentialFor(file->file);
  const OpinionForm form{activitiesOf(*referential), competenciesOf(*referential)};
  return db_.read([&](store::SqlSession& sql) { return view(sql, *file, form, actor); });
}

CompanyOpinionService::Subject CompanyOpinionService::writableSubject(
    const domain::Actor& actor, const std::string& file_id, const std::optional<std::string>& if_match) {
  const auto scope = access::fileScopeFor(actor);
  auto file = db_.read(
      [&](store::SqlSession& sql) { return store::candidate_file_store::find(sql, file_id, scope); });
  if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
  if (!workflow::companyOpinionApplies(file->file)) {
    throw Error(ErrorCode::kUnprocessable,
                "no company opinion for VAE: a VAE file goes to the jury without the company's opinion",
                "pathway");
  }
  if (!isFilesTutor(actor, file->file)) {
    throw Error(ErrorCode::kForbidden, "only the tutor of the candidate's company gives the company opinion");
  }
  if (file->file.state != kOpinionState) {
    throw Error(
        ErrorCode::kInvalidState,
        "the company opinion is given while the file is in company_opinion; it is " + file->file.state);
  }
  if (!if_match || bareEntityTag(*if_match).empty()) {
    throw Error(ErrorCode::kPreconditionRequired,
                "send the ETag of the opinion you read in If-Match, so that no one's changes are overwritten",
                "If-Match");
  }
  const auto referential = rules_.referentialFor(file->file);
  return {std::move(*file), {activitiesOf(*referential), competenciesOf(*referential)}};
}

CompanyOpinionService::Current CompanyOpinionService::currentUnderWriter(
    store::SqlSession& sql, const domain::Actor& actor, const std::string& file_id,
    const std::string& if_match, const Subject& subject, const std::string& doing,
    const std::string& advice) {
  // The file may have moved on since it was read outside the writer.
  auto file = store::candidate_file_store::find(sql, file_id, access::fileScopeFor(actor));
  if (!file || file->file.state != kOpinionState) {
    throw Error(ErrorCode::kInvalidState,
                "the file left company_opinion while the opinion was being " + doing);
  }
  auto latest = store::company_opinion_store::latest(sql, file_id);
  if (bareEntityTag(if_match) != bareEntityTag(opinionEtag(latest))) {
    throw StaleOpinion(
        "the company opinion changed since you read it (now " + opinionEtag(latest) + "): " + advice,
        view(sql, *file, subject.form, actor));
  }
  return {std::move(*file), std::move(latest)};
}

CompanyOpinionView CompanyOpinionService::save(const domain::Actor& actor, const std::string& file_id,
                                               const std::optional<std::string>& if_match,
                                               const Object::Ptr& body) {
  const Subject subject = writableSubject(actor, file_id, if_match);
  const OpinionContent content = parseOpinionRequest(body, subject.form);
  return db_.write([&](store::SqlSession& sql) {
    const auto [file_view, latest] = currentUnderWriter(sql, actor, file_id, *if_match, subject, "saved",
                                                        "reload it and apply your changes again");
    const auto* file = &file_view;
    const std::string now = nowIso8601(clock_);
    const std::string stored = storedJson(content);
    std::int64_t version = 1;
    std::int64_t revision = 1;
    if (latest && latest->state == kDraft) {
      version = latest->version;
      revision = latest->revision + 1;
      if (!store::company_opinion_store::updateDraft(sql, file_id, version, latest->revision, stored,
                                                     actor.user_id, now)) {
        throw Error(ErrorCode::kPreconditionFailed, "the company opinion changed while it was being saved",
                    "If-Match");
      }
    } else {
      // Nothing yet, or a signed version: this save starts the next version.
      version = latest ? latest->version + 1 : 1;
      store::company_opinion_store::insert(
          sql, {file_id, version, kDraft, stored, revision, actor.user_id, "", now, {}, {}, {}});
    }
    Object::Ptr payload = new Object;
    payload->set("version", version);
    payload->set("revision", revision);
    payload->set("correction", version > 1);
    store::event_store::append(
        sql, files::sameStateEvent(file->file, actor, "company_opinion_saved", payload, now));
    return view(sql, *file, subject.form, actor);
  });
}

CompanyOpinionView CompanyOpinionService::sign(const domain::Actor& actor, const std::string& file_id,
                                               const std::optional<std::string>& if_match) {
  const Subject subject = writableSubject(actor, file_id, if_match);
  return db_.write([&](store::SqlSession& sql) {
    const auto [file_view, latest] = currentUnderWriter(sql, actor, file_id, *if_match, subject, "signed",
                                                        "check it again before signing");
    const auto* file = &file_view;
    if (latest && latest->state == kSigned) {
      throw Error(ErrorCode::kInvalidState,
                  "version " + std::to_string(latest->version) +
                      " of the company opinion is already signed; save a correction "
                      "to start the next version");
    }
    const OpinionContent content = latest ? parseStoredJson(latest->content_json) : OpinionContent{};
    std::string title;
    if (const auto missing = firstMissing(content, subject.form, &title)) {
      const bool activity = missing->rfind("activities.", 0) == 0;
      const std::string number = missing->substr(missing->find('.') + 1);
      throw Error(ErrorCode::kUnprocessable,
                  std::string(activity ? "activity " : "competency ") + number + " (" + title +
                      ") has no opinion yet: choose favourable, reserved or unfavourable before signing",
                  *missing);
    }
    if (!latest) {  // a referential with nothing to give an opinion on: still nothing to sign
      throw Error(ErrorCode::kUnprocessable, "nothing was saved yet: save the opinion before signing it",
                  "text");
    }
    const std::string now = nowIso8601(clock_);
    if (!store::company_opinion_store::sign(sql, file_id, latest->version, latest->revision, actor.user_id,
                                            now)) {
      throw Error(ErrorCode::kPreconditionFailed, "the company opinion changed while it was being signed",
                  "If-Match");
    }
    Object::Ptr payload = new Object;
    payload->set("version", latest->version);
    store::event_store::append(
        sql, files::sameStateEvent(file->file, actor, "company_opinion_signed", payload, now));
    return view(sql, *file, subject.form, actor);
  });
}

}  // namespace cqpm::opinion
