#include "accrochage/cdc_flux_xml.h"

#include <Poco/SAX/AttributesImpl.h>
#include <Poco/StringTokenizer.h>
#include <Poco/XML/XMLWriter.h>

#include <map>
#include <sstream>

#include "common/error.h"
#include "domain/civil_status.h"

namespace cqpm::accrochage {

namespace {

using Poco::XML::XMLWriter;

constexpr const char* kXsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

// Every element of the flux is qualified in the CDC's namespace, prefix "cpf".
class FluxWriter {
 public:
  explicit FluxWriter(std::ostream& out)
      : writer_(out, XMLWriter::WRITE_XML_DECLARATION | XMLWriter::PRETTY_PRINT) {
    writer_.setNewLine(XMLWriter::NEWLINE_LF);
    writer_.setIndent("  ");
  }
  void begin() {
    writer_.startDocument();
    writer_.startPrefixMapping("cpf", kCdcFluxNamespace);
    writer_.startPrefixMapping("xsi", kXsiNamespace);
  }
  void end() {
    writer_.endPrefixMapping("xsi");
    writer_.endPrefixMapping("cpf");
    writer_.endDocument();
  }
  void open(const std::string& name) { writer_.startElement(kCdcFluxNamespace, name, "cpf:" + name); }
  void close(const std::string& name) { writer_.endElement(kCdcFluxNamespace, name, "cpf:" + name); }
  void text(const std::string& name, const std::string& value) {
    open(name);
    writer_.characters(value);
    close(name);
  }
  /// An element the schema declares nillable, said to have no value.
  void nil(const std::string& name) {
    Poco::XML::AttributesImpl attributes;
    attributes.addAttribute(kXsiNamespace, "nil", "xsi:nil", "CDATA", "true");
    writer_.emptyElement(kCdcFluxNamespace, name, "cpf:" + name, attributes);
  }

 private:
  XMLWriter writer_;
};

void writeHolder(FluxWriter& xml, const ReportedCertification& line) {
  const GivenNames names = splitGivenNames(line.given_names);
  xml.open("identificationTitulaire");
  xml.open("titulaire");
  xml.text("nomNaissance", line.family_name);
  xml.nil("nomUsage");
  xml.text("prenom1", names.first);
  if (!names.second.empty()) xml.text("prenom2", names.second);
  if (!names.others.empty()) xml.text("prenom3", names.others);
  xml.text("anneeNaissance", std::to_string(std::stoi(line.birth_date.substr(0, 4))));
  xml.text("moisNaissance", std::to_string(std::stoi(line.birth_date.substr(5, 2))));
  xml.text("jourNaissance", std::to_string(std::stoi(line.birth_date.substr(8, 2))));
  xml.text("sexe", line.sex);
  xml.open("codeCommuneNaissance");
  xml.open("codeInseeNaissance");
  xml.text("codeInsee", line.birth_insee_code);
  xml.close("codeInseeNaissance");
  xml.close("codeCommuneNaissance");
  // Bytes bound characters: a place of at most 60 bytes fits the flux's 60 characters.
  if (!line.birth_place.empty() && line.birth_place.size() <= 60)
    xml.text("libelleCommuneNaissance", line.birth_place);
  if (const auto country = domain::birthCountryCode(line.birth_insee_code))
    xml.text("codePaysNaissance", *country);
  xml.close("titulaire");
  xml.close("identificationTitulaire");
}

void writePassage(FluxWriter& xml, const ReportedCertification& line) {
  xml.open("passageCertification");
  xml.text("idTechnique", line.technical_id);
  if (line.proof_url.size() <= 255) xml.text("urlPreuve", line.proof_url);
  xml.text("obtentionCertification", "PAR_ADMISSION");
  xml.text("donneeCertifiee", "true");
  xml.text("dateDebutValidite", line.decision_date);
  xml.nil("dateFinValidite");  // a CQPM does not expire
  xml.text("presenceNiveauLangueEuro", "false");
  xml.text("presenceNiveauNumeriqueEuro", "false");
  xml.nil("scoring");
  xml.nil("mentionValidee");
  xml.open("modalitesInscription");
  if (line.access_mode) {
    xml.text("modaliteAcces", *line.access_mode);
  } else {
    xml.nil("modaliteAcces");  // the file does not say which contract the candidate trained under
  }
  xml.text("dateInscription", line.registered_on);
  xml.close("modalitesInscription");
  writeHolder(xml, line);
  xml.close("passageCertification");
}

}  // namespace

GivenNames splitGivenNames(const std::string& given_names) {
  const Poco::StringTokenizer words(
      given_names, " ", Poco::StringTokenizer::TOK_IGNORE_EMPTY | Poco::StringTokenizer::TOK_TRIM);
  GivenNames names;
  for (std::size_t i = 0; i < words.count(); ++i) {
    if (i == 0) {
      names.first = words[i];
    } else if (i == 1) {
      names.second = words[i];
    } else {
      names.others += (names.others.empty() ? "" : " ") + words[i];
    }
  }
  return names;
}

std::string renderCdcFlux(const HolderReport& report, const std::string& flux_id,
                          const std::string& timestamp) {
  if (report.certifier.client_id.empty() || report.certifier.contract_id.empty()) {
    throw Error(ErrorCode::kInvalidState,
                "the certifier's Caisse des Dépôts identifiers are not configured "
                "(cqpm.accrochage.client_id, cqpm.accrochage.contract_id)");
  }
  // One <certification> per RNCP code, in the order codes first appear.
  std::vector<std::string> codes;
  std::map<std::string, std::vector<const ReportedCertification*>> passages;
  for (const auto& line : report.certifications) {
    if (!line.missing.empty()) continue;
    auto& list = passages[line.certification_code];
    if (list.empty()) codes.push_back(line.certification_code);
    list.push_back(&line);
  }
  if (codes.empty()) {
    throw Error(ErrorCode::kInvalidState,
                "no certification of this period can be reported yet: each lacks a fact the Caisse des "
                "Dépôts needs (see the holders' report)",
                "from");
  }
  std::ostringstream out;
  FluxWriter xml(out);
  xml.begin();
  xml.open("flux");
  xml.text("idFlux", flux_id);
  xml.text("horodatage", timestamp);
  xml.open("emetteur");
  xml.text("idClient", report.certifier.client_id);
  xml.open("certificateurs");
  xml.open("certificateur");
  xml.text("idClient", report.certifier.client_id);
  xml.text("idContrat", report.certifier.contract_id);
  xml.open("certifications");
  for (const auto& code : codes) {
    xml.open("certification");
    xml.text("type", "RNCP");
    xml.text("code", code);
    xml.text("natureDeposant", "CERTIFICATEUR");
    xml.open("passageCertifications");
    for (const ReportedCertification* line : passages[code]) writePassage(xml, *line);
    xml.close("passageCertifications");
    xml.close("certification");
  }
  xml.close("certifications");
  xml.close("certificateur");
  xml.close("certificateurs");
  xml.close("emetteur");
  xml.close("flux");
  xml.end();
  return out.str();
}

}  // namespace cqpm::accrochage
