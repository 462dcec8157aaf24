#pragma once

#include <string>
#include <string_view>

namespace cqpm {

/// `utf8` in Unicode Normalization Form C (ICU): the composed form keyboards and most systems
/// write, so the same name typed on two machines is stored as the same bytes. Valid UTF-8 in,
/// valid UTF-8 out; input_rules.h checks validity first.
std::string toNfc(std::string_view utf8);

/// `utf8` folded for search and for recognising the same person: every script transliterated to
/// Latin, then to ASCII, marks removed, case folded (ICU "Any-Latin; Latin-ASCII", then case
/// folding). « Nguyễn », « NGUYEN » and « nguyen » fold alike, as do « Łukasiewicz » and
/// « lukasiewicz », « Größmann » and « grossmann », « Παπαδόπουλος » and « παπαδοπουλος ».
/// Thread-safe.
std::string foldedForSearch(std::string_view utf8);

}  // namespace cqpm
