#pragma once

#include <string>
#include <vector>

namespace cqpm::admin {

/// The 18 régions of France (13 metropolitan, 5 overseas), as the INSEE writes them.
const std::vector<std::string>& frenchRegions();
bool isFrenchRegion(const std::string& name);

/// A département code as the INSEE writes it: "01".."95" (but "20"), "2A",
/// "2B", or "971".."976".
bool isDepartementCode(const std::string& code);

}  // namespace cqpm::admin
