#pragma once

#include <optional>
#include <string>

namespace cqpm::documents {

/// How many first bytes a browser reads to sniff a type: the "resource
/// header" of the WHATWG MIME Sniffing standard (1445 bytes).
inline constexpr std::size_t kSniffedHeaderBytes = 1445;

/// The first HTML tag that opens active markup in the first
/// kSniffedHeaderBytes of the file at `path` ("<script", "<html"...), found
/// case-insensitively and only when followed by white space, '>' or '/' (as
/// the standard's HTML patterns are), or nothing. A PDF or an image carrying
/// one is a polyglot a browser ignoring the declared type would render as a
/// page: uploads refuse it. The tags are those of the standard's HTML sniffing
/// list that can run or embed content (html, head, body, script, iframe,
/// object, embed, svg, and <!doctype html>); short ones such as <a or <p are
/// left out, as random image bytes would match them now and then.
std::optional<std::string> findHtmlMarkup(const std::string& path);

}  // namespace cqpm::documents
