#include "certificates/french_dates.h"

#include <array>
#include <string_view>

#include "common/iso_date.h"

namespace cqpm::certificates {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"janvier",   "février", "mars",     "avril",
                                                      "mai",       "juin",    "juillet",  "août",
                                                      "septembre", "octobre", "novembre", "décembre"};

}  // namespace

std::string frenchLongDate(const std::string& iso_date) {
  const auto date = parseIsoDate(iso_date);
  if (!date) return iso_date;
  const std::string day = date->day() == 1 ? "1er" : std::to_string(date->day());
  return day + " " + std::string(kMonths[date->month() - 1]) + " " + std::to_string(date->year());
}

std::string frenchShortDate(const std::string& iso_date) {
  if (!parseIsoDate(iso_date)) return iso_date;
  return iso_date.substr(8, 2) + "/" + iso_date.substr(5, 2) + "/" + iso_date.substr(0, 4);
}

}  // namespace cqpm::certificates
