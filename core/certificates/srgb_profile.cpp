#include "certificates/srgb_profile.h"

#include <lcms2.h>

#include <cstddef>
#include <memory>

#include "common/error.h"

namespace cqpm::certificates {
namespace {

struct ProfileRelease {
  void operator()(void* profile) const { cmsCloseProfile(profile); }
};

// ICC.1:2010, 7.2.1: the header's creation date is six big-endian 16-bit numbers at byte 24.
constexpr std::size_t kHeaderDateOffset = 24;

void stampFixedDate(std::string& profile) {
  std::size_t at = kHeaderDateOffset;
  for (const unsigned number : kSrgbProfileDate) {
    profile[at++] = static_cast<char>((number >> 8U) & 0xFFU);
    profile[at++] = static_cast<char>(number & 0xFFU);
  }
}

}  // namespace

std::string srgbIccProfile() {
  const std::unique_ptr<void, ProfileRelease> profile(cmsCreate_sRGBProfile());
  cmsUInt32Number size = 0;
  if (!profile || cmsSaveProfileToMem(profile.get(), nullptr, &size) == 0 || size < 128) {
    throw Error(ErrorCode::kInternal, "LittleCMS could not make the sRGB profile");
  }
  std::string bytes(size, '\0');
  if (cmsSaveProfileToMem(profile.get(), bytes.data(), &size) == 0) {
    throw Error(ErrorCode::kInternal, "LittleCMS could not write the sRGB profile");
  }
  bytes.resize(size);
  // LittleCMS leaves the profile ID (an MD5 over the header) zero, which means "not computed", so
  // changing the date invalidates nothing.
  stampFixedDate(bytes);
  return bytes;
}

}  // namespace cqpm::certificates
