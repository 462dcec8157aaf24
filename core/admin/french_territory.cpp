#include "admin/french_territory.h"

#include <algorithm>
#include <cctype>

namespace cqpm::admin {

const std::vector<std::string>& frenchRegions() {
  static const std::vector<std::string> regions{"Auvergne-Rhône-Alpes",
                                                "Bourgogne-Franche-Comté",
                                                "Bretagne",
                                                "Centre-Val de Loire",
                                                "Corse",
                                                "Grand Est",
                                                "Hauts-de-France",
                                                "Île-de-France",
                                                "Normandie",
                                                "Nouvelle-Aquitaine",
                                                "Occitanie",
                                                "Pays de la Loire",
                                                "Provence-Alpes-Côte d'Azur",
                                                "Guadeloupe",
                                                "Martinique",
                                                "Guyane",
                                                "La Réunion",
                                                "Mayotte"};
  return regions;
}

bool isFrenchRegion(const std::string& name) {
  const auto& regions = frenchRegions();
  return std::find(regions.begin(), regions.end(), name) != regions.end();
}

bool isDepartementCode(const std::string& code) {
  if (code == "2A" || code == "2B") return true;
  if (!std::all_of(code.begin(), code.end(),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return false;
  }
  if (code.size() == 2) return code != "00" && code != "20" && std::stoi(code) <= 95;
  if (code.size() == 3) return code >= "971" && code <= "976";
  return false;
}

}  // namespace cqpm::admin
