#pragma once

#include <Poco/Timestamp.h>

#include <optional>
#include <string>

namespace cqpm {

/// The instant `text` names when it is an ISO-8601 date-time with its zone, as a person or a page
/// writes one: "2027-03-18T10:00:00+01:00", "2027-03-18T09:00Z", "2027-03-18T10:00:00.250+01:00".
/// nullopt for anything else: no zone (whose 10 o'clock?), a date alone, or a day or hour that does
/// not exist (2027-02-30, 24:00) rather than one silently moved to the next.
std::optional<Poco::Timestamp> parseIsoInstant(const std::string& text);

}  // namespace cqpm
