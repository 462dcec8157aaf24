#pragma once

#include <string>

#include "archive/file_archive.h"

namespace cqpm::archive {

/// The file's archive as a PDF for the centre (A4, French): identity and registration answers, the
/// evaluation plan, the grid with observations and signatures, the company's opinion, the jury's
/// decisions and the whole history, each page footed with the candidate, the printing date and
/// « page n / N ». Throws Error{kInternal} if the PDF library fails.
std::string renderFileArchive(const FileArchive& archive);

}  // namespace cqpm::archive
