#pragma once
// Belgian local police zones for synthetic police reports (demo data): each
// zone with its number and name as the report's `police_zone` ("5345
// Antwerpen"), its language, the prefix of its police report numbers, how many
// reports it contributes, where its families' names come from, and some of its
// municipalities with postcodes and streets. Addresses built from them are
// plausible, not real. Static, immutable data: safe to read from any thread.

#include "core/demo/names.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace casechain::core::demo {

struct municipality {
  std::string_view postcode;
  std::string_view name;
  std::span<const std::string_view> streets;  // never empty
};

struct police_zone {
  std::string_view label;      // "5345 Antwerpen": written as the report's police_zone
  std::string_view pv_prefix;  // "AN.45.L1": the PV number is "<prefix>.<6 digits>/<yy>"
  demo::language language;     // of the zone's reports (nl or fr)
  std::uint32_t weight;        // relative share of the reports
  std::array<std::uint16_t, name_origin_count> origins;  // relative weight per name_origin
  std::span<const municipality> municipalities;          // never empty
};

// The zones, in a fixed order; never empty.
std::span<const police_zone> police_zones();

// The zone with this label, or nullptr.
const police_zone* find_police_zone(std::string_view label);

}  // namespace casechain::core::demo
