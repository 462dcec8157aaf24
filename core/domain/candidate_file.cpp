#include "domain/candidate_file.h"

#include "common/enum_names.h"

namespace cqpm::domain {
namespace {
constexpr EnumNames<Pathway, 4> kPathwayNames{{
    {Pathway::kEmployee, "employee"},
    {Pathway::kVae, "vae"},
    {Pathway::kJobSeeker, "job_seeker"},
    {Pathway::kOther, "other"},
}};
}  // namespace

std::string_view pathwayName(Pathway pathway) { return enumName(kPathwayNames, pathway); }
std::optional<Pathway> parsePathway(std::string_view name) { return parseEnum(kPathwayNames, name); }

}  // namespace cqpm::domain
