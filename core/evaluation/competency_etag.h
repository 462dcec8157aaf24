#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cqpm::evaluation {

/// The entity tag of one competency of a file's grid at a content version:
/// "\"<file>-<competency>-v<version>\"" (quoted, as HTTP sends it). Each
/// competency has its own, so edits of different competencies never conflict.
std::string competencyEtag(const std::string& file_id, const std::string& competency, std::int64_t version);

/// The version an If-Match value names for that competency of that file, or
/// nullopt when it names something else (another file or competency, "*", or
/// text that is no tag of ours). A weak tag (W/"...") is read like a strong one.
std::optional<std::int64_t> versionOfEtag(const std::string& if_match, const std::string& file_id,
                                          const std::string& competency);

}  // namespace cqpm::evaluation
