#include "accrochage/holder_report.h"

namespace cqpm::accrochage {

std::string missingFactName(MissingFact fact) {
  switch (fact) {
    case MissingFact::kSex:
      return "sex";
    case MissingFact::kBirthInseeCode:
      return "birth_insee_code";
    case MissingFact::kCertificationCode:
      return "certification_code";
    case MissingFact::kName:
      return "name";
  }
  return "name";
}

std::string missingFactFrench(MissingFact fact) {
  switch (fact) {
    case MissingFact::kSex:
      return "sexe non renseigné";
    case MissingFact::kBirthInseeCode:
      return "code INSEE du lieu de naissance non renseigné";
    case MissingFact::kCertificationCode:
      return "code RNCP non enregistré dans le référentiel";
    case MissingFact::kName:
      return "nom ou prénom vide ou trop long pour la Caisse des Dépôts (60 caractères)";
  }
  return {};
}

}  // namespace cqpm::accrochage
