#include "notifications/email_frequency.h"

namespace cqpm::notifications {

std::string_view emailFrequencyName(EmailFrequency frequency) {
  switch (frequency) {
    case EmailFrequency::kImmediate:
      return "immediate";
    case EmailFrequency::kDaily:
      return "daily";
    case EmailFrequency::kNone:
      return "none";
  }
  return "immediate";
}

std::optional<EmailFrequency> parseEmailFrequency(std::string_view name) {
  for (const auto frequency : {EmailFrequency::kImmediate, EmailFrequency::kDaily, EmailFrequency::kNone}) {
    if (emailFrequencyName(frequency) == name) return frequency;
  }
  return std::nullopt;
}

std::string_view initialEmailState(EmailFrequency frequency) {
  switch (frequency) {
    case EmailFrequency::kImmediate:
      return "pending";
    case EmailFrequency::kDaily:
      return "digest";
    case EmailFrequency::kNone:
      return "none";
  }
  return "pending";
}

}  // namespace cqpm::notifications
