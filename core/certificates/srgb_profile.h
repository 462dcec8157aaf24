#pragma once

#include <string>

namespace cqpm::certificates {

/// The sRGB ICC profile a PDF/A output intent embeds, made by LittleCMS rather than read from a
/// file. Always the same bytes: LittleCMS stamps a profile with the second it was made, which would
/// make two renderings of one document differ whenever they straddle a second, so the header's date
/// is set to kSrgbProfileDate.
std::string srgbIccProfile();

/// The date written in the profile's header (ICC dateTimeNumber: year, month, day, hour, minute,
/// second): the day this fixed date was chosen.
inline constexpr unsigned kSrgbProfileDate[6] = {2026, 12, 5, 0, 0, 0};

}  // namespace cqpm::certificates
