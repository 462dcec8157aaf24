#include "accrochage/holder_report_service.h"

#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>

#include <map>

#include "access/file_scope.h"
#include "access/policy.h"
#include "common/error.h"
#include "common/iso_date.h"
#include "common/iso_instant.h"
#include "deadlines/paris_time.h"
#include "store/award_store.h"
#include "store/candidate_file_store.h"

namespace cqpm::accrochage {

namespace {

// The flux takes names of at most 60 characters (not bytes).
constexpr std::size_t kMaxNameCharacters = 60;
constexpr int kMaxPeriodDays = 3 * 366;

std::size_t characters(const std::string& utf8) {
  Poco::UTF8Encoding encoding;
  std::size_t count = 0;
  for (Poco::TextIterator it(utf8, encoding), end(utf8); it != end; ++it) ++count;
  return count;
}

bool nameFits(const std::string& name) { return !name.empty() && characters(name) <= kMaxNameCharacters; }

void requireDay(const std::string& value, const std::string& field) {
  if (!parseIsoDate(value))
    throw Error(ErrorCode::kInvalidField, field + " must be a day written YYYY-MM-DD", field);
}

std::string parisDayOfRecord(const std::string& iso_timestamp) {
  const auto instant = parseIsoInstant(iso_timestamp);
  return instant ? deadlines::parisDateOf(*instant) : iso_timestamp.substr(0, 10);
}

// What every certification of one award shares: the holder and the file.
ReportedCertification holderPart(const store::AwardRecord& award, const store::CandidateFileView& view,
                                 const std::string& proof_url) {
  const domain::CandidateFile& file = view.file;
  ReportedCertification line;
  line.award_id = award.id;
  line.verification_code = award.verification_code;
  line.proof_url = proof_url;
  line.decision_date = award.decision_date;
  line.file_id = file.id;
  line.centre_name = view.centre_name;
  line.registered_on = parisDayOfRecord(file.created_at);
  if (file.pathway == domain::Pathway::kVae) line.access_mode = "VAE";
  line.family_name = file.candidate.family_name;
  line.given_names = file.candidate.given_name;
  line.birth_date = file.candidate.birth_date;
  line.birth_place = file.candidate.birth_place;
  line.sex = file.candidate.sex;
  line.birth_insee_code = file.candidate.birth_insee_code;
  if (line.sex.empty()) line.missing.push_back(MissingFact::kSex);
  if (line.birth_insee_code.empty()) line.missing.push_back(MissingFact::kBirthInseeCode);
  if (!nameFits(line.family_name) || !nameFits(line.given_names.substr(0, line.given_names.find(' '))))
    line.missing.push_back(MissingFact::kName);
  return line;
}

}  // namespace

HolderReportService::HolderReportService(store::Database& db, plugins::PluginRules& rules,
                                         awards::AwardService& awards, CertifierIdentity certifier)
    : db_(db), rules_(rules), awards_(awards), certifier_(std::move(certifier)) {}

HolderReport HolderReportService::report(const domain::Actor& actor, const std::string& from,
                                         const std::string& to) const {
  access::require(actor, access::Permission::kReportHolders, "report certified holders");
  requireDay(from, "from");
  requireDay(to, "to");
  if (to < from) throw Error(ErrorCode::kInvalidField, "to must not be before from", "to");
  if (deadlines::addDays(from, kMaxPeriodDays) < to)
    throw Error(ErrorCode::kInvalidField, "the period may span at most three years", "to");
  const auto scope = access::fileScopeFor(actor);
  std::optional<std::string> centre;
  if (scope.kind == access::FileScope::Kind::kCentre) centre = scope.key;

  std::vector<store::AwardRecord> awards;
  std::map<std::string, store::CandidateFileView> files;
  db_.read([&](store::SqlSession& sql) {
    awards = store::award_store::standingBetween(sql, from, to, centre);
    for (const auto& award : awards) {
      if (files.contains(award.file_id)) continue;
      if (auto view = store::candidate_file_store::find(sql, award.file_id, scope))
        files.emplace(award.file_id, std::move(*view));
    }
  });

  HolderReport report{from, to, certifier_, {}};
  for (const auto& award : awards) {
    const auto file = files.find(award.file_id);
    if (file == files.end()) continue;  // outside the reader's scope
    const ReportedCertification holder =
        holderPart(award, file->second, awards_.verificationUrl(award.verification_code));
    if (award.kind == "certificate") {
      ReportedCertification line = holder;
      line.technical_id = award.id;
      line.kind = "certificate";
      line.title = award.cqpm_title;
      line.certification_code = rules_.referentialFor(file->second.file)->identity.rncp.number.value_or("");
      if (line.certification_code.empty()) line.missing.push_back(MissingFact::kCertificationCode);
      report.certifications.push_back(std::move(line));
      continue;
    }
    int index = 0;
    for (const auto& bloc : awards::awardedBlocs(award)) {
      ReportedCertification line = holder;
      line.technical_id = award.id + "#" + std::to_string(++index);
      line.kind = "bloc";
      line.title = bloc.title;
      line.certification_code = bloc.rncp_code;
      if (line.certification_code.empty()) line.missing.push_back(MissingFact::kCertificationCode);
      report.certifications.push_back(std::move(line));
    }
  }
  return report;
}

}  // namespace cqpm::accrochage
