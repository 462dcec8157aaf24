#include "accrochage/cdc_flux_xml.h"

#include <gtest/gtest.h>

#include "accrochage/flux_schema_check.h"
#include "accrochage/holders_csv.h"
#include "common/error.h"
#include "domain/civil_status.h"

// The Accrochage flux rendered from typed records, checked by libxml2 against the schema of the
// flux (schemas/accrochage/), and the civil-status facts it rests on.

namespace cqpm::accrochage {
namespace {

ReportedCertification certifiedHolder() {
  ReportedCertification line;
  line.technical_id = "award-1";
  line.kind = "certificate";
  line.certification_code = "RNCP37854";
  line.title = "Technicien de la qualité";
  line.award_id = "award-1";
  line.verification_code = "K7QM-4XPA-9RTE";
  line.proof_url = "https://cqpm.example.fr/verify/K7QM-4XPA-9RTE";
  line.decision_date = "2027-03-18";
  line.file_id = "file-1";
  line.centre_name = "UIMM Rhône";
  line.registered_on = "2026-09-01";
  line.family_name = "Lefèvre & Fils <SARL>";  // escaped, never breaking the document
  line.given_names = "Marie  Claire Anne Sophie";
  line.birth_date = "1994-06-02";
  line.birth_place = "Ajaccio";
  line.sex = "F";
  line.birth_insee_code = "2A004";
  return line;
}

HolderReport reportOf(std::vector<ReportedCertification> lines) {
  return {"2027-03-01", "2027-03-31", {"12345678", "CTR-2027-001"}, std::move(lines)};
}

void expectValid(const std::string& xml) {
  for (const auto& schema : testing::accrochageSchemas()) {
    const auto verdict = testing::validateWithXmllint(xml, schema);
    EXPECT_TRUE(verdict.valid) << schema << "\n" << verdict.messages << "\n" << xml;
  }
}

TEST(CdcFluxXmlTest, AFluxOfACertificateAndTwoBlocsIsValidAgainstTheSchema) {
  ReportedCertification bloc1 = certifiedHolder();
  bloc1.technical_id = "award-2#1";
  bloc1.kind = "bloc";
  bloc1.certification_code = "RNCP37854BC01";
  bloc1.family_name = "Haddad";
  bloc1.given_names = "Karim";
  bloc1.sex = "M";
  bloc1.birth_insee_code = "99350";  // born in Morocco
  bloc1.birth_place = "";
  bloc1.access_mode = "VAE";
  ReportedCertification bloc2 = bloc1;
  bloc2.technical_id = "award-2#2";
  bloc2.certification_code = "RNCP37854BC02";
  const std::string xml = renderCdcFlux(reportOf({certifiedHolder(), bloc1, bloc2}),
                                        "CQPMHUB-20270318100000-abc", "2027-03-18T10:00:00+01:00");
  expectValid(xml);
  EXPECT_NE(xml.find("<cpf:nomNaissance>Lefèvre &amp; Fils &lt;SARL&gt;</cpf:nomNaissance>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<cpf:prenom1>Marie</cpf:prenom1>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:prenom2>Claire</cpf:prenom2>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:prenom3>Anne Sophie</cpf:prenom3>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:codeInsee>2A004</cpf:codeInsee>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:codePaysNaissance>100</cpf:codePaysNaissance>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:codePaysNaissance>350</cpf:codePaysNaissance>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:modaliteAcces>VAE</cpf:modaliteAcces>"), std::string::npos);
  EXPECT_NE(xml.find("<cpf:modaliteAcces xsi:nil=\"true\"/>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<cpf:jourNaissance>2</cpf:jourNaissance>"), std::string::npos);
  // One <certification> per RNCP code: the CQPM and each bloc.
  std::size_t certifications = 0;
  for (auto at = xml.find("<cpf:certification>"); at != std::string::npos;
       at = xml.find("<cpf:certification>", at + 1))
    ++certifications;
  EXPECT_EQ(certifications, 3u);
}

TEST(CdcFluxXmlTest, ASchemaViolationIsCaught) {
  // The check itself can fail: a sex the flux does not know, and a seven-character client number.
  ReportedCertification line = certifiedHolder();
  line.sex = "X";
  HolderReport report = reportOf({line});
  report.certifier.client_id = "1234567";
  const std::string xml = renderCdcFlux(report, "CQPMHUB-1", "2027-03-18T10:00:00+01:00");
  const auto verdict = testing::validateWithXmllint(xml, testing::accrochageSchemas().front());
  EXPECT_FALSE(verdict.valid);
  EXPECT_NE(verdict.messages.find("sexe"), std::string::npos) << verdict.messages;
  EXPECT_NE(verdict.messages.find("idClient"), std::string::npos) << verdict.messages;
}

TEST(CdcFluxXmlTest, IncompleteLinesStayOutAndNothingToReportIsRefused) {
  ReportedCertification incomplete = certifiedHolder();
  incomplete.technical_id = "award-9";
  incomplete.sex.clear();
  incomplete.missing = {MissingFact::kSex};
  const std::string xml =
      renderCdcFlux(reportOf({certifiedHolder(), incomplete}), "CQPMHUB-2", "2027-03-18T10:00:00+01:00");
  EXPECT_NE(xml.find("award-1"), std::string::npos);
  EXPECT_EQ(xml.find("award-9"), std::string::npos);
  try {
    renderCdcFlux(reportOf({incomplete}), "CQPMHUB-3", "2027-03-18T10:00:00+01:00");
    ADD_FAILURE() << "rendered";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidState);
  }
  HolderReport unconfigured = reportOf({certifiedHolder()});
  unconfigured.certifier = {};
  try {
    renderCdcFlux(unconfigured, "CQPMHUB-4", "2027-03-18T10:00:00+01:00");
    ADD_FAILURE() << "rendered";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidState);
    EXPECT_NE(std::string(e.what()).find("cqpm.accrochage.client_id"), std::string::npos);
  }
}

TEST(CdcFluxXmlTest, TheCsvListsEveryLineWithWhatIsMissing) {
  ReportedCertification incomplete = certifiedHolder();
  incomplete.technical_id = "award-9";
  incomplete.birth_insee_code.clear();
  incomplete.missing = {MissingFact::kBirthInseeCode, MissingFact::kCertificationCode};
  const std::string csv = renderHoldersCsv(reportOf({certifiedHolder(), incomplete}));
  EXPECT_NE(csv.find("Code INSEE du lieu de naissance"), std::string::npos);
  EXPECT_NE(csv.find("award-1;CQPM;RNCP37854"), std::string::npos) << csv;
  EXPECT_NE(
      csv.find(
          "code INSEE du lieu de naissance non renseigné ; code RNCP non enregistré dans le référentiel"),
      std::string::npos)
      << csv;
}

TEST(CivilStatusTest, SexesAndInseeCodesOfBirthPlaces) {
  EXPECT_TRUE(domain::isCivilStatusSex("F"));
  EXPECT_TRUE(domain::isCivilStatusSex("M"));
  for (const char* wrong : {"", "f", "X", "FM"}) EXPECT_FALSE(domain::isCivilStatusSex(wrong)) << wrong;
  for (const char* code : {"69123", "2A004", "2B033", "99350", "97411"})
    EXPECT_TRUE(domain::isBirthInseeCode(code)) << code;
  for (const char* code : {"", "6912", "691234", "2C004", "2A0O4", "ABCDE", "69 12"})
    EXPECT_FALSE(domain::isBirthInseeCode(code)) << code;
  EXPECT_EQ(domain::birthCountryCode("99350").value_or(""), "350");
  EXPECT_EQ(domain::birthCountryCode("69123").value_or(""), "100");
  EXPECT_FALSE(domain::birthCountryCode("123"));
  try {
    domain::requireBirthInseeCode("6912", "candidate.birth_insee_code");
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "candidate.birth_insee_code");
  }
  EXPECT_NO_THROW(domain::requireCivilStatusSex("", "candidate.sex"));  // not recorded
}

}  // namespace
}  // namespace cqpm::accrochage
