#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace cqpm {

/// A fixed table mapping enum values to their stable wire names.
template <typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, std::string_view>, N>;

/// The wire name of `value`, or an empty view if the table lacks it.
template <typename Enum, std::size_t N>
constexpr std::string_view enumName(const EnumNames<Enum, N>& table, Enum value) {
  for (const auto& [entry, name] : table) {
    if (entry == value) return name;
  }
  return {};
}

/// The value named `name`, or nullopt for a name not in the table.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> parseEnum(const EnumNames<Enum, N>& table, std::string_view name) {
  for (const auto& [entry, entry_name] : table) {
    if (entry_name == name) return entry;
  }
  return std::nullopt;
}

}  // namespace cqpm
