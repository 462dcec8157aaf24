#pragma once

#include <string>

namespace cqpm::referentials {

/// `text` made safe inside a line of Markdown (CommonMark and GitHub's dialect): a
/// backslash before \ ` * _ [ ] < ~ and before & when it would start an entity
/// ("&amp;"); line breaks become spaces. Everything else, UTF-8 included, is kept.
/// Pure; never throws.
std::string escapeMarkdownInline(const std::string& text);

/// `text` made safe where a block starts (a paragraph, a list item): escapeMarkdownInline,
/// leading blanks dropped, and a leading # > - + = or "1." / "1)" kept from opening a
/// heading, quote, list or rule. Pure; never throws.
std::string escapeMarkdownBlock(const std::string& text);

/// `text` made safe inside a heading: escapeMarkdownInline and every # escaped, so no
/// closing sequence is cut off. Pure; never throws.
std::string escapeMarkdownHeading(const std::string& text);

}  // namespace cqpm::referentials
