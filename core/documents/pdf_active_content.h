#pragma once

#include <string>

namespace cqpm::documents {

/// What inspecting a PDF for active content concluded.
struct PdfInspection {
  enum class Verdict {
    kClean,          ///< nothing a reader would run
    kActiveContent,  ///< `found` is "JavaScript", "Launch" or "XFA"; `where` says in which object
    kUnreadable,     ///< the file has objects but cannot be checked; `found` says why
  };
  Verdict verdict = Verdict::kClean;
  std::string found;
  std::string where;  ///< "object 12 0", "the trailer"
};

/// Looks for what a PDF reader would run, with libqpdf (a real parser):
/// every object of the cross-reference table, including those packed in
/// compressed object streams, and every dictionary nested in them, with names
/// decoded (`/J#53` is `/JS`). Refused: a `/JS` or `/JavaScript` entry (a
/// script action, the document-level /Names -> /JavaScript tree), an action
/// whose `/S` is `/JavaScript` or `/Launch` (wherever it hangs: /OpenAction,
/// /AA, annotations, outlines), and `/XFA` forms (they carry scripts).
///
/// The file is read strictly first; a damaged file is read again with qpdf's
/// recovery, as readers repair files too. A file with no indirect object
/// header at all ("1 0 obj") holds nothing a reader could run and is clean
/// without further reading. Unreadable: a damaged file qpdf cannot recover or
/// whose object streams its repair no longer indexes, a password-protected one, more than 100,000 objects, or
/// object streams that decode to more than 64 MiB together (a decompression bomb is cut there), or a damaged
/// file whose repair would read more than 8 times its size plus 8 MiB (qpdf's repair is quadratic on some
/// damage: the work is bounded by the file's size, never by what an attacker wrote). Never throws
/// for the file's content. Thread-safe (one qpdf per call).
PdfInspection inspectPdf(const std::string& path);

}  // namespace cqpm::documents
