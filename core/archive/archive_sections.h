#pragma once

#include <string>

#include "archive/file_archive.h"
#include "certificates/text_flow.h"

namespace cqpm::archive {

/// The sections of the printed archive, each written down `flow` under its heading; a part the file
/// does not have yet says so in one line rather than vanishing (an archive shows what is missing).
/// A numbered section's title, on a new page when too little room is left for its first lines.
void sectionHeading(certificates::TextFlow& flow, const std::string& title);

void writeIdentity(certificates::TextFlow& flow, const FileArchive& archive);
void writePlan(certificates::TextFlow& flow, const FileArchive& archive);
void writeGrid(certificates::TextFlow& flow, const FileArchive& archive);
void writeOpinion(certificates::TextFlow& flow, const FileArchive& archive);
void writeDecisions(certificates::TextFlow& flow, const FileArchive& archive);
void writeHistory(certificates::TextFlow& flow, const FileArchive& archive);

/// The styles the sections share.
namespace styles {
inline const certificates::TextStyle kHeading{certificates::Face::kBold, 12.5f, 0.0f, 5.0f};
inline const certificates::TextStyle kSubheading{certificates::Face::kBold, 10.5f, 0.0f, 2.0f};
inline const certificates::TextStyle kBody{certificates::Face::kRegular, 9.5f, 0.0f, 2.0f};
inline const certificates::TextStyle kIndented{certificates::Face::kRegular, 9.5f, 12.0f, 2.0f};
inline const certificates::TextStyle kLabel{certificates::Face::kBold, 9.0f, 12.0f, 0.5f};
inline const certificates::TextStyle kNote{certificates::Face::kItalic, 9.0f, 0.0f, 2.0f};
inline constexpr float kTableSize = 9.0f;
}  // namespace styles

}  // namespace cqpm::archive
