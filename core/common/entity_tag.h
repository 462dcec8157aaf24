#pragma once

#include <string>

namespace cqpm {

/// An entity tag as a client sends it back in If-Match, reduced to its opaque
/// text: surrounding blanks, a weak marker (W/) and the quotes do not count
/// ("W/\"2.5\"" and "\"2.5\"" both give "2.5"). Text that is no quoted tag
/// comes back trimmed, without its weak marker.
std::string bareEntityTag(std::string tag);

}  // namespace cqpm
