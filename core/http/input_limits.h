#pragma once

#include "common/input_rules.h"

/// The limits of the API's input fields, one table, read by the handlers through
/// JsonFields (http/json_body.h). Lengths are in characters. Free texts (reasons,
/// comments) are multi-line; every other text is one line. They are generous for
/// people and small enough that one field cannot fill a PDF page by page: the
/// minutes and certificates print names, places and reasons as given.
namespace cqpm::http::limits {

// Identifiers the server issued (UUIDs, tokens) or declared (CQPM ids, enum values).
inline constexpr TextLimit kId{64};
inline constexpr TextLimit kEnum{32};  ///< pathway, role, college, kind, outcome, transition id...

// People and organisations.
inline constexpr TextLimit kPersonName{100};  ///< given_name, family_name
inline constexpr TextLimit kDisplayName{200};
inline constexpr TextLimit kLogin{200};
inline constexpr TextLimit kEmail{254};  ///< RFC 5321's path limit
inline constexpr TextLimit kBirthPlace{100};
inline constexpr TextLimit kOrganisationName{200};
inline constexpr TextLimit kRegion{100};
inline constexpr TextLimit kDepartement{3};  ///< "69", "2A", "974"
inline constexpr TextLimit kSiret{20};       ///< 14 digits, spaces allowed
inline constexpr TextLimit kAddress{500, true};
inline constexpr TextLimit kPassword{1024};  ///< passwords are checked further by the policy

// Dates and times as the API writes them.
inline constexpr TextLimit kIsoDate{10};     ///< YYYY-MM-DD
inline constexpr TextLimit kClockTime{5};    ///< HH:MM
inline constexpr TextLimit kDateOrTime{40};  ///< a date or an ISO 8601 date-time (deadlines)

// Choices among a few words ("immediate", "daily", "none"), checked further by core.
inline constexpr TextLimit kChoice{40};

// Jury sessions.
inline constexpr TextLimit kJuryPlace{200};

// Free texts, printed in the minutes and the history: a page of text at most.
inline constexpr TextLimit kReason{4000, true};         ///< every reason, motive, erratum
inline constexpr TextLimit kVerdictReason{2000, true};  ///< a jury's reason on one competency

// Integers.
inline constexpr IntegerRange kBlocIndex{1, 1000};           ///< a bloc by its 1-based index
inline constexpr IntegerRange kCompetencyNumber{1, 100000};  ///< a competency by its number
inline constexpr IntegerRange kReferentialVersion{1, 1000000};

}  // namespace cqpm::http::limits
