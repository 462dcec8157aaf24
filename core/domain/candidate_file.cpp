#include "domain/candidate_file.h"

#include <array>
#include <utility>

namespace cqpm::domain {
namespace {
constexpr std::array<std::pair<Pathway, std::string_view>, 4> kPathwayNames{{
    {Pathway::kEmployee, "employee"},
    {Pathway::kVae, "vae"},
    {Pathway::kJobSeeker, "job_seeker"},
    {Pathway::kOther, "other"},
}};
}  // namespace

std::string_view pathwayName(Pathway pathway) {
  for (const auto& [value, name] : kPathwayNames) {
    if (value == pathway) return name;
  }
  return {};
}

std::optional<Pathway> parsePathway(std::string_view name) {
  for (const auto& [value, entry] : kPathwayNames) {
    if (entry == name) return value;
  }
  return std::nullopt;
}

}  // namespace cqpm::domain
