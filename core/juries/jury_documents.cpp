#include "juries/jury_documents.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <set>

#include "access/file_scope.h"
#include "certificates/french_dates.h"
#include "certificates/jury_minutes.h"
#include "certificates/outcome_labels.h"
#include "certificates/results_csv.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "deadlines/paris_time.h"
#include "domain/bloc_scope.h"
#include "juries/decision_seal.h"
#include "juries/outcome_proposal.h"
#include "juries/planned_modalities.h"
#include "juries/session_access.h"
#include "store/award_store.h"
#include "store/candidate_file_store.h"
#include "store/company_opinion_store.h"
#include "store/jury_closing_store.h"
#include "store/jury_decision_store.h"
#include "store/vae_admissibility_store.h"

namespace cqpm::juries {

using Poco::JSON::Array;
using Poco::JSON::Object;
using store::SqlSession;

namespace {

Array::Ptr parsedArray(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Array::Ptr>();
}

// The competencies evaluated in an exceptional modality, with the justification the plan gives,
// titled from the referential: "3 — Title : situation ... reconstituée. Justification : ...".
std::vector<std::string> exceptionalModalities(const domain::CandidateFile& file,
                                               const referential_model::Referential& referential) {
  const auto planned = plannedModalities(file, referential);
  std::vector<std::string> lines;
  for (const auto& bloc : referentialBlocs(referential)) {  // in the referential's order
    for (std::size_t c = 0; c < bloc.competencies.size(); ++c) {
      const auto found = planned.find(bloc.competencies[c]);
      if (found == planned.end() || !found->second.exceptional) continue;
      const PlannedModality& modality = found->second;
      lines.push_back(
          bloc.competencies[c] + " — " + bloc.competency_titles[c] + " : " + modality.label +
          ". Justification : " + (modality.justification.empty() ? "non indiquée" : modality.justification));
    }
  }
  return lines;
}

// A VAE application's admissibility decision in force, in one line; "" for other pathways.
std::string admissibilitySummary(SqlSession& sql, const domain::CandidateFile& file) {
  if (file.pathway != domain::Pathway::kVae) return {};
  const auto decision = store::vae_admissibility_store::latest(sql, file.id);
  if (!decision) return "non examinée";
  return std::string(decision->favourable ? "favorable" : "défavorable") + ", décidée le " +
         deadlines::frenchParisTime(decision->decided_at) + " par " + decision->decided_by_name + " — " +
         decision->reason;
}

// What the jury was shown of the company's opinion, in one line.
std::string companyOpinionSummary(SqlSession& sql, const domain::CandidateFile& file) {
  if (file.pathway == domain::Pathway::kVae) return "sans objet (VAE)";
  const auto opinion = store::company_opinion_store::latest(sql, file.id);
  if (!opinion || opinion->state != "signed") return "non donné";
  std::string summary = "signé le " +
                        certificates::frenchLongDate(opinion->signed_at.value_or("").substr(0, 10)) +
                        " par " + opinion->signed_by_name.value_or("");
  const auto content = Poco::JSON::Parser().parse(opinion->content_json).extract<Object::Ptr>();
  if (const std::string text = textOf(content, "text"); !text.empty()) summary += " — « " + text + " »";
  return summary;
}

// "BDC0229 / RNCP37854BC01": the bloc's codes that are recorded, or "".
std::string codesOf(const Object::Ptr& bloc) {
  std::string codes = textOf(bloc, "code");
  if (const std::string rncp = textOf(bloc, "rncp_code"); !rncp.empty())
    codes += (codes.empty() ? "" : " / ") + rncp;
  return codes;
}

std::string revocationNote(const store::JuryDecisionRecord& decision) {
  return "Décision révoquée le " + decision.revoked_at->substr(0, 10) + " : " +
         decision.revocation_reason.value_or("");
}

// A session's decisions with their files, in the order they were taken.
struct DecidedFile {
  store::JuryDecisionRecord decision;
  store::CandidateFileView file;
};

std::vector<DecidedFile> decidedFiles(SqlSession& sql, const std::string& session_id) {
  std::vector<DecidedFile> decided;
  for (auto& decision : store::jury_decision_store::forSession(sql, session_id)) {
    auto file =
        store::candidate_file_store::find(sql, decision.file_id, {access::FileScope::Kind::kEverything, {}});
    if (file) decided.push_back({std::move(decision), std::move(*file)});
  }
  return decided;
}

}  // namespace

referential_model::CertificationIdentity JuryDocuments::identityOf(const domain::CandidateFile& file) const {
  auto identity = rules_.referentialFor(file)->identity;
  if (identity.title.empty()) identity.title = file.cqpm;
  return identity;
}

std::string JuryDocuments::minutesPdf(const domain::Actor& actor, const std::string& session_id) {
  certificates::MinutesData minutes = db_.read([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    certificates::MinutesData data;
    data.session_id = seat.session.id;
    data.centre_name = seat.session.centre_name;
    data.session_date = seat.session.session_date;
    data.session_time = seat.session.session_time.value_or("");
    for (const auto& member : seat.members) {
      if (seat.session.president_id && member.user_id == *seat.session.president_id)
        data.president = member.display_name;
    }
    for (const auto& signature : store::jury_closing_store::signatures(sql, session_id)) {
      data.signatures.push_back(signature.display_name + " (" +
                                certificates::collegeLabelFr(signature.college) + "), le " +
                                deadlines::frenchParisTime(signature.signed_at));
    }
    for (const auto& erratum : store::jury_closing_store::errata(sql, session_id)) {
      data.errata.push_back(deadlines::frenchParisTime(erratum.recorded_at) + ", " +
                            erratum.recorded_by_name + " : " + erratum.text);
    }
    if (seat.session.closed_at) data.closed_at = deadlines::frenchParisTime(*seat.session.closed_at);
    if (seat.session.published_at) data.published_at = deadlines::frenchParisTime(*seat.session.published_at);
    data.place = seat.session.place;
    for (const auto& member : seat.members) {
      data.members.push_back(
          {member.display_name, member.college, member.company_name.value_or(""), member.present});
    }
    for (const auto& [decision, view] : decidedFiles(sql, session_id)) {
      certificates::MinutesDecision item;
      item.candidate_name = view.file.candidate.given_name + " " + view.file.candidate.family_name;
      item.candidate_birth_date = view.file.candidate.birth_date;
      item.candidate_birth_place = view.file.candidate.birth_place;
      item.pathway = certificates::pathwayLabelFr(domain::pathwayName(view.file.pathway));
      const auto referential = rules_.referentialFor(view.file);
      item.modalities = modalitiesUsed(view.file, *referential);
      item.exceptional_modalities = exceptionalModalities(view.file, *referential);
      item.vae_admissibility = admissibilitySummary(sql, view.file);
      const domain::BlocScope scope = domain::parseBlocScope(view.file.bloc_scope_json);
      for (const auto& bloc : referentialBlocs(*referential)) {
        if (!scope.wholeCqpm() && scope.targets(bloc.index))
          item.targeted_blocs.push_back(blocLabel(bloc.code, bloc.title));
      }
      item.company_opinion = companyOpinionSummary(sql, view.file);
      const auto identity = identityOf(view.file);
      item.cqpm_number = identity.cqpm_number.value_or("");
      item.cqpm_title = identity.title;
      item.outcome = decision.outcome;
      const auto blocs = parsedArray(decision.blocs_json);
      for (std::size_t i = 0; i < blocs->size(); ++i) {
        const auto bloc = blocs->getObject(static_cast<unsigned>(i));
        item.blocs.push_back(blocLabel(codesOf(bloc), textOf(bloc, "title")));
      }
      item.referential_version = static_cast<int>(decision.referential_version.value_or(0));
      item.referential_commit = decision.referential_commit.value_or("");
      item.seal = decisionSeal(decision);
      item.overrides_proposal = decision.overrides_proposal;
      item.reason = decision.reason;
      if (decision.revoked_at) item.reason += (item.reason.empty() ? "" : " — ") + revocationNote(decision);
      if (decision.competencies_json) {
        const auto competencies = parsedArray(*decision.competencies_json);
        for (std::size_t i = 0; i < competencies->size(); ++i) {
          const auto competency = competencies->getObject(static_cast<unsigned>(i));
          const bool validated = competency->getValue<bool>("validated");
          const bool carried = competency->getValue<bool>("carried_over");
          const bool targeted = competency->optValue<bool>("targeted", true);
          item.competencies.push_back(
              {textOf(competency, "number") + " — " + textOf(competency, "title"), validated,
               !carried && validated != (textOf(competency, "commission_result") == "acquired"),
               textOf(competency, "reason"), carried, targeted});
        }
      }
      const auto abstentions = parsedArray(decision.abstentions_json);
      for (std::size_t i = 0; i < abstentions->size(); ++i) {
        item.abstained.push_back(textOf(abstentions->getObject(static_cast<unsigned>(i)), "name"));
      }
      data.decisions.push_back(std::move(item));
    }
    return data;
  });
  minutes.generated_iso = nowIso8601(clock_);
  minutes.generated_at = deadlines::frenchParisTime(minutes.generated_iso);
  return certificates::renderMinutesPdf(minutes);
}

std::string JuryDocuments::resultsCsv(const domain::Actor& actor, const std::string& session_id) {
  const auto rows = db_.read([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    if (!seat.overseer) requireCoordinator(seat, "exports the results of a jury session");
    std::vector<certificates::ResultRow> result;
    for (const auto& [decision, view] : decidedFiles(sql, session_id)) {
      certificates::ResultRow row;
      row.family_name = view.file.candidate.family_name;
      row.given_name = view.file.candidate.given_name;
      row.birth_date = certificates::frenchShortDate(view.file.candidate.birth_date);
      const auto identity = identityOf(view.file);
      row.cqpm_number = identity.cqpm_number.value_or("non renseigné");
      row.cqpm_title = identity.title;
      row.outcome_fr = certificates::outcomeLabelFr(decision.outcome);
      if (decision.revoked_at) row.outcome_fr += " (" + revocationNote(decision) + ")";
      const auto blocs = parsedArray(decision.blocs_json);
      for (std::size_t i = 0; i < blocs->size(); ++i) {
        const auto bloc = blocs->getObject(static_cast<unsigned>(i));
        const std::string codes = codesOf(bloc);
        row.blocs += (row.blocs.empty() ? "" : ", ") + (codes.empty() ? textOf(bloc, "title") : codes);
      }
      row.referential_version =
          decision.referential_version ? std::to_string(*decision.referential_version) : std::string();
      row.decided_at = certificates::frenchShortDate(seat.session.session_date);
      for (const auto& award : store::award_store::forDecision(sql, decision.id)) {
        row.verification_code = award.verification_code;
      }
      result.push_back(std::move(row));
    }
    return result;
  });
  return certificates::renderResultsCsv(rows);
}

}  // namespace cqpm::juries
